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
        assertTrue(hit.contains("That entry is stale: the TLB says X; memory says Y. On a hit the CPU does not look at memory"), hit);
        assertNull(explain("poke 0x00300000 1", null));
    }
}
