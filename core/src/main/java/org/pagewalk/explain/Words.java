package org.pagewalk.explain;

import org.pagewalk.machine.Access;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.Staleness;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.InvalidationCause;

/**
 * The machine's values in words: an access, an entry, an error code, a fault's reason, a stale
 * TLB entry. The machine itself builds no sentences; {@link Narrator} and the views use these.
 */
public final class Words {
    private static final String[] CR_NAMES = {"CR0", "CR1", "CR2", "CR3", "CR4"};
    private static final String[] CAUSES = {
        "INVLPG", "CR3 write", "CR4.PGE change", "CR4.PSE change", "CR0.PG cleared",
        "page fault", "reset", "re-walk"
    };

    private Words() {
    }

    /** {@code "kernel read"}, {@code "user write"}, ... */
    public static String access(int access) {
        return (Access.isUser(access) ? "user " : "kernel ") + (Access.isWrite(access) ? "write" : "read");
    }

    /** A control register's name from its number. */
    public static String register(int n) {
        return n >= 0 && n < CR_NAMES.length ? CR_NAMES[n] : "CR" + n;
    }

    /** Why TLB entries went, from an {@link InvalidationCause} code. */
    public static String cause(int cause) {
        return cause >= 0 && cause < CAUSES.length ? CAUSES[cause] : "cause " + cause;
    }

    /** The error code's bits spelled out, e.g. {@code "P=1 W/R=1 U/S=0 RSVD=0"}. */
    public static String errorCode(int code) {
        return "P=" + (code & 1) + " W/R=" + ((code >>> 1) & 1) + " U/S=" + ((code >>> 2) & 1)
                + " RSVD=" + ((code >>> 3) & 1);
    }

    /** Why it faulted, in words a student can follow. */
    public static String reason(PageFault f) {
        String where = f.level() == PageFault.LEVEL_PDE ? "page-directory entry" : "page-table entry";
        if (f.isReserved()) {
            return "reserved bits 21:13 set in the 4 MiB " + where;
        }
        if (f.isNotPresent()) {
            return "the " + where + " is not present";
        }
        if (f.isUser()) {
            return f.isWrite() ? "a user write needs U/S=1 and R/W=1 at both levels"
                    : "a user read needs U/S=1 at both levels";
        }
        return "a kernel write to a read-only page with CR0.WP=1";
    }

    /** The whole fault, e.g. {@code "#PF at 0x... error code 0x6 (P=0 W/R=1 U/S=1 RSVD=0): ..."}. */
    public static String fault(PageFault f) {
        return "#PF at " + Hex.hex32(f.linear()) + " error code " + Hex.hex(f.errorCode(), 1) + " ("
                + errorCode(f.errorCode()) + "): " + reason(f);
    }

    /**
     * Bochs-style flag letters: upper case when set, lower case when clear, e.g.
     * {@code "G PS d A pcd pwt US RW P"}. {@code level} 2 is a PDE, 1 a PTE (bit 7 reads PAT).
     */
    public static String flags(int entry, int level) {
        StringBuilder sb = new StringBuilder(32);
        boolean large = level == 2 && EntryBits.isSet(entry, EntryBits.PAGE_SIZE);
        flag(sb, entry, EntryBits.GLOBAL, "G");
        flag(sb, entry, EntryBits.PAGE_SIZE, level == 2 ? "PS" : "PAT");
        flag(sb, entry, EntryBits.DIRTY, "D");
        flag(sb, entry, EntryBits.ACCESSED, "A");
        flag(sb, entry, EntryBits.PCD, "PCD");
        flag(sb, entry, EntryBits.PWT, "PWT");
        flag(sb, entry, EntryBits.USER, "US");
        flag(sb, entry, EntryBits.WRITE, "RW");
        flag(sb, entry, EntryBits.PRESENT, "P");
        if (large && EntryBits.isSet(entry, EntryBits.PAT_4M)) {
            sb.insert(0, "PAT4M ");
        }
        return sb.toString();
    }

    private static void flag(StringBuilder sb, int entry, int bit, String name) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(EntryBits.isSet(entry, bit) ? name : Chars.lower(name));
    }

    /** The entry in words, e.g. {@code "0x00000083: present, 4 MiB page at 0x00000000, supervisor, writable"}. */
    public static String entry(int entry, int level, boolean pse) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(Hex.hex32(entry)).append(": ");
        if (!EntryBits.isSet(entry, EntryBits.PRESENT)) {
            return sb.append("not present").toString();
        }
        sb.append("present, ");
        boolean large = level == 2 && pse && EntryBits.isSet(entry, EntryBits.PAGE_SIZE);
        if (level == 2 && !large) {
            sb.append("page table at ").append(Hex.hex32(entry & EntryBits.FRAME_4K));
        } else if (large) {
            sb.append("4 MiB page at ").append(Hex.hex32(entry & EntryBits.FRAME_4M));
        } else {
            sb.append("4 KiB page at ").append(Hex.hex32(entry & EntryBits.FRAME_4K));
        }
        sb.append(EntryBits.isSet(entry, EntryBits.USER) ? ", user" : ", supervisor");
        sb.append(EntryBits.isSet(entry, EntryBits.WRITE) ? ", writable" : ", read-only");
        if (EntryBits.isSet(entry, EntryBits.ACCESSED)) {
            sb.append(", accessed");
        }
        if ((large || level == 1) && EntryBits.isSet(entry, EntryBits.DIRTY)) {
            sb.append(", dirty");
        }
        if ((large || level == 1) && EntryBits.isSet(entry, EntryBits.GLOBAL)) {
            sb.append(", global");
        }
        if (large && (entry & EntryBits.PDE4M_RESERVED) != 0) {
            sb.append(", RESERVED bits 21:13 set");
        }
        return sb.toString();
    }

    /**
     * What a stale TLB entry says beside what memory says, e.g. {@code "the TLB says 0x00403000 ->
     * 0x00200000; memory says 0x00403000 -> 0x00300000"}; {@code null} for a fresh entry.
     */
    public static String staleness(Staleness s) {
        if (s == null) {
            return null;
        }
        TlbEntry e = s.cached();
        int linear = e.linearBase();
        String says = "the TLB says " + Hex.hex32(linear) + " -> " + Hex.hex32(e.frame())
                + (e.isLargePage() ? " (4 MiB)" : "");
        switch (s.kind()) {
            case NOT_MAPPED:
                return says + "; memory says not mapped (" + reason(s.fault()) + ")";
            case OTHER_FRAME:
                return says + "; memory says " + Hex.hex32(linear) + " -> " + Hex.hex32(s.frame())
                        + (s.memory().isLargePage() ? " (4 MiB)" : "");
            default:
                return says + rights(e.isUser(), e.isWritable(), " ") + "; memory says "
                        + rights(s.memory().isUser(), s.memory().isWritable(), "");
        }
    }

    private static String rights(boolean user, boolean writable, String before) {
        return before + (user ? "user" : "supervisor") + (writable ? " writable" : " read-only");
    }
}
