package org.pagewalk.scenario;

import org.pagewalk.text.Chars;

/** One word of a scenario line, with the column it starts at (1-based). */
final class Token {
    enum Kind { WORD, NUMBER, STRING, EQUALS, END }

    final Kind kind;
    final String text;
    final int column;

    Token(Kind kind, String text, int column) {
        this.kind = kind;
        this.text = text;
        this.column = column;
    }

    /**
     * Whether this is the word {@code word} (an ASCII keyword), ignoring ASCII case only: every
     * keyword is ASCII, and Java's {@code equalsIgnoreCase} would pull the class library's Unicode
     * case tables into the page (and build them at its start) to also match lookalikes such as
     * U+017F (long s) for s, which a scenario should not accept as a keyword.
     */
    boolean is(String word) {
        return kind == Kind.WORD && Chars.equalsIgnoreCase(word, text);
    }

    @Override
    public String toString() {
        return kind == Kind.END ? "the end of the line" : org.pagewalk.text.Printable.quote(text);
    }
}
