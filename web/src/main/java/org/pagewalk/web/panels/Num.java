package org.pagewalk.web.panels;

import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Numbers;
import org.pagewalk.text.Sizes;

/**
 * What the forms accept in a number field, and what they say when it is wrong: always what is
 * wrong and what is allowed. The grammar is the scenario language's ({@link Numbers}): unsigned
 * 32-bit, hexadecimal with 0x or decimal, {@code _} between digits, sizes as 16K, 32M, 1G; this
 * class only phrases its messages for a form.
 */
final class Num {
    static final String ANY = "Allowed: 0x00000000 to 0xFFFFFFFF (hexadecimal with 0x), or decimal.";

    private Num() {
    }

    /** Any unsigned 32-bit number. */
    static String number(String text, int[] out) {
        if (text.isEmpty()) {
            return "Enter a number. " + ANY;
        }
        String error = Numbers.parse(text, out);
        return error == null ? null : capital(error) + ". " + ANY;
    }

    /** A 4 KiB aligned address. */
    static String page(String text, int[] out) {
        String error = number(text, out);
        if (error != null) {
            return error;
        }
        if ((out[0] & 0xFFF) != 0) {
            return Hex.hex32(out[0]) + " is not page aligned: the low 12 bits must be 0, as in "
                    + Hex.hex32(out[0] & 0xFFFFF000) + " (4 KiB pages start at multiples of 0x1000).";
        }
        return null;
    }

    /** A byte value, 0 to 255. */
    static String byteValue(String text, int[] out) {
        String error = number(text, out);
        if (error != null) {
            return error.substring(0, error.length() - ANY.length()) + "Allowed for a byte: 0 to 255 (0x00 to 0xFF).";
        }
        if (Integer.compareUnsigned(out[0], 0xFF) > 0) {
            return Hex.hex32(out[0]) + " is out of range for a byte: allowed 0 to 255 (0x00 to 0xFF); choose Word for a 32-bit value.";
        }
        return null;
    }

    /** A size in bytes: a number, or decimal with K, M or G (16K, 32M). */
    static String size(String text, int[] out) {
        String error = number(text, out);
        return error == null ? null : error.substring(0, error.length() - ANY.length())
                + "Allowed: bytes as 0x... or decimal, or with a suffix: 16K, 4M (a suffix needs a decimal number).";
    }

    /**
     * Installed RAM in 4 KiB frames (so 4 GiB fits an int): 1M to 4G in whole frames, at least
     * {@code minimumBytes} (the guest kernel's image must fit).
     */
    static String ram(String text, int minimumBytes, int[] out) {
        String t = Chars.upper(text);
        if (t.equals("4G") || t.equals("4096M") || t.equals("4194304K")) {
            out[0] = 1 << 20;
            return null;
        }
        String allowed = " Allowed: 1M to 4G in whole 4 KiB frames, e.g. 32M, 1G, 4G.";
        if (text.isEmpty()) {
            return "Enter the RAM size." + allowed;
        }
        String error = size(text, out);
        if (error != null) {
            String quoted = org.pagewalk.text.Printable.quote(text);
            return error.startsWith(quoted + " does not fit") ? quoted + " is more than 4G." + allowed : error;
        }
        int bytes = out[0];
        if (Integer.compareUnsigned(bytes, 1 << 20) < 0) {
            return Sizes.ofBytes(bytes) + " is too little RAM." + allowed;
        }
        if ((bytes & 0xFFF) != 0) {
            return Sizes.ofBytes(bytes) + " is not a whole number of 4 KiB frames." + allowed;
        }
        if (Integer.compareUnsigned(bytes, minimumBytes) < 0) {
            return "CeanOS's kernel image ends at " + Hex.hex32(minimumBytes) + ", so it needs at least "
                    + Sizes.ofBytes(roundUpToMiB(minimumBytes)) + " of RAM (" + Sizes.ofBytes(bytes) + " is too little).";
        }
        out[0] = bytes >>> 12;
        return null;
    }

    /** A whole number in [min, max] (decimal or 0x...). */
    static String range(String text, int min, int max, String what, int[] out) {
        String allowed = " Allowed: " + what + " from " + min + " to " + max + ".";
        if (text.isEmpty()) {
            return "Enter a number." + allowed;
        }
        String error = Numbers.parse(text, out);
        if (error != null) {
            return capital(error) + "." + allowed;
        }
        if (Integer.compareUnsigned(out[0], min) < 0 || Integer.compareUnsigned(out[0], max) > 0) {
            return Integer.toUnsignedString(out[0]) + " is out of range." + allowed;
        }
        return null;
    }

    /** The scenario language's spelling of a RAM size in frames: 32M, 2368K, 4G. */
    static String ramText(int frames) {
        if (frames == 1 << 20) {
            return "4G";
        }
        if ((frames & 0xFF) == 0) {
            return (frames >>> 8) + "M";
        }
        return (frames * 4) + "K";
    }

    private static int roundUpToMiB(int bytes) {
        return (bytes + 0xFFFFF) & 0xFFF00000;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Chars.upper(s.charAt(0)) + s.substring(1);
    }
}
