package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A keyword matches in any ASCII case, and only in ASCII case. */
class TokenTest {
    private static Token word(String text) {
        return new Token(Token.Kind.WORD, text, 1);
    }

    @Test
    void keywordsMatchInAnyCase() {
        assertTrue(word("user").is("user"));
        assertTrue(word("USER").is("user"));
        assertTrue(word("uSeR").is("user"));
        assertTrue(word("4m").is("4M"));
        assertTrue(word("as-Written").is("as-written"));
        assertFalse(word("users").is("user"));
        assertFalse(word("usr").is("user"));
        assertFalse(word("@ser").is("`ser"), "only letters differ by case");
        assertFalse(new Token(Token.Kind.NUMBER, "4M", 1).is("4M"), "a number is not a word");
    }

    @Test
    void lookalikesOutsideAsciiAreNotKeywords() {
        // U+017F (long s) upper-cases to S and U+212A (Kelvin) lower-cases to k, so Java's
        // equalsIgnoreCase counts these as equal; a keyword here is ASCII, so they are other words.
        for (String[] p : new String[][] {{"u\u017Fer", "user"}, {"\u212Aernel", "kernel"}, {"\u00FCser", "user"}}) {
            assertFalse(word(p[0]).is(p[1]), p[0]);
        }
        assertTrue("u\u017Fer".equalsIgnoreCase("user"), "the JDK would have matched it");
    }
}
