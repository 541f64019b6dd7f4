package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.text.Hex;

/**
 * A set of questions on one machine: the lines that build it (boot, mappings, accesses that set
 * A and D, a CR3 reload) and the questions asked about it. The same seed and level give the same
 * set on every engine.
 */
public final class ExerciseSet {
    private final int seed;
    private final Level level;
    private final List<String> setup;
    private final List<Question> questions;

    ExerciseSet(int seed, Level level, List<String> setup, List<Question> questions) {
        this.seed = seed;
        this.level = level;
        this.setup = new ArrayList<>(setup);
        this.questions = new ArrayList<>(questions);
    }

    public int seed() {
        return seed;
    }

    public Level level() {
        return level;
    }

    /** The scenario lines that build the machine the questions are about. */
    public List<String> setup() {
        return new ArrayList<>(setup);
    }

    public List<Question> questions() {
        return new ArrayList<>(questions);
    }

    public String title() {
        return "Exercise " + Integer.toUnsignedString(seed) + ", level " + level.number() + ": " + level.title();
    }

    /**
     * The whole set with its answer key, one fact a line: what the determinism tests compare
     * between the JVM, the JavaScript and the WebAssembly builds.
     */
    public String toText() {
        StringBuilder sb = new StringBuilder(title()).append('\n');
        for (String l : setup) {
            sb.append("  ").append(l).append('\n');
        }
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            sb.append('Q').append(i + 1).append(' ').append(q.prompt()).append('\n');
            sb.append("  answer: ").append(q.answer().toText()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The set as a scenario for the command line: the setup, then each question as a note, its
     * lines between a checkpoint and a restore (so each question starts from the same machine),
     * and its answer key as expect lines where the language has them, or a note.
     */
    public String toScenario() {
        StringBuilder sb = new StringBuilder("title ").append(title()).append('\n');
        sb.append("about Work out each question by hand before you look at its answer: the expect lines are the key.\n");
        for (String l : setup) {
            sb.append(l).append('\n');
        }
        sb.append("checkpoint exercise\n");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            sb.append("note Q").append(i + 1).append(": ").append(q.prompt()).append('\n');
            sb.append("pause\n");
            for (String l : q.context()) {
                sb.append(l).append('\n');
            }
            // An expect physical/fault line asks what the access would do now, so it goes before
            // the walk; the others read what the walk did.
            boolean before = q.kind() == QuestionKind.TRANSLATION;
            if (before) {
                sb.append(check(q));
            }
            if (q.walk() != null) {
                sb.append(q.walk()).append('\n');
            }
            if (!before) {
                sb.append(check(q));
            }
            sb.append("restore exercise\n");
        }
        return sb.toString();
    }

    private static String check(Question q) {
        Answer a = q.answer();
        String note = "note Answer: " + a.toText() + "\n";
        switch (q.kind()) {
            case TRANSLATION: {
                String access = q.walk().substring("translate ".length(), q.walk().lastIndexOf(' ') + 1);
                if (a.get("faults") == 0) {
                    return "expect physical " + access + Hex.hex32(q.address()) + " = " + Hex.hex32(a.get("physical")) + "\n";
                }
                int code = (a.get("p") != 0 ? 1 : 0) | (a.get("wr") != 0 ? 2 : 0) | (a.get("us") != 0 ? 4 : 0);
                return "expect fault " + access + Hex.hex32(q.address()) + " = " + Hex.hex(code, 1) + "\n";
            }
            case TLB:
                return "expect last " + (q.outcome().equals("hit") ? "hit" : q.outcome().equals("fault") ? "fault" : "miss") + "\n";
            case BITMAP:
                return "expect result = " + Hex.hex32(a.get("frame")) + "\n" + note;
            default:
                return note;
        }
    }
}
