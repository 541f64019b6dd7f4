package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.guest.GuestFunction;

/**
 * The tokenizer hands out one shared string for each common word (a string literal is that
 * shared string on the JVM), so the parser's comparisons of it with its constants are identity;
 * every other word is its own text, the same characters as written.
 */
class CommonWordsTest {
    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        new Line(1, text, out);
        return out;
    }

    @Test
    void commonWordsAreTheSharedStrings() {
        List<Token> t = tokens("translate user read 0x08048000");
        assertSame("translate", t.get(0).text);
        assertSame("user", t.get(1).text);
        assertSame("read", t.get(2).text);
        assertEquals("0x08048000", t.get(3).text);
        List<Token> m = tokens("  memMapPage 0x08048000 0x01000000 USER|WRITE # map it");
        assertSame(GuestFunction.byName("memMapPage").functionName(), m.get(0).text);
        assertSame("USER|WRITE", m.get(3).text);
        assertEquals(14, m.get(1).column);
        assertSame("kernel", tokens("write kernel 0xC0000000 1 byte").get(1).text);
        assertSame("byte", tokens("write kernel 0xC0000000 1 byte").get(4).text);
    }

    @Test
    void everyCeanOsFunctionNameIsShared() {
        for (GuestFunction f : GuestFunction.values()) {
            assertSame(f.functionName(), tokens("x " + f.functionName() + " 1").get(1).text, f.functionName());
        }
    }

    @Test
    void otherWordsAreTheirOwnTextAsWritten() {
        List<Token> t = tokens("READ User reads re rread writer memmappage");
        String[] written = {"READ", "User", "reads", "re", "rread", "writer", "memmappage"};
        for (int i = 0; i < written.length; i++) {
            assertEquals(written[i], t.get(i).text);
            assertEquals(Token.Kind.WORD, t.get(i).kind);
        }
        assertNotSame("read", new String("read"));
        assertEquals(Token.Kind.END, t.get(written.length).kind);
    }

    @Test
    void aCommonWordParsesAsBefore() {
        Scenario s = Scenario.parse("boot ceanos\ninit_mm\nmemMapPage 0x08048000 0x01000000 USER|WRITE\nread USER 0x08048000\n");
        MemoryAccess read = (MemoryAccess) s.steps().get(3);
        assertEquals("read", read.command());
        assertEquals(org.pagewalk.machine.Access.USER, read.access);
    }
}
