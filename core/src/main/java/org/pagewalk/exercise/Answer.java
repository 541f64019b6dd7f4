package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of some blanks of one kind of question, in the kind's order. An expected answer
 * holds only the blanks that apply (a translation that succeeds has no error-code bits); a
 * student's holds what they filled in.
 */
public final class Answer {
    private final QuestionKind kind;
    private final List<String> keys = new ArrayList<>();
    private final List<Integer> values = new ArrayList<>();

    public Answer(QuestionKind kind) {
        this.kind = kind;
    }

    public QuestionKind kind() {
        return kind;
    }

    /** Sets a blank (replacing an earlier value); returns this answer. */
    public Answer with(String key, int value) {
        kind.field(key);
        int i = keys.indexOf(key);
        if (i >= 0) {
            values.set(i, value);
        } else {
            keys.add(key);
            values.add(value);
        }
        return this;
    }

    public Answer with(String key, boolean value) {
        return with(key, value ? 1 : 0);
    }

    public boolean has(String key) {
        return keys.contains(key);
    }

    /** The value of a blank that {@link #has} it. */
    public int get(String key) {
        int i = keys.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("the answer has no " + key);
        }
        return values.get(i);
    }

    /** The blanks filled, in the kind's order. */
    public List<AnswerField> fields() {
        List<AnswerField> out = new ArrayList<>();
        for (AnswerField f : kind.fields()) {
            if (keys.contains(f.key())) {
                out.add(f);
            }
        }
        return out;
    }

    /** One line: {@code directory 32, table 72, offset 0x00000123}. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (AnswerField f : fields()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.key()).append(' ').append(f.format(get(f.key())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
