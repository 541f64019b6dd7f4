package org.pagewalk.explain;

import java.util.List;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;

/**
 * "Explain" for any result: the reasoning of the last translation in full sentences with its
 * numbers (how the address splits, what the TLB did, each entry read and what its bits mean,
 * which bit decided a fault, the arithmetic of the physical address, what the TLB kept or
 * evicted). It reads the same events the walk view and the log read; {@link Narrator} words the
 * single events, this class the argument that links them.
 */
public final class Explanation {
    /** Why a stale entry keeps being used (SDM Vol. 3A §4.10.2.3, §4.10.4.1). */
    static final String STALE_RULE = "On a hit the CPU does not read memory, so the old translation is used until something "
            + "removes the entry: INVLPG of this page, a CR3 write (not for a global entry), a page fault on the page, or eviction.";

    private Explanation() {
    }

    /**
     * The explanation for the event at {@code index} of {@code events} (a log line): for an event of
     * a translation (the TLB lookup, an entry read, A/D, the result, a fault, a fill), the whole
     * translation it belongs to; for an eviction, the eviction; {@code null} for other events.
     */
    public static String ofEvent(List<TraceEvent> events, int index, String stale, TlbGeometry g) {
        TraceEvent e = events.get(index);
        if (e.kind() == EventKind.TLB_EVICT) {
            TraceEvent fill = null;
            for (int i = index + 1; i < events.size() && fill == null; i++) {
                TraceEvent f = events.get(i);
                if (f.kind() == EventKind.TLB_FILL && f.set() == e.set() && f.way() == e.way()) {
                    fill = f;
                }
            }
            return TlbExplanation.eviction(e, fill, g);
        }
        if (!inTranslation(e.kind())) {
            return null;
        }
        int start = index;
        while (start >= 0 && events.get(start).kind() != EventKind.WALK_START) {
            start--;
        }
        if (start < 0) {
            return null;
        }
        int end = start + 1;
        while (end < events.size() && inTranslation(events.get(end).kind()) && events.get(end).kind() != EventKind.WALK_START) {
            end++;
        }
        if (index >= end) {
            return null;
        }
        return of(events.subList(start, end), stale);
    }

    private static boolean inTranslation(EventKind k) {
        switch (k) {
            case WALK_START:
            case TLB_HIT:
            case TLB_MISS:
            case TLB_DIRTY_REWALK:
            case TLB_RIGHTS_REWALK:
            case TLB_INVALIDATE:
            case PDE_READ:
            case PTE_READ:
            case ACCESSED_SET:
            case DIRTY_SET:
            case TRANSLATED:
            case PAGE_FAULT:
            case TLB_EVICT:
            case TLB_FILL:
                return true;
            default:
                return false;
        }
    }

