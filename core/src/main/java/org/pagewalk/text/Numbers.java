package org.pagewalk.text;

/**
 * The one grammar of numbers, shared by the scenario language, the page's forms and the command
 * line's options (docs/SCENARIOS.md, "Numbers"):
 *
 * <pre>
 * number  = hex | decimal [suffix]
 * hex     = ("0x" | "0X") hexdigit { ["_"] hexdigit }      hexdigit: 0-9 a-f A-F
 * decimal = digit { ["_"] digit }
 * suffix  = "K" | "M" | "G" (either case: times 1024, 1024^2, 1024^3)
 * </pre>
 *
 * A {@code _} stands between two digits, so {@code 0x_1}, {@code 1__0}, {@code 1_} and
 * {@code 1_K} are errors. The value is unsigned and must fit in 32 bits (0 to 0xFFFFFFFF =
 * 4294967295); there is no sign, so {@code -1} is an error too. No {@code long} (a BigInt in
 * TeaVM's JavaScript) and no {@code Integer.parseUnsignedInt} (missing from TeaVM's class library).
 */
public final class Numbers {
    /** What every range error says is allowed. */
    public static final String LARGEST = "the largest value is 0xFFFFFFFF = 4294967295";

    private Numbers() {
    }

    /**
     * Parses {@code text}; returns {@code null} with the value in {@code out[0]}, or a message
     * saying what is wrong and what is allowed (starting with the number, quoted and escaped).
     */
    public static String parse(String text, int[] out) {
        if (text == null || text.isEmpty()) {
            return "expected a number";
        }
        return parse(text.toCharArray(), 0, text.length(), out);
    }

    /**
     * As {@link #parse(String, int[])}, the number being {@code chars[from]} to {@code chars[to - 1]}:
     * the scenario parser reads every line from one array (in TeaVM's WebAssembly each
     * {@code String.charAt} is a call), and the number's text is made only for a message.
     */
    public static String parse(char[] chars, int from, int to, int[] out) {
        if (to <= from) {
            return "expected a number";
        }
        if (chars[from] == '-' || chars[from] == '+') {
            return Printable.quote(text(chars, from, to)) + " has a sign: numbers are unsigned, 0 to 0xFFFFFFFF = 4294967295, with no + or -";
        }
        boolean hex = to - from >= 2 && chars[from] == '0' && (chars[from + 1] == 'x' || chars[from + 1] == 'X');
        int end = to;
        int shift = 0;
        if (!hex) {
            char last = Chars.upper(chars[end - 1]);
            shift = last == 'K' ? 10 : last == 'M' ? 20 : last == 'G' ? 30 : 0;
            if (shift > 0) {
                end--;
            }
        }
        int start = hex ? from + 2 : from;
        int radix = hex ? 16 : 10;
        int value = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c == '_') {
                if (i == start || i + 1 >= end || chars[i + 1] == '_') {
                    return Printable.quote(text(chars, from, to))
                            + " has a '_' that is not between two digits: '_' only groups digits, as in 0x0010_B000";
                }
                continue;
            }
            int d = digit(c, radix);
            if (d < 0) {
                String q = Printable.quote(text(chars, from, to));
                return hex ? q + " is not a hexadecimal number: " + Printable.quote(String.valueOf(c))
                        + " is not a digit 0-9 or A-F"
                        : q + " is not a number: " + Printable.quote(String.valueOf(c))
                        + " is not a digit (write hexadecimal as 0x..., sizes as 4K, 32M, 1G)";
            }
            if (hex) {
                if ((value >>> 28) != 0) {
                    return tooBig(text(chars, from, to));
                }
                value = (value << 4) | d;
            } else {
                // value * 10 + d must stay below 2^32.
                if (Integer.compareUnsigned(value, 429496729) > 0 || (value == 429496729 && d > 5)) {
                    return tooBig(text(chars, from, to));
                }
                value = value * 10 + d;
            }
            digits++;
        }
        if (digits == 0) {
            return Printable.quote(text(chars, from, to)) + " has no digits";
        }
        if (shift > 0 && (value >>> (32 - shift)) != 0) {
            return tooBig(text(chars, from, to));
        }
        out[0] = value << shift;
        return null;
    }

    private static String text(char[] chars, int from, int to) {
        return new String(chars, from, to - from);
    }

    /**
     * A number in [{@code min}, {@code max}] (unsigned); the message names {@code what} and the
     * allowed range in decimal.
     */
    public static String inRange(String text, int min, int max, String what, int[] out) {
        String error = parse(text, out);
        if (error != null) {
            return error + "; " + allowed(min, max, what);
        }
        if (Integer.compareUnsigned(out[0], min) < 0 || Integer.compareUnsigned(out[0], max) > 0) {
            return Printable.quote(text) + " is out of range: " + allowed(min, max, what);
        }
        return null;
    }

    private static String allowed(int min, int max, String what) {
        return what + " must be " + Integer.toUnsignedString(min) + " to " + Integer.toUnsignedString(max);
    }

    /** The ASCII digit's value, or -1: the grammar has no other digits (Character.digit accepts every script's). */
    private static int digit(char c, int radix) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        return d < radix ? d : -1;
    }

    private static String tooBig(String text) {
        return Printable.quote(text) + " does not fit in 32 bits (" + LARGEST + ")";
    }
}
