package org.pagewalk.scenario;

import org.pagewalk.text.Printable;

/**
 * A bad scenario line, or a line the machine refused: where (1-based line and column) and what
 * was wrong, with what is allowed. The one exception the scenario package lets out.
 */
public final class ScenarioError extends RuntimeException {

    private final int line;
    private final int column;
    private final String detail;

    public ScenarioError(int line, int column, String detail) {
        this(line, column, Printable.lines(detail, Printable.MESSAGE), 0);
    }

    private ScenarioError(int line, int column, String shown, int unused) {
        super("line " + line + ", column " + column + ": " + shown, null, false, false);
        this.line = line;
        this.column = column;
        this.detail = shown;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String detail() {
        return detail;
    }
}
