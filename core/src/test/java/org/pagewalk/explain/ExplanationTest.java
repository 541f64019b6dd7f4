package org.pagewalk.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/**
 * Explain's sentences carry the numbers a student would work out: here 0x08048123 is directory
 * 0x08048123 >> 22 = 32, table (0x08048123 >> 12) & 0x3FF = 72, offset 0x123, worked out by hand.
 */
class ExplanationTest {
    private TraceRecorder recorder;
    private Session session;

    @BeforeEach
    void boot() {
        recorder = new TraceRecorder(100000);
        session = new Session(recorder);
        run("boot ceanos");
        run("init_mm");
        run("memMapPage 0x08048000 0x00300000 WRITE|USER");
        run("memMapPage 0x08049000 0x00301000 USER");
    }

    private void run(String line) {
        StepResult r = Interpreter.runLine(session, line);
        assertEquals(StepResult.Status.OK, r.status(), line + ": " + r.message());
    }

    private String explain(String line, String stale) {
        int mark = recorder.size();
        run(line);
        List<TraceEvent> events = recorder.since(mark);
        return Explanation.of(events, stale);
    }

    @Test
    void aTranslationThroughATableGivesEveryStepAndTheSum() {
        run("mov cr3, 0x0010B000");
        String t = explain("translate user write 0x08048123", null);
        assertTrue(t.startsWith("A user write of 0x08048123 (a linear address; with CeanOS's flat segments it equals the "
                + "virtual one). 32-bit paging splits it into directory index 32 (bits 31-22), table index 72 (bits 21-12) "
                + "and offset 0x123 (bits 11-0)."), t);
        assertTrue(t.contains("The TLB held no entry for page 0x08048000"), t);
        assertTrue(t.contains("PDE 32 is at 0x0010B000 + 4 x 32 = 0x0010B080"), t);
        assertTrue(t.contains("PTE 72 is at "), t);
        assertTrue(t.contains("P = 1: bits 31-12 give the 4 KiB frame, 0x00300000;"), t);
        assertTrue(t.contains("Because it is a write, the CPU set Dirty (bit 6) in the PTE"), t);
        assertTrue(t.contains("Physical = frame 0x00300000 + offset 0x123 = 0x00300123."), t);
        assertTrue(t.contains("The TLB now caches page 0x08048000 -> 0x00300000"), t);
    }

    @Test
    void faultsSayWhichBitDecidedAndTheErrorCode() {
        String notPresent = explain("translate user read 0x30000010", null);
        assertTrue(notPresent.contains("PDE 192 is at"), notPresent);
        assertTrue(notPresent.contains("Its P bit (bit 0) is 0: nothing is mapped there, and the walk stops."), notPresent);
        assertTrue(notPresent.contains("error code 0x4: P = 0 (not present), W/R = 0 (a read), U/S = 1 (from user mode); "
                + "CR2 = 0x30000010"), notPresent);
        String readOnly = explain("translate user write 0x08049004", null);
        assertTrue(readOnly.contains("A user write needs R/W = 1 at every level, and the PTE has R/W = 0."), readOnly);
        assertTrue(readOnly.contains("error code 0x7: P = 1 (the page is present: a protection violation), W/R = 1"), readOnly);
        String kernelOnly = explain("translate user read 0xC0100000", null);
        assertTrue(kernelOnly.contains("A user access needs U/S = 1 at every level, and the PDE has U/S = 0."), kernelOnly);
        assertTrue(kernelOnly.contains("it maps a whole 4 MiB page at 0x00000000"), kernelOnly);
    }

    @Test
    void aHitSaysNoEntryWasReadAndAStaleOneSaysWhy() {
        run("translate user read 0x08048000");
        String hit = explain("translate user read 0x08048010", "the TLB says X; memory says Y");
        assertTrue(hit.contains("The TLB already held page 0x08048000 in set 8, way "), hit);
        assertTrue(hit.contains("so the CPU read no entry: physical 0x00300010."), hit);
        assertTrue(hit.contains("That entry is stale: the TLB says X; memory says Y. On a hit the CPU does not read memory, so the old "
                + "translation is used until something removes the entry: INVLPG of this page, a CR3 write (not for a global "
                + "entry), a page fault on the page, or eviction."), hit);
        assertNull(explain("poke 0x00300000 1", null));
    }

    // ---- Explain on a log line and on a TLB row ----

    /** The events of {@code line}, with the index of the first event of {@code kind}. */
    private List<TraceEvent> events(String line) {
        int mark = recorder.size();
        run(line);
        return recorder.since(mark);
    }

