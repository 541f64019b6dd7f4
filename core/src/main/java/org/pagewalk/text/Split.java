package org.pagewalk.text;

import java.util.ArrayList;
import java.util.List;

/**
 * String splitting on one character, without {@code String.split}: that takes a regular
 * expression and pulls TeaVM's whole regex engine (tens of KiB) into the page.
 */
public final class Split {
    private Split() {
    }

    /** Every piece between separators, empty ones included (like {@code split(sep, -1)}). */
    public static String[] on(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts.toArray(new String[0]);
    }

    /** Whether {@code s} is a C identifier: a letter or _, then letters, digits and _. */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
