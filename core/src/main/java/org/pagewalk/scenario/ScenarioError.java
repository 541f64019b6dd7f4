package org.pagewalk.scenario;

/**
 * A bad scenario line, or a line the machine refused: where (1-based line and column) and what
 * was wrong, with what is allowed. The one exception the scenario package lets out.
 */
public final class ScenarioError extends RuntimeException {
    private final int line;
    private final int column;
    private final String detail;

    public ScenarioError(int line, int column, String detail) {
        super("line " + line + ", column " + column + ": " + detail, null, false, false);
        this.line = line;
        this.column = column;
        this.detail = detail;
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
