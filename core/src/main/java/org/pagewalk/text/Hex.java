package org.pagewalk.text;

/**
 * Number formatting and parsing that TeaVM compiles cheaply: no {@code String.format} (it pulls
 * ~50 KB of formatter into the page) and no {@code Integer.parseUnsignedInt} (missing from
 * TeaVM's class library). Every 32-bit value is treated as unsigned.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /** {@code 0x} and eight upper-case digits: the one way Pagewalk prints an address. */
    public static String hex32(int value) {
        char[] out = new char[10];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < 8; i++) {
            out[9 - i] = DIGITS[(value >>> (i * 4)) & 0xF];
        }
        return new String(out);
    }

    /** {@code 0x} and {@code digits} upper-case digits (for bytes, 20-bit page numbers, ...). */
    public static String hex(int value, int digits) {
        char[] out = new char[digits + 2];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < digits; i++) {
            out[digits + 1 - i] = DIGITS[(value >>> (i * 4)) & 0xF];
        }
        return new String(out);
    }

    /** Decimal, unsigned: 0xFFFFF000 prints as 4294963200, never as a negative number. */
    public static String unsigned(int value) {
        return Integer.toUnsignedString(value);
    }

    /**
     * Parses an unsigned 32-bit number: decimal, or hexadecimal with a {@code 0x} prefix;
     * underscores may group digits. Returns the value in {@code out[0]} and {@code null} on
     * success, or a message saying what is wrong.
     */
    public static String parseUnsigned(String text, int[] out) {
        if (text == null || text.isEmpty()) {
            return "expected a number";
        }
        boolean hex = text.length() > 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        int radix = hex ? 16 : 10;
        int start = hex ? 2 : 0;
        // Accumulate in an int with an explicit unsigned overflow check: long is a BigInt in
        // TeaVM's JavaScript output.
        int value = 0;
        int digits = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            int d = Character.digit(c, radix);
            if (d < 0) {
                return hex
                        ? "'" + text + "' is not a hexadecimal number: '" + c + "' is not a digit 0-9 or A-F"
                        : "'" + text + "' is not a number: '" + c + "' is not a digit (write hexadecimal as 0x...)";
            }
            if (hex) {
                if ((value >>> 28) != 0) {
                    return tooBig(text);
                }
                value = (value << 4) | d;
            } else {
                // value * 10 + d must stay below 2^32.
                if (Integer.compareUnsigned(value, 429496729) > 0
                        || (value == 429496729 && d > 5)) {
                    return tooBig(text);
                }
                value = value * 10 + d;
            }
            digits++;
        }
        if (digits == 0) {
            return "'" + text + "' has no digits";
        }
        out[0] = value;
        return null;
    }

    private static String tooBig(String text) {
        return "'" + text + "' does not fit in 32 bits (the largest value is 0xFFFFFFFF = 4294967295)";
    }
}
