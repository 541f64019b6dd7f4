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

    /** The one number grammar ({@link Numbers#parse}): decimal, 0x hexadecimal, {@code _} between digits, K/M/G. */
    public static String parseUnsigned(String text, int[] out) {
        return Numbers.parse(text, out);
    }
}
