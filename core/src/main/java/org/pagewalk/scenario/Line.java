package org.pagewalk.scenario;

import java.util.List;
import org.pagewalk.text.Chars;
import org.pagewalk.text.Numbers;

/**
 * The tokens of one scenario line and a cursor over them, with the checks every command needs:
 * each one throws a {@link ScenarioError} that points at the offending column and says what was
 * expected.
 *
 * <p>Words are runs of anything but blanks, {@code =} and {@code "}; a word that starts with a
 * digit is a number. {@code #} starts a comment. Strings are in double quotes.
 */
final class Line {
    final int number;
    final String text;
    private final List<Token> tokens;
    private int at;
    // The line's characters, from chars[offset]: a number token is parsed from them (numberValue).
    private final char[] chars;
    private final int offset;

    /** {@code tokens} is emptied and filled with this line's tokens: a parser passes the same list for each line. */
    Line(int number, String text, List<Token> tokens) {
        this(number, text, text.toCharArray(), 0, tokens);
    }

    /**
     * As {@link #Line(int, String, List)}, the line's characters read from {@code chars} at
     * {@code offset}, where they are {@code text}: a parser of many lines reads them all from one
     * array. (In TeaVM's WebAssembly {@code String.charAt} and {@code length} are calls, which
     * were half of a share link's tokenizing.)
     */
    Line(int number, String text, char[] chars, int offset, List<Token> tokens) {
        this.number = number;
        this.text = text;
        this.chars = chars;
        this.offset = offset;
        tokens.clear();
        this.tokens = tokens;
        tokenize(number, text, chars, offset, offset + text.length(), tokens);
    }

    // Characters read from the array, tokens' texts cut from the line's text: in TeaVM's JavaScript
    // substring is the engine's own, and a string built from a char array is a loop.
    private static void tokenize(int line, String text, char[] chars, int offset, int n, List<Token> out) {
        int i = offset;
        while (i < n) {
            char c = chars[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '=') {
                out.add(new Token(Token.Kind.EQUALS, "=", i - offset + 1));
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (end < n && chars[end] != '"') {
                    end++;
                }
                if (end == n) {
                    throw new ScenarioError(line, i - offset + 1, "this string has no closing quote (\")");
                }
                out.add(new Token(Token.Kind.STRING, text.substring(i + 1 - offset, end - offset), i - offset + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !endsWord(chars[i])) {
                    i++;
                }
                String common = CommonWords.find(chars, start, i);
                String word = common != null ? common : text.substring(start - offset, i - offset);
                out.add(new Token((c >= '0' && c <= '9') || (c > 127 && Chars.isDigit(c)) ? Token.Kind.NUMBER : Token.Kind.WORD, word, start - offset + 1));
            }
        }
        out.add(new Token(Token.Kind.END, "", n - offset + 1));
    }

    // Plain comparisons: String.indexOf per character was a quarter of a restore's parse in TeaVM's JavaScript.
    private static boolean endsWord(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '=' || c == '"' || c == '#';
    }

    /** Whether the token {@code t} of this line holds a {@code |} (an expression of several terms). */
    boolean hasBar(Token t) {
        int from = offset + t.column - 1;
        int to = from + t.text.length();
        for (int i = from; i < to; i++) {
            if (chars[i] == '|') {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of the number token {@code t} of this line ({@link Numbers}), read from the line's
     * characters rather than from the token's text (TeaVM's WebAssembly: a call per character);
     * an error points at the token.
     */
    int numberValue(Token t) {
        int from = offset + t.column - 1;
        int[] out = new int[1];
        String error = Numbers.parse(chars, from, from + t.text.length(), out);
        if (error != null) {
            throw error(t, error);
        }
        return out[0];
    }

    boolean isBlank() {
        return tokens.size() == 1;
    }

    Token peek() {
        return tokens.get(at);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(at);
        if (t.kind != Token.Kind.END) {
            at++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind == Token.Kind.END;
    }

    ScenarioError error(Token t, String message) {
        return new ScenarioError(number, t.column, message);
    }

    ScenarioError error(String message) {
        return error(peek(), message);
    }

    /** Consumes {@code word} if it is next (case-insensitive). */
    boolean accept(String word) {
        if (peek().is(word)) {
            at++;
            return true;
        }
        return false;
    }

    void expectEquals(String what) {
        if (peek().kind != Token.Kind.EQUALS) {
            throw error("expected '=' " + what + ", found " + peek());
        }
        next();
    }

    void end(String usage) {
        end(usage, "");
    }

    /**
     * {@code usage + detail} is joined only for the error: a restore parses thousands of lines,
     * and building a message per line that is almost never shown cost more than the parse itself
     * in the JavaScript build.
     */
    void end(String usage, String detail) {
        if (!atEnd()) {
            throw error("unexpected " + peek() + ": " + usage + detail);
        }
    }

    Token word(String what) {
        Token t = peek();
        if (t.kind != Token.Kind.WORD) {
            throw error("expected " + what + ", found " + t);
        }
        return next();
    }

    /** The line's words joined by single blanks, strings quoted, the comment dropped. */
    String canonical() {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.kind != Token.Kind.END) {
                sb.append(sb.length() == 0 ? "" : " ").append(t.kind == Token.Kind.STRING ? "\"" + t.text + "\"" : t.text);
            }
        }
        return sb.toString();
    }

    /** The rest of the line as text (a string token, or the raw words). */
    String rest() {
        if (peek().kind == Token.Kind.STRING && peek(1).kind == Token.Kind.END) {
            return next().text;
        }
        if (atEnd()) {
            return "";
        }
        int from = peek().column - 1;
        at = tokens.size() - 1;
        String s = text.substring(from);
        int hash = s.indexOf('#');
        return (hash >= 0 ? s.substring(0, hash) : s).trim();
    }
}
