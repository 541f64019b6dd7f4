package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;

/** Whether an answer is right, and which blanks are wrong or missing. */
public final class Verdict {
    private final List<AnswerField> wrong;

    Verdict(List<AnswerField> wrong) {
        this.wrong = new ArrayList<>(wrong);
    }

    public boolean isCorrect() {
        return wrong.isEmpty();
    }

    /** The blanks to correct, in the kind's order. */
    public List<AnswerField> wrong() {
        return new ArrayList<>(wrong);
    }
}
