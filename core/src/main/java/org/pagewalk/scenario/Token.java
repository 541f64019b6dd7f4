package org.pagewalk.scenario;

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
     * Whether this is the word {@code word} (an ASCII keyword), ignoring case as
     * {@code equalsIgnoreCase} does. ASCII is compared here: in TeaVM's JavaScript the first
     * {@code equalsIgnoreCase} builds the class library's Unicode case tables, a few
     * milliseconds of the page's start; other text still goes to it.
     */
    boolean is(String word) {
        if (kind != Kind.WORD || text.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char w = word.charAt(i);
            if (c > 127 || w > 127) {
                return text.equalsIgnoreCase(word);
            }
            if (lower(c) != lower(w)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    @Override
    public String toString() {
        return kind == Kind.END ? "the end of the line" : org.pagewalk.text.Printable.quote(text);
    }
}
