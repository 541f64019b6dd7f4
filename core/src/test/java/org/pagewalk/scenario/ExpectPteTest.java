package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code expect pte}, the kind added as one {@link ExpectKind} entry: the PTE that maps an
 * address, found from CR3 and the PDE in memory, and a clear failure when there is none.
 */
class ExpectPteTest {
    private static final String MAPPED = "boot ceanos\ninit_mm\nmemMapPage 0x08048000 0x00300000 WRITE|USER\n";

    private static StepResult last(String text) {
        List<StepResult> r = ScenarioLanguageTest.run(text);
        return r.get(r.size() - 1);
    }

    @Test
    void holdsForThePteTheKernelWrote() {
        // 0x00300000 | PRESENT (1) | WRITE (2) | USER (4); no access yet, so A and D are clear.
        assertEquals(StepResult.Status.PASSED, last(MAPPED + "expect pte 0x08048000 = 0x00300007").status());
        assertEquals(StepResult.Status.PASSED, last(MAPPED + "expect pte 0x08048FFF = 0x00300007").status(), "any address in the page");
        assertEquals(StepResult.Status.PASSED,
                last(MAPPED + "write user 0x08048000 1\nexpect pte 0x08048000 = 0x00300067").status(), "A (0x20) and D (0x40) after a write");
    }

    @Test
    void aWrongValueSaysWhereThePteIsAndWhatItHolds() {
        Session s = new Session();
        for (StepResult r : new Interpreter(Scenario.parse(MAPPED), s).runAll()) {
            assertEquals(StepResult.Status.OK, r.status(), r.toString());
        }
        // Where the PTE lives, found by hand: PDE 32 (0x08048000 >>> 22) of the directory in CR3,
        // then entry 0x48 ((0x08048000 >>> 12) & 0x3FF) of its table.
        int pde = s.machine().readPhysical32(s.machine().cr().cr3() + 32 * 4);
        int pteAddress = (pde & 0xFFFFF000) + 0x48 * 4;
        StepResult r = Interpreter.runLine(s, "expect pte 0x08048000 = 0x00300003");
        assertEquals(StepResult.Status.FAILED, r.status());
        assertEquals("expected the PTE of 0x08048000 (at " + org.pagewalk.text.Hex.hex32(pteAddress) + ") = 0x00300003, actual 0x00300007",
                r.message());
    }

    @Test
    void saysWhyThereIsNoPte() {
        StepResult absent = last(MAPPED + "expect pte 0x40000000 = 0");
        assertEquals(StepResult.Status.FAILED, absent.status());
        assertEquals("expected the PTE of 0x40000000 = 0x00000000, actual: PDE 256 is not present, so there is no page table",
                absent.message());
        // CeanOS maps its kernel with one 4 MiB page at PDE 768 (CR4.PSE is on).
        StepResult large = last(MAPPED + "expect pte 0xC0000000 = 0");
        assertEquals("expected the PTE of 0xC0000000 = 0x00000000, actual: PDE 768 maps a 4 MiB page, so there is no PTE",
                large.message());
    }

    @Test
    void badLinesAreCaughtWhenTheScenarioIsRead() {
        assertEquals("line 1, column 19: expected '=' and the value expected, found the end of the line",
                ScenarioLanguageTest.error("expect pte 0x1000 "));
        assertEquals("line 1, column 25: unexpected 'extra': usage: expect pte ADDRESS = VALUE [mask MASK]",
                ScenarioLanguageTest.error("expect pte 0x1000 = 0x2 extra"));
    }
}
