package org.pagewalk.text;

/**
 * Input shown back to the user (a token in an error, a scenario line the runner echoes) in a form
 * that cannot take over a terminal or flood it: control characters (C0, DEL and C1, tab included:
 * {@code ESC]0;...BEL} retitles a terminal, {@code ESC[2J} clears it, C1's CSI does the same on
 * some) are written as {@code \x1B}, and anything longer than a bound is cut with the length
 * said. The one place Pagewalk escapes echoed input.
 */
public final class Printable {
    /** How much of one quoted token an error shows. */
    public static final int TOKEN = 80;
    /** How much of one echoed scenario line (or file name) the runner prints. */
    public static final int LINE = 240;
    /**
     * The longest line of a message: messages quote input with {@link #quote}, and this bound
     * catches whatever else they carry (a note's text, a long list of what is allowed).
     */
    public static final int MESSAGE = 1000;

    private Printable() {
    }

    /** {@code text} in single quotes, escaped and cut to {@link #TOKEN} characters. */
    public static String quote(String text) {
        return "'" + shown(text, TOKEN) + "'";
    }

    /** {@code text} escaped and cut to {@code max} characters (the cut says how long it was). */
    public static String shown(String text, int max) {
        int n = text.length();
        int end = Math.min(n, max);
        StringBuilder sb = null;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(end + 8).append(text, 0, i);
                }
                sb.append("\\x").append(Hex.hex(c, 2).substring(2));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        if (sb == null && end == n) {
            return text;
        }
        if (sb == null) {
            sb = new StringBuilder(end + 24).append(text, 0, end);
        }
        if (end < n) {
            sb.append("... (").append(n).append(" characters)");
        }
        return sb.toString();
    }

    /** Each line of {@code text} escaped and cut to {@code max}; line breaks kept. */
    public static String lines(String text, int max) {
        String[] parts = Split.on(text, '\n');
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : "\n").append(shown(parts[i], max));
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
