package org.pagewalk.machine;

/**
 * The machine as compact, versioned text: configuration, control registers, the TLB's valid
 * entries, and the non-zero words of each backed frame as runs. A fresh CeanOS boot is a few
 * KiB. Lines:
 * <pre>
 * pagewalk-machine 1
 * config FRAMES TLB_ENTRIES TLB_WAYS
 * cr CR0 CR2 CR3 CR4
 * tlb CLOCK LARGE HITS MISSES EVICTIONS
 * e INDEX TAG MASK FRAME FLAGS LASTUSE PDEADDR PDE PTEADDR PTE
 * f FRAME WORD:V,V,V;WORD:V
 * end
 * </pre>
 * All numbers are unsigned hexadecimal without prefix.
 */
public final class MachineCodec {
    public static final String MAGIC = "pagewalk-machine";
    public static final int VERSION = 1;

    private MachineCodec() {
    }

    public static String encode(Machine m) {
        MachineSnapshot s = m.snapshot();
        StringBuilder sb = new StringBuilder(4096);
        sb.append(MAGIC).append(' ').append(VERSION).append('\n');
        sb.append("config ").append(hex(s.config.ramFrames())).append(' ').append(hex(s.config.tlb().entries()))
                .append(' ').append(hex(s.config.tlb().ways())).append('\n');
        sb.append("cr ").append(hex(s.cr0)).append(' ').append(hex(s.cr2)).append(' ').append(hex(s.cr3))
                .append(' ').append(hex(s.cr4)).append('\n');
        int[][] tlbState = m.tlb().save();
        int[] counters = tlbState[9];
        sb.append("tlb");
        for (int c : counters) {
            sb.append(' ').append(hex(c));
        }
        sb.append('\n');
        int[] flags = tlbState[3];
        for (int i = 0; i < flags.length; i++) {
            if ((flags[i] & Tlb.VALID) != 0) {
                sb.append("e ").append(hex(i));
                for (int k = 0; k < 9; k++) {
                    sb.append(' ').append(hex(tlbState[k][i]));
                }
                sb.append('\n');
            }
        }
        PhysicalMemory mem = m.memory();
        for (int f = 0; f < mem.frames(); f++) {
            if (!mem.isBacked(f)) {
                continue;
            }
            int[] w = mem.frameWords(f);
            StringBuilder line = new StringBuilder();
            int i = 0;
            while (i < 1024) {
                if (w[i] == 0) {
                    i++;
                    continue;
                }
                line.append(line.length() == 0 ? "" : ";").append(hex(i)).append(':');
                boolean first = true;
                while (i < 1024 && w[i] != 0) {
                    line.append(first ? "" : ",").append(hex(w[i]));
                    first = false;
                    i++;
                }
            }
            if (line.length() > 0) {
                sb.append("f ").append(hex(f)).append(' ').append(line).append('\n');
            }
        }
        sb.append("end\n");
        return sb.toString();
    }

