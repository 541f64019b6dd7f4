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

    /**
     * The words of {@code text}: the pieces between runs of white space (space, tab, line breaks,
     * form feed), none empty (like {@code trim().split("\\s+")} on text that is not blank).
     */
    public static String[] words(String text) {
        List<String> words = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || isSpace(text.charAt(i));
            if (space && from >= 0) {
                words.add(text.substring(from, i));
                from = -1;
            } else if (!space && from < 0) {
                from = i;
            }
        }
        return words.toArray(new String[0]);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
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
