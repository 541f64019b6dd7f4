package org.pagewalk.trace;

import org.pagewalk.machine.Access;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.PageFault;
import org.pagewalk.text.Hex;

/**
 * One plain sentence per event, with the numbers filled in: what the log, the walk narration,
 * the command-line runner and test failure messages print.
 */
public final class TraceFormatter {
    private static final String[] CR_NAMES = {"CR0", "CR1", "CR2", "CR3", "CR4"};

    private TraceFormatter() {
    }

    public static String describe(TraceEvent e) {
        int a = e.a();
        int b = e.b();
        int c = e.c();
        int d = e.d();
        switch (e.kind()) {
            case CR_WRITE:
                return crName(a) + " = " + Hex.hex32(c) + " (was " + Hex.hex32(b) + ")";
            case WALK_START:
                return "Translate " + Hex.hex32(a) + " for a " + Access.describe(b) + ": directory index "
                        + (a >>> 22) + ", table index " + ((a >>> 12) & 0x3FF) + ", offset " + Hex.hex(a & 0xFFF, 3);
            case PDE_READ:
                return "PDE " + c + " at physical " + Hex.hex32(a) + " = " + EntryBits.describe(b, 2, d != 0);
            case PTE_READ:
                return "PTE " + c + " at physical " + Hex.hex32(a) + " = " + EntryBits.describe(b, 1, true);
            case ACCESSED_SET:
                return "Set Accessed in the " + (d == 2 ? "PDE" : "PTE") + " at " + Hex.hex32(a) + ": "
                        + Hex.hex32(b) + " -> " + Hex.hex32(c);
            case DIRTY_SET:
                return "Set Dirty in the " + (d == 2 ? "PDE" : "PTE") + " at " + Hex.hex32(a) + ": "
                        + Hex.hex32(b) + " -> " + Hex.hex32(c);
            case TRANSLATED:
                return "Linear " + Hex.hex32(a) + " is physical " + Hex.hex32(b) + " (" + (c == 4096 ? "4 MiB" : "4 KiB")
                        + " page)";
            case PAGE_FAULT:
                return "Page fault at " + Hex.hex32(a) + ": error code " + Hex.hex(b, 1) + " (" + PageFault.spell(b)
                        + "), CR2 = " + Hex.hex32(a);
            case TLB_HIT:
                return "TLB hit for " + Hex.hex32(a) + " in set " + b + " way " + c + ": physical " + Hex.hex32(d)
                        + ", no walk";
            case TLB_MISS:
                return "TLB miss for " + Hex.hex32(a) + " (set " + b + "): walk the page tables";
            case TLB_DIRTY_REWALK:
                return "TLB entry for " + Hex.hex32(a) + " (set " + b + " way " + c
                        + ") has Dirty clear: a write walks again to set Dirty";
            case TLB_RIGHTS_REWALK:
                return "TLB entry for " + Hex.hex32(a) + " (set " + b + " way " + c
                        + ") does not allow this access: drop it and walk";
            case TLB_FILL:
                return "TLB fill set " + a + " way " + b + ": page " + Hex.hex32(c << 12) + " -> " + Hex.hex32(d);
            case TLB_EVICT:
                return "TLB evicts set " + a + " way " + b + " (least recently used): page " + Hex.hex32(c << 12)
                        + " -> " + Hex.hex32(d);
            case TLB_INVALIDATE:
                return "TLB entry set " + a + " way " + b + " (page " + Hex.hex32(c << 12) + ") removed by "
                        + InvalidationCause.name(d);
            case TLB_FLUSH:
                return InvalidationCause.name(a) + " flushed " + b + " TLB " + (b == 1 ? "entry" : "entries")
                        + (c > 0 ? ", kept " + c + " global" : "");
            case INVLPG:
                return "INVLPG " + Hex.hex32(a) + ": " + b + " TLB " + (b == 1 ? "entry" : "entries") + " removed";
            case DATA_READ:
                return "Read " + (d == 1 ? Hex.hex(c, 2) : Hex.hex32(c)) + " from " + Hex.hex32(a)
                        + (a != b ? " (physical " + Hex.hex32(b) + ")" : "");
            case PHYS_WRITE:
                return "Physical " + Hex.hex32(a) + ": " + (d == 1 ? Hex.hex(b, 2) + " -> " + Hex.hex(c, 2)
                        : Hex.hex32(b) + " -> " + Hex.hex32(c));
            case PHYS_FILL:
                return "Fill " + b + " words at physical " + Hex.hex32(a) + " with " + Hex.hex32(c)
                        + (d == 0 ? " (already so)" : "");
            case BUS_UNMAPPED:
                return (b == 1 ? "Write of " + Hex.hex32(c) + " to " : "Read from ") + Hex.hex32(a)
                        + " beyond installed RAM: " + (b == 1 ? "dropped" : "reads all ones");
            case FRAME_ALLOC:
                return "Frame " + b + " allocated (physical " + Hex.hex32(a) + "), totalAlloc = " + c;
            case FRAME_FREE:
                return "Frame " + b + " freed (physical " + Hex.hex32(a) + "), totalAlloc = " + c;
            case GUEST_ENTER:
                return "call " + e.text();
            case GUEST_EXIT:
                return b != 0 ? "failed: " + e.text() : "return " + e.text();
            case NOTE:
            default:
                return e.text() == null ? e.kind().name() : e.text();
        }
    }

    public static String crName(int n) {
        return n >= 0 && n < CR_NAMES.length ? CR_NAMES[n] : "CR" + n;
    }
}
