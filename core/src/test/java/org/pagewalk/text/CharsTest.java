package org.pagewalk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CharsTest {
    @Test
    void digitsAreTheJdksOnEveryCharacter() {
        for (int c = 0; c <= 0xFFFF; c++) {
            assertEquals(Character.isDigit((char) c), Chars.isDigit((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void hexDigitsAreAsciiOnly() {
        for (int c = 0; c <= 0xFFFF; c++) {
            int expected = c < 128 ? Character.digit(c, 16) : -1;
            assertEquals(expected, Chars.hexDigit((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void asciiCaseIsTheJdksAndOtherLettersStay() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            ascii.append(c);
        }
        String s = ascii.toString();
        assertEquals(s.toLowerCase(Locale.ROOT), Chars.lower(s));
        assertEquals(s.toUpperCase(Locale.ROOT), Chars.upper(s));
        assertEquals("CR3 \u00e9\u0131", Chars.upper("cr3 \u00e9\u0131"));
        assertEquals("\u212a", Chars.lower("\u212a"), "the Kelvin sign is no k");
        String plain = "translate user 0x1000";
        assertSame(plain, Chars.lower(plain));
    }

    @Test
    void equalsIgnoringAsciiCase() {
        assertTrue(Chars.equalsIgnoreCase("4M", "4m"));
        assertTrue(Chars.equalsIgnoreCase("select", "SELECT"));
        assertFalse(Chars.equalsIgnoreCase("select", "selec"));
        assertFalse(Chars.equalsIgnoreCase("select", null));
        assertFalse(Chars.equalsIgnoreCase("init", "\u0131n\u0131t"));
    }
}
