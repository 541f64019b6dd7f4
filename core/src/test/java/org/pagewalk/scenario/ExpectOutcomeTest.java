package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An expect line's result carries its typed outcome: the kind, whether it held, the value asserted and the value found. */
class ExpectOutcomeTest {
    private static Session booted() {
        Session s = new Session();
        for (String l : new String[] {"boot ceanos", "init_mm"}) {
            assertEquals(StepResult.Status.OK, Interpreter.runLine(s, l).status(), l);
        }
        return s;
    }

    private static ExpectOutcome expect(Session s, String line) {
        StepResult r = Interpreter.runLine(s, line);
        assertTrue(r.status() == StepResult.Status.PASSED || r.status() == StepResult.Status.FAILED, r.toString());
        ExpectOutcome o = r.expect();
        assertEquals(r.status() == StepResult.Status.PASSED, o.holds(), r.toString());
        assertEquals(r.message(), o.message(), "the result's sentence is the outcome's");
        return o;
    }

    @Test
    void aFailedCheckCarriesTheValueAssertedAndTheValueFound() {
        Session s = booted();
        // The kernel's 4 MiB page at 0xC0000000 maps physical 0: 0xC0100000 is physical 0x00100000.
        ExpectOutcome o = expect(s, "expect physical kernel 0xC0100000 = 0x00200000");
        assertFalse(o.holds());
        assertEquals(ExpectKind.PHYSICAL, o.kind());
        assertEquals("0x00200000", o.expected());
        assertEquals("0x00100000", o.actual());
        assertTrue(o.message().startsWith("expected ") && o.message().contains(", actual 0x00100000"), o.message());
    }

    @Test
    void aCheckThatHeldFoundWhatItAsserted() {
        Session s = booted();
        ExpectOutcome o = expect(s, "expect physical kernel 0xC0100000 = 0x00100000");
        assertTrue(o.holds());
        assertEquals("0x00100000", o.expected());
        assertEquals("0x00100000", o.actual());
        assertEquals("ok", o.message());
    }

    @Test
    void wordsAndFaultsAreValuesToo() {
        Session s = booted();
        Interpreter.runLine(s, "invlpg 0xC0100000");
        Interpreter.runLine(s, "read kernel 0xC0100000");
        ExpectOutcome last = expect(s, "expect last hit");
        assertEquals(ExpectKind.LAST, last.kind());
        assertEquals("hit", last.expected());
        assertEquals("miss", last.actual(), "the first read after invlpg walks");
        // A user write to a present supervisor page: P=1, W/R=1, U/S=1 = 0x7.
        ExpectOutcome fault = expect(s, "expect fault user write 0xC0100000 = 0x5");
        assertEquals("fault 0x5", fault.expected());
        assertEquals("fault 0x7", fault.actual());
        ExpectOutcome anyFault = expect(s, "expect fault user write 0xC0100000");
        assertTrue(anyFault.holds());
        assertEquals("fault", anyFault.expected());
        assertEquals("fault 0x7", anyFault.actual(), "the error code found, although none was asserted");
        ExpectOutcome entries = expect(s, "expect tlb entries = 1000");
        assertEquals(ExpectKind.TLB, entries.kind());
        assertEquals("1000", entries.expected());
        assertEquals(Integer.toString(s.machine().tlb().validEntries()), entries.actual());
    }

    @Test
    void otherLinesAndChecksThatCannotBeJudgedCarryNone() {
        Session s = booted();
        assertNull(Interpreter.runLine(s, "read kernel 0xC0100000").expect());
        StepResult bad = Interpreter.runLine(s, "expect pde 2000 = 0");
        assertEquals(StepResult.Status.ERROR, bad.status(), bad.toString());
        assertNull(bad.expect());
    }
}