    /**
     * The explanation of the last translation among {@code events}, or {@code null} when they hold
     * none. {@code stale}: {@link Words#staleness} of the TLB entry a hit used, or {@code null}.
     */
    public static String of(List<TraceEvent> events, String stale) {
        int start = -1;
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).kind() == EventKind.WALK_START) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        TraceEvent first = events.get(start);
        int linear = first.linear();
        int access = first.access();
        StringBuilder sb = new StringBuilder();
        sb.append("A ").append(Words.access(access)).append(" of ").append(Hex.hex32(linear))
                .append(" (a linear address; with CeanOS's flat segments it equals the virtual one). 32-bit paging splits it into ")
                .append("directory index ").append(linear >>> 22).append(" (bits 31-22), table index ")
                .append((linear >>> 12) & 0x3FF).append(" (bits 21-12) and offset ").append(Hex.hex(linear & 0xFFF, 3))
                .append(" (bits 11-0).");
        int pde = 0;
        int pte = -1;
        for (int i = start + 1; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            switch (e.kind()) {
                case TLB_HIT:
                    sb.append(" The TLB already held page ").append(Hex.hex32(linear & EntryBits.FRAME_4K))
                            .append(" in set ").append(e.set()).append(", way ").append(e.way())
                            .append(", so the CPU read no entry: physical ").append(Hex.hex32(e.physical())).append('.');
                    if (stale != null) {
                        sb.append(" That entry is stale: ").append(stale).append(". ").append(STALE_RULE);
                    }
                    break;
                case TLB_MISS:
                    sb.append(" The TLB held no entry for page ").append(Hex.hex32(linear & EntryBits.FRAME_4K))
                            .append(" (set ").append(e.set()).append("), so the CPU walked the page tables in memory.");
                    break;
                case TLB_DIRTY_REWALK:
                    sb.append(" The TLB held this page with Dirty clear; a write needs D set in memory, so the CPU walked again.");
                    break;
                case TLB_RIGHTS_REWALK:
                    sb.append(" The TLB held this page with rights that refuse this access, so the CPU dropped the entry ")
                            .append("and let the page tables decide.");
                    break;
                case PDE_READ:
                    pde = e.entry();
                    sb.append(" CR3 points to the page directory at ").append(Hex.hex32(e.entryAddress() & EntryBits.FRAME_4K))
                            .append("; PDE ").append(e.index()).append(" is at ").append(Hex.hex32(e.entryAddress() & EntryBits.FRAME_4K))
                            .append(" + 4 x ").append(e.index()).append(" = ").append(Hex.hex32(e.entryAddress()))
                            .append(" and holds ").append(Hex.hex32(pde)).append(". ").append(entryMeaning(pde, true, e.pse()));
                    break;
                case PTE_READ:
                    pte = e.entry();
                    sb.append(" PTE ").append(e.index()).append(" is at ").append(Hex.hex32(e.entryAddress() & EntryBits.FRAME_4K))
                            .append(" + 4 x ").append(e.index()).append(" = ").append(Hex.hex32(e.entryAddress()))
                            .append(" and holds ").append(Hex.hex32(pte)).append(". ").append(entryMeaning(pte, false, true));
                    break;
                case ACCESSED_SET:
                    sb.append(" The CPU set Accessed (bit 5) in the ").append(e.level() == PageFault.LEVEL_PDE ? "PDE" : "PTE")
                            .append(": ").append(Hex.hex32(e.oldValue())).append(" -> ").append(Hex.hex32(e.newValue())).append('.');
                    break;
                case DIRTY_SET:
                    sb.append(" Because it is a write, the CPU set Dirty (bit 6) in the ")
                            .append(e.level() == PageFault.LEVEL_PDE ? "PDE" : "PTE").append(": ")
                            .append(Hex.hex32(e.oldValue())).append(" -> ").append(Hex.hex32(e.newValue())).append('.');
                    break;
                case TRANSLATED:
                    if (e.pageKib() == 4096) {
                        sb.append(" For a 4 MiB page the offset is bits 21-0: physical = ")
                                .append(Hex.hex32(e.physical() & EntryBits.FRAME_4M)).append(" + ")
                                .append(Hex.hex(linear & 0x3FFFFF, 6)).append(" = ").append(Hex.hex32(e.physical())).append('.');
                    } else {
                        sb.append(" Physical = frame ").append(Hex.hex32(e.physical() & EntryBits.FRAME_4K)).append(" + offset ")
                                .append(Hex.hex(linear & 0xFFF, 3)).append(" = ").append(Hex.hex32(e.physical())).append('.');
                    }
                    break;
                case PAGE_FAULT:
                    sb.append(' ').append(faultReason(e, access, pde, pte));
                    sb.append(" So the CPU raises a page fault (#PF) with error code ").append(Hex.hex(e.errorCode(), 1))
                            .append(": P = ").append(e.errorCode() & 1)
                            .append((e.errorCode() & 1) != 0 ? " (the page is present: a protection violation)" : " (not present)")
                            .append(", W/R = ").append((e.errorCode() >>> 1) & 1).append(Access.isWrite(access) ? " (a write)" : " (a read)")
                            .append(", U/S = ").append((e.errorCode() >>> 2) & 1).append(Access.isUser(access) ? " (from user mode)" : " (from the kernel)")
                            .append("; CR2 = ").append(Hex.hex32(e.linear()))
                            .append(", the address it could not translate. A fault is never cached, and it removes any TLB entry for the page.");
                    break;
                case TLB_EVICT:
                    sb.append(" The TLB set was full, so the least recently used of its entries (page ")
                            .append(Hex.hex32(e.pageNumber() << 12)).append(") was evicted.");
                    break;
                case TLB_FILL:
                    sb.append(" The TLB now caches page ").append(Hex.hex32(e.pageNumber() << 12)).append(" -> ")
                            .append(Hex.hex32(e.frame())).append(" in set ").append(e.set()).append(", way ").append(e.way())
                            .append(", so the next access to this page needs no walk.");
                    break;
                default:
                    break;
            }
        }
        return sb.toString();
    }

    private static String entryMeaning(int entry, boolean isPde, boolean pse) {
        if ((entry & EntryBits.PRESENT) == 0) {
            return "Its P bit (bit 0) is 0: nothing is mapped there, and the walk stops.";
        }
        String rights = " U/S (bit 2) = " + ((entry >>> 2) & 1) + (EntryBits.isSet(entry, EntryBits.USER) ? " lets user code in" : " allows the kernel only")
                + ", R/W (bit 1) = " + ((entry >>> 1) & 1) + (EntryBits.isSet(entry, EntryBits.WRITE) ? " allows writes." : " makes it read-only.");
        if (isPde && pse && EntryBits.isSet(entry, EntryBits.PAGE_SIZE)) {
            return "P = 1 and PS (bit 7) = 1 with CR4.PSE on: it maps a whole 4 MiB page at "
                    + Hex.hex32(entry & EntryBits.FRAME_4M) + ", and there is no page table;" + rights;
        }
        if (isPde) {
            return "P = 1 and PS = 0: bits 31-12 give the page table's address, " + Hex.hex32(entry & EntryBits.FRAME_4K) + ";" + rights;
        }
        return "P = 1: bits 31-12 give the 4 KiB frame, " + Hex.hex32(entry & EntryBits.FRAME_4K) + ";" + rights;
    }

    private static String faultReason(TraceEvent fault, int access, int pde, int pte) {
        if ((fault.errorCode() & PageFault.P) == 0) {
            return "The " + (fault.level() == PageFault.LEVEL_PDE ? "PDE" : "PTE") + " is not present.";
        }
        if ((fault.errorCode() & PageFault.RSVD) != 0) {
            return "The 4 MiB PDE has reserved bits 21-13 set.";
        }
        int both = pte == -1 ? pde : pde & pte;
        if (Access.isUser(access) && !EntryBits.isSet(both, EntryBits.USER)) {
            return "A user access needs U/S = 1 at every level, and the " + which(pde, pte, EntryBits.USER) + " has U/S = 0.";
        }
        if (Access.isUser(access)) {
            return "A user write needs R/W = 1 at every level, and the " + which(pde, pte, EntryBits.WRITE) + " has R/W = 0.";
        }
        return "A kernel write to a read-only page faults when CR0.WP = 1 (bit 16), and the " + which(pde, pte, EntryBits.WRITE)
                + " has R/W = 0.";
    }

    private static String which(int pde, int pte, int bit) {
        boolean inPde = !EntryBits.isSet(pde, bit);
        boolean inPte = pte != -1 && !EntryBits.isSet(pte, bit);
        return inPde && inPte ? "PDE and the PTE each" : inPde ? "PDE" : "PTE";
    }
}
