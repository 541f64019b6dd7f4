package org.pagewalk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\\x1B[2J", Printable.shown("\u001B[2J", 80));
        assertEquals("\\x1B]0;title\\x07", Printable.shown("\u001B]0;title\u0007", 80));
        assertEquals("a\\x09b\\x7F\\x9B", Printable.shown("a\tb\u007F\u009B", 80));
        assertEquals("caf\u00E9 \u2192", Printable.shown("caf\u00E9 \u2192", 80));
    }

    @Test
    void plainShortTextIsTheSameString() {
        String s = "memMapPage 0x08048000 frame WRITE";
        assertSame(s, Printable.shown(s, 80));
    }

    @Test
    void longTextIsCutAndSaysItsLength() {
        assertEquals("abc... (6 characters)", Printable.shown("abcdef", 3));
        assertEquals("'ab... (3 characters)'", "'" + Printable.shown("abc", 2) + "'");
        assertEquals("x\nab... (3 characters)", Printable.lines("x\nabc", 2));
    }
}
