package org.pagewalk.scenario;

import org.pagewalk.text.Hex;

/**
 * The checks that keep a value inside its width and an access inside the 4 GiB address space,
 * so nothing wraps without a word: a byte is 0 to 0xFF (no sign: -1 is not a byte), and an
 * access of several bytes must end at or below 0xFFFFFFFF. Physical: PC memory does not wrap at
 * 4 GiB. Linear: a 4-byte access at 0xFFFFFFFD..0xFFFFFFFF crosses the end of a flat 4 GiB
 * segment, and whether that faults is implementation-specific (SDM Vol. 3A §5.3, "Limit
 * Checking"), so Pagewalk refuses it rather than invent an answer. Each error names the
 * allowed range and is thrown before anything is written.
 */
final class Ranges {
    private Ranges() {
    }

    /** {@code value} (from {@code e}) as a byte, or an error at its column. */
    static int byteValue(int value, Expr e, int line, String what) {
        if (Integer.compareUnsigned(value, 0xFF) > 0) {
            throw new ScenarioError(line, e.column(), what + " is a byte: " + Hex.hex32(value) + " (" + Integer.toUnsignedString(value)
                    + ") is out of range, allowed 0 to 255 (0x00 to 0xFF)");
        }
        return value;
    }

    /**
     * Checks that {@code bytes} bytes from {@code start} end at or below 0xFFFFFFFF in the
     * {@code space} ("physical" or "linear") address space.
     */
    static void within4GiB(int start, int bytes, Expr at, int line, String space, String what) {
        int lastStart = 0xFFFFFFFF - (bytes - 1);
        if (Integer.compareUnsigned(start, lastStart) > 0) {
            throw new ScenarioError(line, at.column(), what + " at " + space + " " + Hex.hex32(start)
                    + " would run past the end of the 4 GiB " + space + " address space (0xFFFFFFFF) and wrap to 0: "
                    + "allowed start addresses are 0x00000000 to " + Hex.hex32(lastStart));
        }
    }
}
