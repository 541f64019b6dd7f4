package org.pagewalk.scenario;

import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Numbers;
import org.pagewalk.text.Printable;

/**
 * A number in a scenario: terms joined by {@code |}, each a literal (decimal, 0x hexadecimal,
 * with an optional K/M/G binary suffix) or a name (a flag such as WRITE, a CR bit such as PG,
 * a constant such as KERNEL_START, or a variable set earlier). Names are looked up when the
 * line runs.
 */
final class Expr {
    private static final String[] NO_NAMES = new String[0];
    private final String[] names;
    private final int literal;
    private final int column;
    final String text;

    private Expr(String[] names, int literal, int column, String text) {
        this.names = names;
        this.literal = literal;
        this.column = column;
        this.text = text;
    }

    /** A value a form supplies, written as {@code text} in the command's line. */
    static Expr literal(int value, String text) {
        return new Expr(NO_NAMES, value, 0, text);
    }

    static Expr literal(int value) {
        return literal(value, Hex.hex32(value));
    }

    static Expr parse(Line line, Token t, Names known) {
        if (t.kind != Token.Kind.NUMBER && t.kind != Token.Kind.WORD) {
            throw line.error(t, "expected a number, a flag or a name, found " + t);
        }
        if (t.kind == Token.Kind.NUMBER && !line.hasBar(t)) {
            // The common case (one literal) without the split and the name list.
            return new Expr(NO_NAMES, line.numberValue(t), t.column, t.text);
        }
        String[] parts = org.pagewalk.text.Split.on(t.text, '|');
        java.util.List<String> names = new java.util.ArrayList<>();
        int value = 0;
        int offset = 0;
        for (String part : parts) {
            Token at = new Token(t.kind, part, t.column + offset);
            offset += part.length() + 1;
            if (part.isEmpty()) {
                throw line.error(at, Printable.quote(t.text) + " has an empty term around '|'");
            }
            char c = part.charAt(0);
            // ASCII first, then every script's digits (Chars: no Unicode tables in the page).
            if ((c >= '0' && c <= '9') || (c > 127 && Chars.isDigit(c)) || c == '-' || c == '+') {
                value |= number(line, at, part);
            } else {
                if (!known.isKnown(part)) {
                    throw line.error(at, "unknown name " + Printable.quote(part) + ": use a number (0x... or decimal), a flag ("
                            + Names.FLAG_LIST + "), a constant (" + Names.CONSTANT_LIST + ") or a variable set on an earlier line");
                }
                names.add(part);
            }
        }
        return new Expr(names.toArray(new String[0]), value, t.column, t.text);
    }

    /** A literal in the one number grammar ({@link Numbers}); must fit in 32 bits unsigned. */
    static int number(Line line, Token t, String text) {
        int[] out = new int[1];
        String error = Numbers.parse(text, out);
        if (error != null) {
            throw line.error(t, error);
        }
        return out[0];
    }

    int eval(Session s, int line) {
        int value = literal;
        for (String n : names) {
            Integer v = s.lookup(n);
            if (v == null) {
                throw new ScenarioError(line, column, Printable.quote(n) + " has no value here (" + s.whyUnavailable(n) + ")");
            }
            value |= v;
        }
        return value;
    }

    int column() {
        return column;
    }

    /** As written (names and all), for the command's line. */
    @Override
    public String toString() {
        return text;
    }
}
