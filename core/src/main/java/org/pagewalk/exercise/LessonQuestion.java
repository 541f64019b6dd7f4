package org.pagewalk.exercise;

import java.util.ArrayList;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Numbers;
import org.pagewalk.text.Split;

/**
 * A question a guided lesson asks: a {@code note Question: ...} line followed by an
 * {@code expect physical} or {@code expect fault} line with a literal address. The note is the
 * prompt; the expect line names the access; the answer is what that access would do on the
 * machine now (the same preview the expect line checks), asked in the exercise page's fields.
 */
public final class LessonQuestion {
    /** How a note that asks the following expect line starts. */
    public static final String MARK = "Question:";

    private LessonQuestion() {
    }

    /** Whether {@code noteText} (a note's text, without {@code note}) asks a question. */
    public static boolean asks(String noteText) {
        return noteText != null && noteText.trim().startsWith(MARK);
    }

    /**
     * The question {@code expectLine} asks with {@code noteText} as its prompt, answered from
     * {@code machine} as it is now; {@code null} when the line is not an {@code expect physical}
     * or {@code expect fault} line with a literal address.
     */
    public static Question of(String noteText, String expectLine, Machine machine) {
        String[] w = Split.words(expectLine);
        if (w.length < 3 || !w[0].equals("expect") || !(w[1].equals("physical") || w[1].equals("fault"))) {
            return null;
        }
        int i = 2;
        int access = Access.READ;
        if (w[i].equals("user") || w[i].equals("kernel")) {
            access = w[i].equals("user") ? Access.USER : Access.READ;
            i++;
        }
        if (i < w.length && (w[i].equals("read") || w[i].equals("write"))) {
            access |= w[i].equals("write") ? Access.WRITE : 0;
            i++;
        }
        int[] out = new int[1];
        if (i >= w.length || Numbers.parse(w[i], out) != null) {
            return null;
        }
        int linear = out[0];
        String prompt = noteText.trim().substring(MARK.length()).trim();
        String walk = "translate " + ExerciseGenerator.accessWords(access) + " " + Hex.hex32(linear);
        return Question.translation(prompt, new ArrayList<>(), walk, linear, machine.preview(linear, access));
    }
}
