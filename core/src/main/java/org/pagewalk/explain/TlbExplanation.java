package org.pagewalk.explain;

import org.pagewalk.machine.TlbEntry;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.TraceEvent;

/**
 * "Explain" for the TLB: one row (what it caches, where that came from, which set it lives in and
 * why, its rights, D, G and LRU age, what the last action did to it, and whether it is stale) and
 * one eviction. The replacement policy is this CPU model's choice: the SDM leaves it to the
 * implementation (Vol. 3A §4.10.2), and Pagewalk replaces the least recently used way.
 */
public final class TlbExplanation {
    private TlbExplanation() {
    }

    /**
     * A row. {@code last}: what the last action did to it ({@code "hit"}, {@code "filled"},
     * {@code "replaced"}, {@code "removed"}) or {@code null}; {@code stale}: {@link Words#staleness} of the row, or
     * {@code null} when it agrees with memory.
     */
    public static String row(TlbEntry e, TlbGeometry g, String last, String stale) {
        String where = "Set " + e.set() + ", way " + e.way();
        if (!e.isValid()) {
            return where + " is empty: it caches no translation." + ("removed".equals(last)
                    ? " The last action removed the translation it held (an invalidation, such as INVLPG, a CR3 write, a page"
                    + " fault on the page or a re-walk)." : "") + " A TLB miss whose page belongs to set " + e.set()
                    + " fills an empty way of the set before it evicts anything.";
        }
        int base = e.linearBase();
        int size = e.isLargePage() ? 0x400000 : 0x1000;
        StringBuilder sb = new StringBuilder(where).append(" caches the translation of the ")
                .append(e.isLargePage() ? "4 MiB" : "4 KiB").append(" page at linear ").append(Hex.hex32(base))
                .append(" (up to ").append(Hex.hex32(base + size - 1)).append(") to physical ").append(Hex.hex32(e.frame()))
                .append(": a hit in that page reaches ").append(Hex.hex32(e.frame())).append(" + its offset ")
                .append(e.isLargePage() ? "(bits 21-0)" : "(bits 11-0)").append(" without reading any entry.");
        if (e.isLargePage()) {
            int dir = base >>> 22;
            sb.append(" Its set is the directory index mod ").append(g.sets()).append(": ").append(dir).append(" mod ")
                    .append(g.sets()).append(" = ").append(e.set()).append('.');
            sb.append(" It was filled from PDE ").append(dir).append(" at ").append(Hex.hex32(e.pdeAddress())).append(", which held ")
                    .append(Hex.hex32(e.pde())).append(" (PS = 1: a 4 MiB page, no page table).");
        } else {
            int page = e.pageNumber();
            sb.append(" Its set is the page number mod ").append(g.sets()).append(": ").append(Hex.hex(page, 5)).append(" mod ")
                    .append(g.sets()).append(" = ").append(e.set()).append('.');
            sb.append(" It was filled from PDE ").append(page >>> 10).append(" at ").append(Hex.hex32(e.pdeAddress())).append(" (")
                    .append(Hex.hex32(e.pde())).append(") and PTE ").append(page & 0x3FF).append(" at ")
                    .append(Hex.hex32(e.pteAddress())).append(" (").append(Hex.hex32(e.pte())).append(").");
        }
        sb.append(" It keeps the rights of ").append(e.isLargePage() ? "the PDE" : "both entries combined").append(": ")
                .append(e.isWritable() ? "writable (R/W = 1" : "read-only (R/W = 0")
                .append(e.isLargePage() ? ")" : e.isWritable() ? " in both)" : " in at least one)").append(", ")
                .append(e.isUser() ? "user (U/S = 1" : "supervisor only (U/S = 0")
                .append(e.isLargePage() ? ")." : e.isUser() ? " in both)." : " in at least one).");
        sb.append(e.isDirty() ? " D = 1: Dirty was set in the entry that maps the page (when the row was filled, or by a write"
                + " through it), so a write uses the row without a walk."
                : " D = 0: on this CPU model the first write through it walks again, to set Dirty in the entry in memory.");
        if (e.isGlobal()) {
            sb.append(" G = 1 (global, with CR4.PGE on): a CR3 write does not remove it.");
        }
        sb.append(" Age ").append(e.age()).append(" is its rank in the set, 0 the most recently used; when the set is full, ")
                .append("this CPU model replaces the way with the highest age (least recently used: the SDM leaves the choice to the CPU).");
        if ("hit".equals(last)) {
            sb.append(" The last action hit this row: its translation was used and no entry was read.");
        } else if ("filled".equals(last)) {
            sb.append(" The last action filled this row after a walk.");
        } else if ("replaced".equals(last)) {
            sb.append(" The last action evicted this row's previous translation (its set was full and it was the least ")
                    .append("recently used) and filled it with this one.");
        }
        if (stale != null) {
            sb.append(" This row is stale: ").append(stale).append(". ").append(Explanation.STALE_RULE);
        }
        return sb.toString();
    }

    /**
     * An eviction ({@code evict}, a {@code TLB_EVICT} event), with the fill that took the way
     * ({@code fill}, or {@code null}).
     */
    public static String eviction(TraceEvent evict, TraceEvent fill, TlbGeometry g) {
        int old = evict.pageNumber() << 12;
        StringBuilder sb = new StringBuilder("Set ").append(evict.set()).append(" has ").append(g.ways())
                .append(g.ways() == 1 ? " way" : " ways").append(", all holding translations, and ");
        if (fill != null) {
            sb.append("page ").append(Hex.hex32(fill.pageNumber() << 12)).append(" needed one of them");
        } else {
            sb.append("a new translation needed one of them");
        }
        sb.append(". This CPU model evicts the least recently used way (the SDM leaves the replacement policy to the CPU): way ")
                .append(evict.way()).append(", which cached page ").append(Hex.hex32(old)).append(" -> ")
                .append(Hex.hex32(evict.frame())).append('.');
        if (fill != null) {
            sb.append(" Way ").append(fill.way()).append(" now caches ").append(Hex.hex32(fill.pageNumber() << 12)).append(" -> ")
                    .append(Hex.hex32(fill.frame())).append('.');
        }
        sb.append(" Nothing in memory changed: the next access to page ").append(Hex.hex32(old))
                .append(" misses and walks the page tables again.");
        return sb.toString();
    }
}
