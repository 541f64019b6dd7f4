package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A scenario's number tokens are parsed from the characters of the whole text (the parser reads
 * every line from one array), not from each token's own string: every number form gives its
 * value, and every bad one its message at its column, on any line of a longer text.
 */
class NumberTokenTest {
    // Two lines before the one under test, so the number is far into the text's array.
    private static final String BEFORE = "note first line\n  read kernel 0x10 # a comment\n";

    private static int readAddress(String number) {
        Scenario s = Scenario.parse(BEFORE + "read kernel " + number + "\n");
        MemoryAccess a = (MemoryAccess) s.steps().get(2);
        return a.address.eval(null, 3);
    }

    @Test
    void everyFormGivesItsValue() {
        assertEquals(0x1000, readAddress("0x1000"));
        assertEquals(0x00ABCDEF, readAddress("0X00ab_CDEF"));
        assertEquals(4096, readAddress("4096"));
        assertEquals(1000, readAddress("1_000"));
        assertEquals(4096, readAddress("4K"));
        assertEquals(32 << 20, readAddress("32m"));
        assertEquals(1 << 30, readAddress("1G"));
        assertEquals(0xFFFFFFFF, readAddress("0xFFFFFFFF"));
        assertEquals(0xFFFFFFFF, readAddress("4294967295"));
        assertEquals(0, readAddress("0"));
        assertEquals(0x30, readAddress("0x10|0x20"));
    }

    @Test
    void theValueAfterAWriteIsItsOwnToken() {
        Scenario s = Scenario.parse(BEFORE + "write user 0x08048000 0x1_2345 byte\n");
        MemoryAccess a = (MemoryAccess) s.steps().get(2);
        assertEquals(0x08048000, a.address.eval(null, 3));
        assertEquals(0x12345, a.value.eval(null, 3));
        assertEquals("0x08048000", a.address.toString());
        assertEquals("0x1_2345", a.value.toString());
    }

    private static ScenarioError error(String number) {
        return assertThrows(ScenarioError.class, () -> Scenario.parse(BEFORE + "read kernel   " + number + " # x\n"));
    }

    private static void assertError(String number, String detail) {
        ScenarioError e = error(number);
        assertEquals(3, e.line());
        assertEquals(15, e.column(), "the number's column");
        assertEquals(detail, e.detail());
    }

    @Test
    void everyBadFormSaysWhatIsWrongAtItsColumn() {
        assertError("0x1_0000_0000", "'0x1_0000_0000' does not fit in 32 bits (the largest value is 0xFFFFFFFF = 4294967295)");
        assertError("4294967296", "'4294967296' does not fit in 32 bits (the largest value is 0xFFFFFFFF = 4294967295)");
        assertError("4G", "'4G' does not fit in 32 bits (the largest value is 0xFFFFFFFF = 4294967295)");
        assertError("1__0", "'1__0' has a '_' that is not between two digits: '_' only groups digits, as in 0x0010_B000");
        assertError("1_", "'1_' has a '_' that is not between two digits: '_' only groups digits, as in 0x0010_B000");
        assertError("0x_1", "'0x_1' has a '_' that is not between two digits: '_' only groups digits, as in 0x0010_B000");
        assertError("0x", "'0x' has no digits");
        assertError("12z", "'12z' is not a number: 'z' is not a digit (write hexadecimal as 0x..., sizes as 4K, 32M, 1G)");
        assertError("0x12g", "'0x12g' is not a hexadecimal number: 'g' is not a digit 0-9 or A-F");
    }
}
