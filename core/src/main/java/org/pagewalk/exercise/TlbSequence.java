package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.text.Hex;

/**
 * The short runs of accesses a TLB question asks about, each teaching one rule: a page's second
 * access hits; INVLPG and a CR3 write remove it; a fault is never cached; INVLPG of another page
 * leaves it; a write that set D leaves an entry a read then hits.
 */
final class TlbSequence {
    static final int COUNT = 6;

    private TlbSequence() {
    }

    /** The lines of template {@code t} on two mapped user pages and one unmapped address. */
    static List<String> lines(int t, Prng rnd, int page1, int page2, int missing, int cr3) {
        List<String> l = new ArrayList<>();
        String p1 = Hex.hex32(page1 | rnd.below(4096));
        String p1again = Hex.hex32(page1 | rnd.below(4096));
        String p2 = Hex.hex32(page2 | rnd.below(4096));
        switch (t) {
            case 0:
                l.add("translate user read " + p1);
                l.add("translate user read " + p1again);
                break;
            case 1:
                l.add("translate user read " + p1);
                l.add("invlpg " + p1);
                l.add("translate user read " + p1again);
                break;
            case 2:
                l.add("translate user read " + p1);
                l.add("mov cr3, " + Hex.hex32(cr3));
                l.add("translate user read " + p1again);
                break;
            case 3:
                l.add("translate user read " + Hex.hex32(missing));
                l.add("translate user read " + Hex.hex32(missing));
                break;
            case 4:
                l.add("translate user read " + p1);
                l.add("translate user read " + p2);
                l.add("invlpg " + p2);
                l.add("translate user read " + p1again);
                break;
            default:
                l.add("translate user write " + p1);
                l.add("translate user read " + p2);
                l.add("translate user read " + p1again);
                break;
        }
        return l;
    }

    /** The address of the last line (an access). */
    static int lastLinear(List<String> lines) {
        String last = lines.get(lines.size() - 1);
        int[] out = new int[1];
        org.pagewalk.text.Numbers.parse(last.substring(last.lastIndexOf(' ') + 1), out);
        return out[0];
    }
}
