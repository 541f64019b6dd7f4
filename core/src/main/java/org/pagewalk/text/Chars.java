package org.pagewalk.text;

/**
 * Character tests and case changes without the class library's Unicode tables: in the page,
 * {@code Character.isDigit}, {@code toLowerCase}, {@code toUpperCase} and {@code equalsIgnoreCase}
 * pull TeaVM's compressed tables (about 5 KB gzip) and their decoders into the bundle. Every word
 * the scenario language, the forms and the page compare is ASCII, so case is changed on ASCII
 * letters only (a lookalike such as U+0131 dotless i does not become an ASCII letter).
 */
public final class Chars {
    /** The zero of each run of ten decimal digits (Unicode Nd) in the Basic Multilingual Plane. */
    private static final char[] ZEROS = {
        0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
        0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10,
    };

    private Chars() {
    }

    /** Whether {@code c} is a decimal digit of any script, as {@code Character.isDigit(char)} says. */
    public static boolean isDigit(char c) {
        for (char zero : ZEROS) {
            if (c >= zero && c <= zero + 9) {
                return true;
            }
        }
        return false;
    }

    /** The value of the hexadecimal digit {@code c} (0-9, a-f, A-F), or -1. */
    public static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    public static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    public static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** {@code s} with its ASCII letters in upper case. */
    public static String upper(String s) {
        return withCase(s, true);
    }

    /** {@code s} with its ASCII letters in lower case. */
    public static String lower(String s) {
        return withCase(s, false);
    }

    private static String withCase(String s, boolean upper) {
        char[] cs = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char changed = upper ? upper(c) : lower(c);
            if (changed != c) {
                if (cs == null) {
                    cs = s.toCharArray();
                }
                cs[i] = changed;
            }
        }
        return cs == null ? s : new String(cs);
    }

    /** Whether {@code a} and {@code b} are equal but for the case of ASCII letters; false if {@code b} is null. */
    public static boolean equalsIgnoreCase(String a, String b) {
        if (a == b) {
            return true; // the scenario tokenizer's shared words (scenario.CommonWords) compared with themselves
        }
        if (b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
