package org.pagewalk.explain;

import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.PageFault;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.InvalidationCause;

/**
 * The one place events become sentences, with the numbers filled in. Two voices: {@link #line}
 * is the short sentence of the log, the command-line runner's {@code --trace} and test
 * messages; {@link #step} is the walk view's longer one, for the events of one translation.
 */
public final class Narrator {
    private Narrator() {
    }

    /** The log's sentence for any event. */
    public static String line(TraceEvent e) {
        switch (e.kind()) {
            case CR_WRITE:
                return Words.register(e.register()) + " = " + Hex.hex32(e.newValue()) + " (was " + Hex.hex32(e.oldValue()) + ")";
            case WALK_START: {
                int a = e.linear();
                return "Translate " + Hex.hex32(a) + " for a " + Words.access(e.access()) + ": directory index "
                        + (a >>> 22) + ", table index " + ((a >>> 12) & 0x3FF) + ", offset " + Hex.hex(a & 0xFFF, 3);
            }
            case PDE_READ:
                return "PDE " + e.index() + " at physical " + Hex.hex32(e.entryAddress()) + " = "
                        + Words.entry(e.entry(), PageFault.LEVEL_PDE, e.pse());
            case PTE_READ:
                return "PTE " + e.index() + " at physical " + Hex.hex32(e.entryAddress()) + " = "
                        + Words.entry(e.entry(), PageFault.LEVEL_PTE, true);
            case ACCESSED_SET:
                return "Set Accessed in the " + entryName(e.level()) + " at " + Hex.hex32(e.entryAddress()) + ": "
                        + Hex.hex32(e.oldValue()) + " -> " + Hex.hex32(e.newValue());
            case DIRTY_SET:
                return "Set Dirty in the " + entryName(e.level()) + " at " + Hex.hex32(e.entryAddress()) + ": "
                        + Hex.hex32(e.oldValue()) + " -> " + Hex.hex32(e.newValue());
            case TRANSLATED:
                return "Linear " + Hex.hex32(e.linear()) + " is physical " + Hex.hex32(e.physical()) + " ("
                        + (e.pageKib() == 4096 ? "4 MiB" : "4 KiB") + " page)";
            case PAGE_FAULT:
                return "Page fault at " + Hex.hex32(e.linear()) + ": error code " + Hex.hex(e.errorCode(), 1) + " ("
                        + Words.errorCode(e.errorCode()) + "), CR2 = " + Hex.hex32(e.linear());
            case TLB_HIT:
                return "TLB hit for " + Hex.hex32(e.linear()) + " in set " + e.set() + " way " + e.way() + ": physical "
                        + Hex.hex32(e.physical()) + ", no walk";
            case TLB_MISS:
                return "TLB miss for " + Hex.hex32(e.linear()) + " (set " + e.set() + "): walk the page tables";
            case TLB_DIRTY_REWALK:
                return "TLB entry for " + Hex.hex32(e.linear()) + " (set " + e.set() + " way " + e.way()
                        + ") has Dirty clear: a write walks again to set Dirty";
            case TLB_RIGHTS_REWALK:
                return "TLB entry for " + Hex.hex32(e.linear()) + " (set " + e.set() + " way " + e.way()
                        + ") does not allow this access: drop it and walk";
            case TLB_FILL:
                return "TLB fill set " + e.set() + " way " + e.way() + ": page " + page(e) + " -> " + Hex.hex32(e.frame());
            case TLB_EVICT:
                return "TLB evicts set " + e.set() + " way " + e.way() + " (least recently used): page " + page(e)
                        + " -> " + Hex.hex32(e.frame());
            case TLB_INVALIDATE:
                return "TLB entry set " + e.set() + " way " + e.way() + " (page " + page(e) + ") removed by "
                        + Words.cause(e.cause());
            case TLB_FLUSH:
                return Words.cause(e.cause()) + " flushed " + entries(e.removed())
                        + (e.kept() > 0 ? ", kept " + e.kept() + " global" : "");
            case INVLPG:
                return "INVLPG " + Hex.hex32(e.linear()) + ": " + entries(e.removed()) + " removed";
            case DATA_READ:
                return "Read " + (e.size() == 1 ? Hex.hex(e.value(), 2) : Hex.hex32(e.value())) + " from "
                        + Hex.hex32(e.linear()) + (e.linear() != e.physical() ? " (physical " + Hex.hex32(e.physical()) + ")" : "");
            case PHYS_WRITE:
                return "Physical " + Hex.hex32(e.physical()) + ": " + (e.size() == 1
                        ? Hex.hex(e.oldValue(), 2) + " -> " + Hex.hex(e.newValue(), 2)
                        : Hex.hex32(e.oldValue()) + " -> " + Hex.hex32(e.newValue()));
            case PHYS_FILL:
                return "Fill " + e.words() + " words at physical " + Hex.hex32(e.physical()) + " with " + Hex.hex32(e.value())
                        + (e.changed() ? "" : " (already so)");
            case BUS_UNMAPPED:
                return (e.isWrite() ? "Write of " + Hex.hex32(e.value()) + " to " : "Read from ") + Hex.hex32(e.physical())
                        + " beyond installed RAM: " + (e.isWrite() ? "dropped" : "reads all ones");
            case FRAME_ALLOC:
                return "Frame " + e.frameNumber() + " allocated (physical " + Hex.hex32(e.physical()) + "), totalAlloc = "
                        + e.totalAlloc();
            case FRAME_FREE:
                return "Frame " + e.frameNumber() + " freed (physical " + Hex.hex32(e.physical()) + "), totalAlloc = "
                        + e.totalAlloc();
            case GUEST_ENTER:
                return "call " + e.text();
            case GUEST_EXIT:
                return e.failed() ? "failed: " + e.text() : "return " + e.text();
            case NOTE:
            default:
                return e.text() == null ? e.kind().name() : e.text();
        }
    }