    /** Rebuilds a machine; throws {@link IllegalArgumentException} naming the bad line. */
    public static Machine decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no machine state given");
        }
        String[] lines = org.pagewalk.text.Split.on(text, '\n');
        int n = 0;
        if (lines.length == 0 || !lines[0].trim().startsWith(MAGIC + " ")) {
            throw new IllegalArgumentException("line 1: expected '" + MAGIC + " " + VERSION + "', this is not a Pagewalk machine state");
        }
        String version = lines[0].trim().substring(MAGIC.length() + 1).trim();
        if (!version.equals(Integer.toString(VERSION))) {
            throw new IllegalArgumentException("line 1: machine state version " + version + " is not supported (this Pagewalk reads version " + VERSION + ")");
        }
        Machine m = null;
        int[][] tlb = null;
        int cr0 = 0;
        int cr2 = 0;
        int cr3 = 0;
        int cr4 = 0;
        boolean ended = false;
        for (n = 1; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] p = org.pagewalk.text.Split.on(line, ' ');
            String where = "line " + (n + 1) + ": ";
            try {
                switch (p[0]) {
                    case "config":
                        need(p, 4, where);
                        m = new Machine(new MachineConfig(num(p[1], where), new TlbGeometry(num(p[2], where), num(p[3], where))));
                        tlb = m.tlb().save();
                        for (int[] a : tlb) {
                            java.util.Arrays.fill(a, 0);
                        }
                        break;
                    case "cr":
                        need(p, 5, where);
                        cr0 = num(p[1], where);
                        cr2 = num(p[2], where);
                        cr3 = num(p[3], where);
                        cr4 = num(p[4], where);
                        String bad = ControlRegisters.checkCr0(cr0);
                        bad = bad != null ? bad : ControlRegisters.checkCr3(cr3);
                        bad = bad != null ? bad : ControlRegisters.checkCr4(cr4);
                        if (bad != null) {
                            throw new IllegalArgumentException(where + bad);
                        }
                        break;
                    case "tlb":
                        requireConfig(m, where);
                        need(p, 6, where);
                        for (int k = 0; k < 5; k++) {
                            tlb[9][k] = num(p[k + 1], where);
                        }
                        break;
                    case "e": {
                        requireConfig(m, where);
                        need(p, 11, where);
                        int i = num(p[1], where);
                        if (i < 0 || i >= tlb[0].length) {
                            throw new IllegalArgumentException(where + "TLB entry index " + i + " is outside 0.." + (tlb[0].length - 1));
                        }
                        for (int k = 0; k < 9; k++) {
                            tlb[k][i] = num(p[k + 2], where);
                        }
                        break;
                    }
                    case "f": {
                        requireConfig(m, where);
                        need(p, 3, where);
                        int frame = num(p[1], where);
                        if (frame < 0 || frame >= m.memory().frames()) {
                            throw new IllegalArgumentException(where + "frame " + frame + " is beyond installed RAM");
                        }
                        for (String run : org.pagewalk.text.Split.on(p[2], ';')) {
                            int colon = run.indexOf(':');
                            if (colon < 0) {
                                throw new IllegalArgumentException(where + "expected WORD:VALUE,... in '" + run + "'");
                            }
                            int word = num(run.substring(0, colon), where);
                            for (String v : org.pagewalk.text.Split.on(run.substring(colon + 1), ',')) {
                                if (word < 0 || word >= 1024) {
                                    throw new IllegalArgumentException(where + "word index past the end of the frame");
                                }
                                m.memory().write32((frame << 12) + (word << 2), num(v, where));
                                word++;
                            }
                        }
                        break;
                    }
                    case "end":
                        ended = true;
                        break;
                    default:
                        throw new IllegalArgumentException(where + "unknown record '" + p[0] + "' (expected config, cr, tlb, e, f or end)");
                }
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                throw new IllegalArgumentException(msg.startsWith("line ") ? msg : where + msg);
            }
            if (ended) {
                break;
            }
        }
        requireConfig(m, "");
        if (!ended) {
            throw new IllegalArgumentException("the machine state is cut short: no 'end' line");
        }
        // Counts of 4 MiB entries are derived, not trusted.
        int large = 0;
        for (int f : tlb[3]) {
            if ((f & (Tlb.VALID | Tlb.LARGE)) == (Tlb.VALID | Tlb.LARGE)) {
                large++;
            }
        }
        tlb[9][1] = large;
        m.tlb().load(tlb);
        m.cr().load(cr0, cr2, cr3, cr4);
        return m;
    }

    private static void requireConfig(Machine m, String where) {
        if (m == null) {
            throw new IllegalArgumentException(where + "the 'config' line must come first");
        }
    }

    private static void need(String[] p, int count, String where) {
        if (p.length != count) {
            throw new IllegalArgumentException(where + "'" + p[0] + "' takes " + (count - 1) + " numbers, found " + (p.length - 1));
        }
    }

    private static String hex(int v) {
        return Integer.toHexString(v);
    }

    private static int num(String s, String where) {
        if (s.isEmpty() || s.length() > 8) {
            throw new IllegalArgumentException(where + "'" + s + "' is not a 32-bit hexadecimal number");
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException(where + "'" + s + "' is not a hexadecimal number");
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
