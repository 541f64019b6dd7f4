package org.pagewalk.scenario;

/**
 * One parsed scenario line: a typed value that knows where it was written (line and column of
 * its command word) and how to write itself back as a canonical line. Running it is the
 * {@link Executor}'s job; commands hold no behaviour beyond their syntax.
 */
public abstract class Command {
    private final int line;
    private final int column;
    private final String source;

    /** {@code source} is the line as written, or {@code null} for a command a form built. */
    Command(int line, int column, String source) {
        this.line = line;
        this.column = column;
        this.source = source;
    }

    public int line() {
        return line;
    }

    /** The column of the command word (1-based). */
    public int column() {
        return column;
    }

    /** The line as written; for a command a form built, its canonical line. */
    public String source() {
        return source != null ? source : toLine();
    }

    /** The command as one canonical scenario line (what the session log keeps for a form's action). */
    public abstract String toLine();

    /** The command word, e.g. {@code memMapPage} or {@code expect}. */
    public abstract String command();

    /** An {@code expect} line: a check, not an action (no undo entry, not in the session log). */
    public boolean isExpect() {
        return false;
    }

    /** An {@code expect refused} line: the refusal just before it is expected, not an error. */
    public boolean isRefusalCheck() {
        return false;
    }

    /** A {@code pause} line: the page stops playing here. */
    public boolean isPause() {
        return false;
    }

    /** A {@code note} line: narration for the page. */
    public boolean isNote() {
        return false;
    }

    /** A {@code boot} line: a new machine, so the session log starts again here. */
    public boolean isBoot() {
        return false;
    }

    /** Runs on {@code x} (double dispatch, so the executor has one method per command type). */
    abstract Report runOn(Executor x, Session s);
}