    // ---- The walk view's voice -------------------------------------------------------------

    /** The first step of a walk: what the address's bits select. */
    public static String walkStart(TraceEvent start) {
        int linear = start.linear();
        return "Translate " + Hex.hex32(linear) + " for a " + Words.access(start.access()) + ": directory index "
                + (linear >>> 22) + " (bits 31..22), table index " + ((linear >>> 12) & 0x3FF)
                + " (bits 21..12), offset " + Hex.hex(linear & 0xFFF, 3) + " (bits 11..0).";
    }

    /** Before a PDE is read: where the directory is. */
    public static String directoryBase(TraceEvent pdeRead) {
        return "CR3 holds the page directory's physical address: " + Hex.hex32(pdeRead.entryAddress() & EntryBits.FRAME_4K)
                + ".";
    }

    /** With paging off there is no walk at all. */
    public static String pagingOff(int linear) {
        return "Paging is off (CR0.PG = 0): the CPU uses linear " + Hex.hex32(linear)
                + " as the physical address, with no walk and no TLB.";
    }

    /**
     * The walk view's sentence for one event of a translation, or {@code null} for events the
     * walk view does not show (an invalidation other than the fault's, and anything not part
     * of a translation).
     */
    public static String step(TraceEvent e) {
        switch (e.kind()) {
            case TLB_HIT:
                return "TLB hit in set " + e.set() + ", way " + e.way()
                        + ": the TLB already knows this page, so the CPU skips the walk and reads no entry.";
            case TLB_MISS:
                return "TLB miss in set " + e.set() + ": the CPU must walk the page tables in memory.";
            case TLB_DIRTY_REWALK:
                return "The TLB has this page, but its Dirty bit is clear: "
                        + "a write makes the CPU walk again to set Dirty in memory.";
            case TLB_RIGHTS_REWALK:
                return "The TLB has this page with rights that do not allow "
                        + "this access: the entry is dropped and the page tables decide.";
            case PDE_READ: {
                int dir = e.entryAddress() & EntryBits.FRAME_4K;
                return "PDE " + e.index() + " at physical " + Hex.hex32(e.entryAddress()) + " (" + Hex.hex32(dir)
                        + " + 4 x " + e.index() + ") = " + Words.entry(e.entry(), PageFault.LEVEL_PDE, e.pse()) + ".";
            }
            case PTE_READ:
                return "PTE " + e.index() + " at physical " + Hex.hex32(e.entryAddress()) + " ("
                        + Hex.hex32(e.entryAddress() & EntryBits.FRAME_4K) + " + 4 x " + e.index() + ") = "
                        + Words.entry(e.entry(), PageFault.LEVEL_PTE, true) + ".";
            case ACCESSED_SET:
                return "The CPU sets Accessed in the " + entryName(e.level()) + ": " + Hex.hex32(e.oldValue())
                        + " becomes " + Hex.hex32(e.newValue()) + " in memory.";
            case DIRTY_SET:
                return "A write: the CPU sets Dirty in the " + entryName(e.level()) + ": " + Hex.hex32(e.oldValue())
                        + " becomes " + Hex.hex32(e.newValue()) + ".";
            case TLB_FILL:
                return "The translation is cached in TLB set " + e.set() + ", way " + e.way()
                        + ", so the next access to this page needs no walk.";
            case TLB_EVICT:
                return "The set was full: the least recently used entry (page " + page(e) + ") is evicted.";
            case TLB_INVALIDATE:
                return e.cause() == InvalidationCause.PAGE_FAULT ? "The fault removes the TLB entry for this page." : null;
            case TRANSLATED: {
                int physical = e.physical();
                return (e.pageKib() == 4096
                        ? "4 MiB page: frame " + Hex.hex32(physical & EntryBits.FRAME_4M) + " + offset "
                                + Hex.hex(e.linear() & 0x3FFFFF, 6) + " (bits 21..0)"
                        : "Frame " + Hex.hex32(physical & EntryBits.FRAME_4K) + " + offset " + Hex.hex(e.linear() & 0xFFF, 3))
                        + " = physical " + Hex.hex32(physical) + ".";
            }
            case PAGE_FAULT:
                return "Page fault (#PF): error code " + Hex.hex(e.errorCode(), 1) + " = " + Words.errorCode(e.errorCode())
                        + "; CR2 = " + Hex.hex32(e.linear()) + " (the faulting address).";
            default:
                return null;
        }
    }

    private static String entryName(int level) {
        return level == PageFault.LEVEL_PDE ? "PDE" : "PTE";
    }

    private static String page(TraceEvent e) {
        return Hex.hex32(e.pageNumber() << 12);
    }

    private static String entries(int n) {
        return n + " TLB " + (n == 1 ? "entry" : "entries");
    }
}
