package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * One question of a set: what it asks in words, the lines that bring the machine from the set's
 * starting state to the moment asked about ({@link #context}), the line whose walk shows the
 * answer ({@link #walk}, or {@code null} when the answer needs no walk), and the answer itself.
 */
public final class Question {
    private final QuestionKind kind;
    private final String prompt;
    private final List<String> context;
    private final String walk;
    private final int address;
    private final String outcome;
    private final Answer answer;
    private final String[] blanks;

    Question(QuestionKind kind, String prompt, List<String> context, String walk, int address, String outcome,
            Answer answer, String[] blanks) {
        this.kind = kind;
        this.prompt = prompt;
        this.context = new ArrayList<>(context);
        this.walk = walk;
        this.address = address;
        this.outcome = outcome;
        this.answer = answer;
        this.blanks = blanks.clone();
    }

    public QuestionKind kind() {
        return kind;
    }

    public String prompt() {
        return prompt;
    }

    /** Lines run before {@link #walk} (a CR3 switch, the accesses before a TLB question). */
    public List<String> context() {
        return new ArrayList<>(context);
    }

    /** The scenario line that shows the answer's walk, or {@code null}. */
    public String walk() {
        return walk;
    }

    /** The linear address the question is about (the views select it). */
    public int address() {
        return address;
    }

    /**
     * What happens, in a short phrase: {@code translates}, {@code PDE not present},
     * {@code PTE not present}, {@code protection}, {@code hit}, {@code miss}... (for the balance
     * tests and the instructor's key).
     */
    public String outcome() {
        return outcome;
    }

    public Answer answer() {
        return answer;
    }

    /** The blanks the page shows for this question (the answer fills those that apply). */
    public List<AnswerField> blanks() {
        List<AnswerField> out = new ArrayList<>();
        for (String k : blanks) {
            out.add(kind.field(k));
        }
        return out;
    }
}
