package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.PageFault;

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

    /**
     * A "translate or fault" question whose answer is {@code result}: the physical address, or
     * the fault's error-code bits and CR2 (what the page's fields ask for).
     */
    public static Question translation(String prompt, List<String> context, String walk, int linear, AccessResult result) {
        Answer a = new Answer(QuestionKind.TRANSLATION).with("faults", result.isFault());
        String outcome;
        if (result.isFault()) {
            PageFault f = result.fault();
            a.with("p", !f.isNotPresent()).with("wr", f.isWrite()).with("us", f.isUser()).with("cr2", f.linear());
            outcome = !f.isNotPresent() ? "protection" : f.level() == PageFault.LEVEL_PDE ? "PDE not present" : "PTE not present";
        } else {
            a.with("physical", result.physical());
            outcome = result.translation().isLargePage() ? "translates (4 MiB)" : "translates";
        }
        return new Question(QuestionKind.TRANSLATION, prompt, context, walk, linear, outcome, a, keys(QuestionKind.TRANSLATION));
    }

    /** Every blank of {@code kind}, by key. */
    static String[] keys(QuestionKind kind) {
        AnswerField[] f = kind.fields();
        String[] k = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            k[i] = f[i].key();
        }
        return k;
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
