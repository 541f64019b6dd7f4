package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.TlbEntry;

/** A session written out as a scenario rebuilds the same machine, stale TLB entries included. */
class RoundTripTest {
    private static void sameMachine(Machine a, Machine b) {
        assertEquals(a.config().toString(), b.config().toString());
        assertEquals(a.cr().cr0(), b.cr().cr0());
        assertEquals(a.cr().cr2(), b.cr().cr2());
        assertEquals(a.cr().cr3(), b.cr().cr3());
        assertEquals(a.cr().cr4(), b.cr().cr4());
        for (int f = 0; f < a.memory().frames(); f++) {
            if (a.memory().isBacked(f) || b.memory().isBacked(f)) {
                assertEquals(java.util.Arrays.toString(a.memory().frameWords(f)), java.util.Arrays.toString(b.memory().frameWords(f)),
                        "frame " + f);
            }
        }
        int sets = a.config().tlb().sets();
        for (int s = 0; s < sets; s++) {
            for (int w = 0; w < a.config().tlb().ways(); w++) {
                TlbEntry x = a.tlb().entry(s, w);
                TlbEntry y = b.tlb().entry(s, w);
                assertEquals(x.toString(), y.toString());
                assertEquals(a.staleness(s, w), b.staleness(s, w));
            }
        }
    }

    @Test
    void ceanOsWithProcessesHeapAndAStaleEntry() {
        Session s = new Session();
        for (String line : new String[] {
            "boot ceanos variant=as-written defects=silent-remap,invlpg-operand tlb=32x2",
            "init_mm", "pd = memAllocPageDir", "memChangePageDir pd",
            "memMapPage 0x08048000 0x00600000 USER|WRITE", "write user 0x08048000 0x1234",
            "memMapPage 0x08048000 0x00700000 USER|WRITE", "read user 0x12345000"}) {
            StepResult r = Interpreter.runLine(s, line);
            assertTrue(r.status() == StepResult.Status.OK, r.toString());
        }
        assertEquals(StepResult.Status.PASSED, Interpreter.runLine(s, "expect tlb stale 0x08048000").status());
        String text = ScenarioWriter.write(s, "round trip");
        Session copy = new Session();
        for (StepResult r : new Interpreter(Scenario.parse(text), copy).runAll()) {
            assertEquals(StepResult.Status.OK, r.status(), r.toString());
        }
        sameMachine(s.machine(), copy.machine());
        assertEquals(s.variables(), copy.variables());
        assertEquals(s.os().config().toString(), copy.os().config().toString());
        assertEquals(StepResult.Status.PASSED, Interpreter.runLine(copy, "expect tlb stale 0x08048000").status());
        assertEquals(StepResult.Status.PASSED, Interpreter.runLine(copy, "expect value 0x08048000 = 0x1234").status());
        // The rebuilt kernel keeps working.
        assertEquals(StepResult.Status.OK, Interpreter.runLine(copy, "f = pmmAllocPageFrame").status());
        assertEquals(s.os().pmmAllocPageFrame().value(), copy.variables().get("f").intValue());
    }

    @Test
    void bareMachineWithA4MibEntry() {
        Session s = new Session();
        for (String line : new String[] {"boot bare ram=8M", "poke 0x1000 0x00400083", "mov cr4, PSE|PGE", "mov cr3, 0x1000",
            "mov cr0, PE|PG", "read 0x00001234"}) {
            assertEquals(StepResult.Status.OK, Interpreter.runLine(s, line).status(), line);
        }
        Session copy = new Session();
        new Interpreter(Scenario.parse(ScenarioWriter.write(s, "")), copy).runAll();
        sameMachine(s.machine(), copy.machine());
    }
}
