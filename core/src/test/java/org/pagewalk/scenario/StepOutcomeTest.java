package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.machine.AccessResult;

/** A line's result carries its typed outcome (the access) and where an error points (the column). */
class StepOutcomeTest {
    private static Session booted() {
        Session s = new Session();
        for (String l : new String[] {"boot ceanos", "init_mm"}) {
            assertEquals(StepResult.Status.OK, Interpreter.runLine(s, l).status(), l);
        }
        return s;
    }

    @Test
    void aTranslationCarriesItsAccessResult() {
        Session s = booted();
        // The kernel's own accesses while booting may have cached the page: start from a miss.
        Interpreter.runLine(s, "invlpg 0xC0100000");
        StepResult first = Interpreter.runLine(s, "translate kernel 0xC0100000");
        AccessResult a = first.access();
        // The kernel's 4 MiB mapping at 0xC0000000 maps physical 0: 0xC0100000 is physical 0x00100000.
        assertEquals(0x00100000, a.physical());
        assertFalse(a.hit(), "the first translation walks");
        assertTrue(Interpreter.runLine(s, "translate kernel 0xC0100004").access().hit(), "the second hits the TLB");
    }

    @Test
    void aFaultIsAnOkLineWithItsFault() {
        StepResult r = Interpreter.runLine(booted(), "read user 0xD0000000");
        assertEquals(StepResult.Status.OK, r.status());
        // A user read of a supervisor page that is present: P=1, W/R=0, U/S=1.
        assertEquals(0x5, r.access().fault().errorCode());
        assertEquals(0xD0000000, r.access().fault().linear());
    }

    @Test
    void otherLinesCarryNoAccessAndErrorsTheirColumn() {
        Session s = booted();
        assertNull(Interpreter.runLine(s, "invlpg 0xC0100000").access());
        StepResult bad = Interpreter.runLine(s, "read user 0xZZ");
        assertEquals(StepResult.Status.ERROR, bad.status());
        // "read user " is 10 characters: the address starts at column 11.
        assertEquals(11, bad.column(), bad.message());
    }

    @Test
    void aControlRegisterWriteReportsTheValueTheRegisterHolds() {
        Session s = new Session();
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "boot bare ram=8M").status());
        // ET (bit 4) is hardwired to 1 on a P6 (SDM Vol. 3A §2.5): PE|PG = 0x80000001 reads back 0x80000011.
        StepResult r = Interpreter.runLine(s, "mov cr0, PE|PG");
        assertEquals("CR0 = 0x80000011", r.message());
    }
}
