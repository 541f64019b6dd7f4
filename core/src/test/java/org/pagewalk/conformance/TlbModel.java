package org.pagewalk.conformance;

import java.util.HashMap;
import java.util.Map;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.Tlb;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.machine.Translation;

/**
 * What the architectural TLB may hold (SDM Vol. 3A §4.10): an entry for a page may exist only
 * if the page was translated since the last invalidation that covered it, and it says what a
 * fresh walk said when it was filled. The model keeps, per page, that fill-time walk (a shadow)
 * and drops it where an INVLPG, a page fault or a CR3/CR4/CR0 write must have removed the
 * entry. Entries the machine drops earlier (eviction, re-walk, its extra flush on a PSE change)
 * are allowed: the model only bounds what may be there.
 */
final class TlbModel {
    /** The fill-time walk of one page: what a hit on it must give. */
    static final class Shadow {
        final int base;
        final boolean large;
        final int rights;
        final boolean global;
        final boolean dirty;
        private final ReferenceWalk.Result walk;
        private final int linear;

        Shadow(ReferenceWalk.Result walk, int linear) {
            this.large = walk.large;
            this.base = walk.faulted() ? -1 : walk.physical & (large ? 0xFFC00000 : 0xFFFFF000);
            this.rights = walk.rights;
            this.global = walk.global;
            this.dirty = walk.dirty;
            this.walk = walk;
            this.linear = linear;
        }

        @Override
        public String toString() {
            return ReferenceWalk.hex(linear) + ": " + walk;
        }
    }

    private Map<Integer, Shadow> small = new HashMap<>();
    private Map<Integer, Shadow> large = new HashMap<>();

    TlbModel copy() {
        TlbModel c = new TlbModel();
        c.small = new HashMap<>(small);
        c.large = new HashMap<>(large);
        return c;
    }

    /** A fill happened now: record what a fresh walk of the page says, memory as it is. */
    void filled(Machine m, int pageNumber) {
        int linear = pageNumber << 12;
        ReferenceWalk.Result walk = ReferenceWalk.walk(m::readPhysical32, m.cr().cr3(), m.cr().cr0(), m.cr().cr4(),
                linear, false, false, false);
        Shadow s = new Shadow(walk, linear);
        if (walk.large) {
            large.put(linear >>> 22, s);
        } else {
            small.put(linear >>> 12, s);
        }
    }

    /** INVLPG, or a page fault: every entry for the page goes, whatever its size. */
    void invalidatePage(int linear) {
        small.remove(linear >>> 12);
        large.remove(linear >>> 22);
    }

    void writeCr3() {
        small.values().removeIf(s -> !s.global);
        large.values().removeIf(s -> !s.global);
    }

    void writeCr4(int old, int value) {
        if (((old ^ value) & (1 << 7)) != 0) {
            flushAll();
        }
    }

    void writeCr0(int old, int value) {
        if (old < 0 && value >= 0) {
            flushAll();
        }
    }

    private void flushAll() {
        small.clear();
        large.clear();
    }

    /** The shadow a hit on {@code linear} may come from, or {@code null}. */
    Shadow covering(int linear) {
        Shadow s = small.get(linear >>> 12);
        return s != null ? s : large.get(linear >>> 22);
    }

    /** Why a hit that gave {@code t} could not have come from the model's TLB, or {@code null}. */
    String checkHit(Translation t) {
        Shadow s = t.isLargePage() ? large.get(t.linear() >>> 22) : small.get(t.linear() >>> 12);
        if (s == null) {
            return "TLB hit on " + t + " but no translation of that page is allowed in the TLB";
        }
        int expected = s.base | (t.linear() & (s.large ? 0x003FFFFF : 0xFFF));
        if (t.physical() != expected || t.isLargePage() != s.large || t.rights() != s.rights
                || t.isGlobal() != s.global) {
            return "TLB hit gave " + t + " but the walk when it was filled gave " + s;
        }
        return null;
    }

    /** Why the machine's TLB holds something the model forbids, or {@code null}. */
    String checkContents(Tlb tlb) {
        TlbGeometry g = tlb.geometry();
        for (int set = 0; set < g.sets(); set++) {
            for (int way = 0; way < g.ways(); way++) {
                TlbEntry e = tlb.entry(set, way);
                if (!e.isValid()) {
                    continue;
                }
                Shadow s = e.isLargePage() ? large.get(e.linearBase() >>> 22) : small.get(e.pageNumber());
                if (s == null) {
                    return "TLB holds " + e + " though an invalidation since its fill must have removed it";
                }
                if (s.base != e.frame() || s.large != e.isLargePage() || s.global != e.isGlobal()
                        || s.dirty != e.isDirty() || s.rights != ((e.isWritable() ? 2 : 0) | (e.isUser() ? 4 : 0))) {
                    return "TLB holds " + e + " but the walk when it was filled gave " + s;
                }
            }
        }
        return null;
    }
}
