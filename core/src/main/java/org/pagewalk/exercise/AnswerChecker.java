package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a student's answer against a question's: every blank that applies must hold the
 * expected value; blanks that do not apply (a physical address when the access faults) are
 * ignored. When the student's fault-or-not is wrong, that one blank is reported, since the
 * others then answer a different question.
 */
public final class AnswerChecker {
    private AnswerChecker() {
    }

    public static Verdict check(Question q, Answer given) {
        Answer expected = q.answer();
        List<AnswerField> wrong = new ArrayList<>();
        for (AnswerField f : expected.fields()) {
            if (!given.has(f.key()) || given.get(f.key()) != expected.get(f.key())) {
                wrong.add(f);
            }
        }
        for (String gate : new String[] {"faults", "present"}) {
            if (expected.has(gate) && (!given.has(gate) || given.get(gate) != expected.get(gate))) {
                List<AnswerField> only = new ArrayList<>();
                only.add(expected.kind().field(gate));
                return new Verdict(only);
            }
        }
        return new Verdict(wrong);
    }
}
