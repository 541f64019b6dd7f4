package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Values are checked against their width and accesses against the 4 GiB edge (issue #11): each
 * case used to wrap silently and report "ok". The line is an error, names the allowed range and
 * changes nothing (memory read back through a fresh session's machine).
 */
class ScenarioRangesTest {
    private static StepResult last(Session s, String... lines) {
        StepResult r = null;
        for (String l : lines) {
            r = Interpreter.runLine(s, l);
        }
        return r;
    }

    private static void assertError(StepResult r, String... parts) {
        assertEquals(StepResult.Status.ERROR, r.status(), r.message());
        for (String p : parts) {
            assertTrue(r.message().contains(p), r.message());
        }
    }

    @Test
    void poke8RefusesValuesAboveAByte() {
        Session s = new Session();
        StepResult r = last(s, "boot bare", "poke 0x1000 0x11223344", "poke8 0x1000 256");
        assertError(r, "line 1, column 14:", "0x00000100 (256) is out of range, allowed 0 to 255 (0x00 to 0xFF)", "nothing changed");
        assertEquals(0x11223344, s.machine().readPhysical32(0x1000));
        assertError(Interpreter.runLine(s, "poke8 0x1000 0x41 0x1FF"), "column 19:", "0x000001FF (511) is out of range");
        assertEquals(0x11223344, s.machine().readPhysical32(0x1000), "the first byte of a refused line is not written either");
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "poke8 0x1000 0xFF").status());
        assertEquals(0x112233FF, s.machine().readPhysical32(0x1000));
    }

    @Test
    void writeByteRefusesValuesAboveAByte() {
        Session s = new Session();
        StepResult r = last(s, "boot ceanos", "init_mm", "write kernel 0xD0000010 0x1FF byte");
        assertError(r, "0x000001FF (511) is out of range, allowed 0 to 255");
        assertEquals(StepResult.Status.PASSED, Interpreter.runLine(s, "expect value 0xD0000010 = 0").status());
    }

    @Test
    void expectValueByteRefusesValuesAboveAByte() {
        Session s = new Session();
        last(s, "boot ceanos", "init_mm", "write kernel 0xD0000010 0xAB byte");
        // Without the range check this is a plain "failed", as if memory were wrong; it is a mistake in the check.
        StepResult r = Interpreter.runLine(s, "expect value byte 0xD0000010 = 0x1AB");
        assertError(r, "the value of expect value byte is a byte: 0x000001AB (427) is out of range, allowed 0 to 255");
        assertEquals(StepResult.Status.PASSED, Interpreter.runLine(s, "expect value byte 0xD0000010 = 0xAB").status());
        assertEquals(StepResult.Status.FAILED, Interpreter.runLine(s, "expect value byte 0xD0000010 = 0xAC").status());
    }

    @Test
    void negativeNumbersAreRefusedNotWrapped() {
        Session s = new Session();
        assertError(last(s, "boot bare", "poke8 0x1000 -1"), "'-1' has a sign: numbers are unsigned");
        assertEquals(0, s.machine().readPhysical32(0x1000));
    }

    @Test
    void pokeDoesNotWrapPastTheTopOfPhysicalMemory() {
        Session s = new Session();
        StepResult r = last(s, "boot bare", "poke 0xFFFFFFFC 0xAAAAAAAA 0xBBBBBBBB");
        assertError(r, "poke of 2 words at physical 0xFFFFFFFC would run past the end of the 4 GiB physical address space",
                "allowed start addresses are 0x00000000 to 0xFFFFFFF8");
        assertEquals(0, s.machine().readPhysical32(0));
        assertError(Interpreter.runLine(s, "poke 0xFFFFFFFE 0x11223344"), "allowed start addresses are 0x00000000 to 0xFFFFFFFC");
        assertEquals(0, s.machine().readPhysical32(0));
        assertError(Interpreter.runLine(s, "poke8 0xFFFFFFFF 1 2"), "allowed start addresses are 0x00000000 to 0xFFFFFFFE");
        assertEquals(0, s.machine().readPhysical32(0));
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "poke 0xFFFFFFF8 1 2").status());
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "poke8 0xFFFFFFFF 1").status());
    }

    @Test
    void peekAndExpectMemoryStopAtTheEdge() {
        Session s = new Session();
        assertError(last(s, "boot bare", "peek 0xFFFFFFF8 3"), "peek of 3 words", "0x00000000 to 0xFFFFFFF4");
        assertError(Interpreter.runLine(s, "expect memory 0xFFFFFFFE = 0"), "a word at physical 0xFFFFFFFE", "0x00000000 to 0xFFFFFFFC");
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "peek 0xFFFFFFF4 3").status());
    }

    @Test
    void fourByteLinearAccessesStopAtTheEdge() {
        // Bare machine, paging off: linear = physical; the edge is the linear one (SDM Vol. 3A §5.3).
        Session s = new Session();
        assertError(last(s, "boot bare", "write 0xFFFFFFFE 0x11223344"), "a 4-byte write at linear 0xFFFFFFFE",
                "0x00000000 to 0xFFFFFFFC");
        assertError(Interpreter.runLine(s, "read 0xFFFFFFFD"), "a 4-byte read at linear 0xFFFFFFFD");
        assertError(Interpreter.runLine(s, "expect value 0xFFFFFFFF = 0"), "a 4-byte read at linear 0xFFFFFFFF");
        assertEquals(0, s.machine().readPhysical32(0));
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "read 0xFFFFFFFF byte").status());
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "translate 0xFFFFFFFF").status());
    }

    @Test
    void underscoreRulesInTheLanguage() {
        assertTrue(ScenarioLanguageTest.error("a = 0x_1").contains("column 5: '0x_1' has a '_' that is not between two digits"));
        assertTrue(ScenarioLanguageTest.error("a = 1__0").contains("'1__0' has a '_' that is not between two digits"));
        assertTrue(ScenarioLanguageTest.error("a = 4|0x_1").contains("column 7: '0x_1'"));
    }

    @Test
    void terminalControlInAScenarioIsEscapedInErrors() {
        String e = ScenarioLanguageTest.error("\u001B]0;owned\u0007 1");
        assertTrue(e.contains("'\\x1B]0;owned\\x07'"), e);
        assertTrue(e.indexOf('\u001B') < 0, e);
        String big = ScenarioLanguageTest.error("a = " + "9".repeat(1_000_000));
        assertTrue(big.length() < 300, big.length() + " characters");
    }
}
