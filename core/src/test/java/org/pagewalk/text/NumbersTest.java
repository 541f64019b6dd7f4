package org.pagewalk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one number grammar at its edges (values worked out by hand: 2^32 - 1 = 4294967295 = 0xFFFFFFFF). */
class NumbersTest {
    private static int value(String text) {
        int[] out = new int[1];
        String error = Numbers.parse(text, out);
        assertNull(error, text);
        return out[0];
    }

    private static String error(String text) {
        String error = Numbers.parse(text, new int[1]);
        assertNotNull(error, text + " should be refused");
        return error;
    }

    @Test
    void edgesOf32Bits() {
        assertEquals(0xFFFFFFFF, value("0xFFFFFFFF"));
        assertEquals(0xFFFFFFFF, value("4294967295"));
        assertEquals(0, value("0"));
        assertEquals(0, value("0x0"));
        assertEquals("'4294967296' does not fit in 32 bits (the largest value is 0xFFFFFFFF = 4294967295)", error("4294967296"));
        assertTrue(error("0x100000000").contains("does not fit in 32 bits"));
        assertTrue(error("99999999999").contains("does not fit in 32 bits"));
    }

    @Test
    void hexPrefixAndDigitsInEitherCase() {
        assertEquals(0x0010B000, value("0x0010b000"));
        assertEquals(0x0010B000, value("0X0010B000"));
        assertEquals(0xABCDEF, value("0xaBcDeF"));
        assertEquals("'0x' has no digits", error("0x"));
        assertTrue(error("0xG").contains("'G' is not a digit 0-9 or A-F"));
    }

    @Test
    void underscoreOnlyBetweenDigits() {
        assertEquals(0x0010B000, value("0x0010_B000"));
        assertEquals(1000000, value("1_000_000"));
        assertEquals(0x12, value("0x1_2"));
        for (String bad : new String[] {"0x_1", "1__0", "1_", "_1", "0x1_", "1_K", "0x1__2"}) {
            String e = Numbers.parse(bad, new int[1]);
            // "_1" starts with no digit: it is refused either way, but never accepted.
            assertNotNull(e, bad);
        }
        assertTrue(error("0x_1").contains("'_' that is not between two digits"));
        assertTrue(error("1__0").contains("'_' that is not between two digits"));
    }

    @Test
    void sizeSuffixesOnDecimalOnly() {
        assertEquals(0x1000, value("4K"));
        assertEquals(0x1000, value("4k"));
        assertEquals(0x02000000, value("32M"));
        assertEquals(0x40000000, value("1G"));
        assertEquals(0xC0000000, value("3g"));
        assertEquals(0xFFFFFC00, value("4194303K"));
        assertTrue(error("4G").contains("does not fit in 32 bits"));
        assertTrue(error("4096M").contains("does not fit in 32 bits"));
        assertEquals("'0x10K' is not a hexadecimal number: 'K' is not a digit 0-9 or A-F", error("0x10K"));
        assertEquals("'K' has no digits", error("K"));
    }

    @Test
    void noSign() {
        assertTrue(error("-1").contains("has a sign: numbers are unsigned"));
        assertTrue(error("+1").contains("has a sign"));
    }

    @Test
    void onlyAsciiDigits() {
        assertNotNull(Numbers.parse("\u0661\u0662", new int[1]));
        assertNotNull(Numbers.parse("\uFF11", new int[1]));
    }

    @Test
    void inRangeNamesTheRange() {
        int[] out = new int[1];
        assertNull(Numbers.inRange("64", 1, 64, "--pages", out));
        assertEquals(64, out[0]);
        assertEquals("'65' is out of range: --pages must be 1 to 64", Numbers.inRange("65", 1, 64, "--pages", out));
        assertEquals("'-1' has a sign: numbers are unsigned, 0 to 0xFFFFFFFF = 4294967295, with no + or -; --seed must be 0 to 4294967295",
                Numbers.inRange("-1", 0, 0xFFFFFFFF, "--seed", out));
    }

    @Test
    void echoedInputIsBoundedAndEscaped() {
        String huge = "1".repeat(10_000_000) + "x";
        String e = error(huge);
        assertTrue(e.length() < 300, "message of " + e.length() + " characters");
        assertTrue(e.startsWith("'" + "1".repeat(80) + "... (10000001 characters)'"), e.substring(0, 120));
        String esc = error("1\u001B]0;owned\u0007");
        assertTrue(esc.startsWith("'1\\x1B]0;owned\\x07'"), esc);
        assertTrue(esc.indexOf('\u001B') < 0 && esc.indexOf('\u0007') < 0, esc);
    }
}
