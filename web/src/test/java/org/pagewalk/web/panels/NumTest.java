package org.pagewalk.web.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the forms accept, and that every refusal says what is wrong and what is allowed. */
class NumTest {
    private final int[] out = new int[1];

    @Test
    void numbersAreHexOrDecimal() {
        assertNull(Num.number("0xC0100000", out));
        assertEquals(0xC0100000, out[0]);
        assertNull(Num.number("4096", out));
        assertEquals(4096, out[0]);
        assertNull(Num.number("0xFFFFFFFF", out));
        assertEquals(-1, out[0]);
        String bad = Num.number("0x1G", out);
        assertTrue(bad.startsWith("'0x1G' is not a hexadecimal number: 'G' is not a digit 0-9 or A-F."), bad);
        assertTrue(bad.endsWith(Num.ANY), "says what is allowed");
        assertTrue(Num.number("0x123456789", out).contains("does not fit in 32 bits"));
        assertTrue(Num.number("", out).startsWith("Enter a number."));
    }

    @Test
    void pagesMustBeAligned() {
        assertNull(Num.page("0x08048000", out));
        String bad = Num.page("0x08048010", out);
        assertTrue(bad.startsWith("0x08048010 is not page aligned") && bad.contains("0x08048000"), bad);
    }

    @Test
    void bytesAndSizes() {
        assertNull(Num.byteValue("0xFF", out));
        assertTrue(Num.byteValue("0x1FF", out).contains("out of range for a byte"));
        assertTrue(Num.byteValue("zz", out).endsWith("Allowed for a byte: 0 to 255 (0x00 to 0xFF)."));
        assertNull(Num.size("16K", out));
        assertEquals(0x4000, out[0]);
        assertNull(Num.size("0x5000", out));
        assertEquals(0x5000, out[0]);
        assertTrue(Num.size("0x10K", out).contains("needs a decimal number"));
        assertTrue(Num.size("5G", out).contains("does not fit in 32 bits"));
    }

    @Test
    void ramInFramesWithTheKernelsMinimum() {
        assertNull(Num.ram("32M", 0x250000, out));
        assertEquals(8192, out[0]);
        assertNull(Num.ram("4G", 0x250000, out));
        assertEquals(1 << 20, out[0]);
        assertNull(Num.ram("2368K", 0x250000, out));
        assertEquals("2368K", Num.ramText(out[0]));
        assertEquals("32M", Num.ramText(8192));
        assertEquals("4G", Num.ramText(1 << 20));
        assertTrue(Num.ram("2M", 0x250000, out).contains("needs at least 3 MiB"));
        assertTrue(Num.ram("512K", 0, out).contains("too little RAM"));
        assertTrue(Num.ram("5G", 0, out).contains("more than 4G"));
        assertTrue(Num.ram("0x100001", 0, out).contains("whole number of 4 KiB frames"));
    }

    /** The forms read numbers with the scenario language's grammar: the same texts pass and fail. */
    @Test
    void theFormsUseTheLanguagesGrammar() {
        String[] texts = {"0x0010_B000", "1_000", "0x_1", "1__0", "1_", "0x", "4K", "3g", "0x10K", "4294967295", "4294967296",
            "-1", "+1", "0XFFFFFFFF", "12AB"};
        for (String t : texts) {
            int[] core = new int[1];
            boolean coreOk = org.pagewalk.text.Numbers.parse(t, core) == null;
            assertEquals(coreOk, Num.number(t, out) == null, t);
            if (coreOk) {
                assertEquals(core[0], out[0], t);
            }
        }
        assertEquals("'0x_1' has a '_' that is not between two digits: '_' only groups digits, as in 0x0010_B000. " + Num.ANY,
                Num.number("0x_1", out));
        assertTrue(Num.byteValue("-1", out).startsWith("'-1' has a sign"), Num.byteValue("-1", out));
        assertTrue(Num.byteValue("256", out).contains("out of range for a byte"));
    }

    @Test
    void echoedTextIsEscapedAndBounded() {
        String bad = Num.number("1\u001B[2J", out);
        assertTrue(bad.startsWith("'1\\x1B[2J' is not a number"), bad);
        assertTrue(Num.number("9".repeat(100_000), out).length() < 400);
    }

    @Test
    void ranges() {
        assertNull(Num.range("64", 1, 4096, "entries", out));
        assertEquals("0 is out of range. Allowed: entries from 1 to 4096.", Num.range("0", 1, 4096, "entries", out));
    }
}
