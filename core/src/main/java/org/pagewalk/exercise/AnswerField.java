package org.pagewalk.exercise;

import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Numbers;
import org.pagewalk.text.Printable;

/** One blank of an answer: its key, the label the page shows, and how its value is written. */
public final class AnswerField {
    /** How a value is written and read back. */
    public enum Type {
        /** A decimal number (an index). */
        DECIMAL,
        /** A 32-bit value in hexadecimal (an address, an entry). */
        HEX,
        /** Yes or no (a bit, a fault, a hit). */
        YES_NO
    }

    private final String key;
    private final String label;
    private final Type type;

    AnswerField(String key, String label, Type type) {
        this.key = key;
        this.label = label;
        this.type = type;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    /** The value as the answer key shows it. */
    public String format(int value) {
        switch (type) {
            case HEX:
                return Hex.hex32(value);
            case YES_NO:
                return value != 0 ? "yes" : "no";
            default:
                return Integer.toUnsignedString(value);
        }
    }

    /**
     * Reads what a student typed: {@code null} with the value in {@code out[0]}, or what is wrong
     * and what is allowed. A hex blank takes its digits with or without {@code 0x}; a yes/no blank
     * takes yes, no, 1 or 0.
     */
    public String parse(String text, int[] out) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return label + ": no answer given";
        }
        if (type == Type.YES_NO) {
            String l = Chars.lower(t);
            if (l.equals("yes") || l.equals("y") || l.equals("1")) {
                out[0] = 1;
                return null;
            }
            if (l.equals("no") || l.equals("n") || l.equals("0")) {
                out[0] = 0;
                return null;
            }
            return label + ": " + Printable.quote(t) + " is not yes or no";
        }
        boolean prefixed = t.startsWith("0x") || t.startsWith("0X");
        String error = Numbers.parse(type == Type.HEX && !prefixed ? "0x" + t : t, out);
        return error == null ? null : label + ": " + error;
    }
}