    private static int first(List<TraceEvent> events, org.pagewalk.trace.EventKind kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " in " + events);
    }

    @Test
    void aLogLineOfATranslationExplainsTheWholeTranslation() {
        run("mov cr3, 0x0010B000");
        List<TraceEvent> ev = events("translate user read 0x08048123");
        org.pagewalk.machine.TlbGeometry g = session.machine().tlb().geometry();
        String fromPte = Explanation.ofEvent(ev, first(ev, org.pagewalk.trace.EventKind.PTE_READ), null, g);
        String fromResult = Explanation.ofEvent(ev, first(ev, org.pagewalk.trace.EventKind.TRANSLATED), null, g);
        assertEquals(Explanation.of(ev, null), fromPte);
        assertEquals(fromPte, fromResult);
        assertTrue(fromPte.contains("Physical = frame 0x00300000 + offset 0x123 = 0x00300123."), fromPte);
        List<TraceEvent> cr = events("mov cr3, 0x0010B000");
        assertNull(Explanation.ofEvent(cr, first(cr, org.pagewalk.trace.EventKind.CR_WRITE), null, g));
    }

    /**
     * Pages 0x08048, 0x08058, 0x08068, 0x08078 and 0x08088 all have low nibble 8, so with 16 sets
     * they share set 8; its 4 ways hold the first four, and the fifth evicts the least recently
     * used, the first (way 0).
     */
    @Test
    void anEvictionSaysWhichWayWentAndWhy() {
        for (int i = 1; i <= 4; i++) {
            run("memMapPage 0x080" + (4 + i) + "8000 0x0030" + i + "000 USER");
        }
        run("mov cr3, 0x0010B000");
        for (int i = 0; i < 4; i++) {
            run("translate user read 0x080" + (4 + i) + "8000");
        }
        List<TraceEvent> ev = events("translate user read 0x08088000");
        org.pagewalk.machine.TlbGeometry g = session.machine().tlb().geometry();
        String t = Explanation.ofEvent(ev, first(ev, org.pagewalk.trace.EventKind.TLB_EVICT), null, g);
        assertEquals("Set 8 has 4 ways, all holding translations, and page 0x08088000 needed one of them. This CPU model "
                + "evicts the least recently used way (the SDM leaves the replacement policy to the CPU): way 0, which cached "
                + "page 0x08048000 -> 0x00300000. Way 0 now caches 0x08088000 -> 0x00304000. Nothing in memory changed: "
                + "the next access to page 0x08048000 misses and walks the page tables again.", t);
    }

    /**
     * After a user read of 0x08048123, set 8 (0x08048 mod 16) holds the page. Its page table is
     * the frame after the heap's (0x00250000..0x00254000): 0x00255000, so PTE 72 is at
     * 0x00255000 + 72 x 4 = 0x00255120. Then the PTE is changed behind the TLB's back.
     */
    @Test
    void aTlbRowSaysWhatItCachesWhereFromAndWhetherItIsStale() {
        run("mov cr3, 0x0010B000");
        run("translate user read 0x08048123");
        org.pagewalk.machine.Machine m = session.machine();
        org.pagewalk.machine.TlbEntry e = m.tlb().entry(8, 0);
        String row = TlbExplanation.row(e, m.tlb().geometry(), "filled", null);
        assertTrue(row.startsWith("Set 8, way 0 caches the translation of the 4 KiB page at linear 0x08048000 (up to "
                + "0x08048FFF) to physical 0x00300000: a hit in that page reaches 0x00300000 + its offset (bits 11-0) "
                + "without reading any entry. Its set is the page number mod 16: 0x08048 mod 16 = 8. It was filled from "
                + "PDE 32 at 0x0010B080 ("), row);
        assertTrue(row.contains(") and PTE 72 at 0x00255120 ("), row);
        assertTrue(row.contains("It keeps the rights of both entries combined: writable (R/W = 1 in both), user (U/S = 1 "
                + "in both)."), row);
        assertTrue(row.contains("D = 0: on this CPU model the first write through it walks again"), row);
        assertTrue(row.endsWith("The last action filled this row after a walk."), row);

        run("poke 0x00255120 0x00400007");
        String why = Words.staleness(m.staleness(8, 0));
        assertEquals("the TLB says 0x08048000 -> 0x00300000; memory says 0x08048000 -> 0x00400000", why);
        String stale = TlbExplanation.row(m.tlb().entry(8, 0), m.tlb().geometry(), "hit", why);
        assertTrue(stale.endsWith("The last action hit this row: its translation was used and no entry was read. This row "
                + "is stale: the TLB says 0x08048000 -> 0x00300000; memory says 0x08048000 -> 0x00400000. On a hit the CPU "
                + "does not read memory, so the old translation is used until something removes the entry: INVLPG of this "
                + "page, a CR3 write (not for a global entry), a page fault on the page, or eviction."), stale);
        // The kernel's 4 MiB page: PDE 768 (0xC0000000 >> 22), at 0x0010B000 + 768 x 4 = 0x0010BC00; set 768 mod 16 = 0.
        assertTrue(TlbExplanation.row(m.tlb().entry(0, 0), m.tlb().geometry(), null, null).startsWith("Set 0, way 0 is empty"));
        run("translate kernel read 0xC0100000");
        String kernel = TlbExplanation.row(m.tlb().entry(0, 0), m.tlb().geometry(), null, null);
        assertTrue(kernel.startsWith("Set 0, way 0 caches the translation of the 4 MiB page at linear 0xC0000000 (up to "
                + "0xC03FFFFF) to physical 0x00000000: a hit in that page reaches 0x00000000 + its offset (bits 21-0) "
                + "without reading any entry. Its set is the directory index mod 16: 768 mod 16 = 0. It was filled from PDE 768 "
                + "at 0x0010BC00, which held 0x"), kernel);
        assertTrue(kernel.contains("It keeps the rights of the PDE: writable (R/W = 1), supervisor only (U/S = 0)."), kernel);
    }
}
