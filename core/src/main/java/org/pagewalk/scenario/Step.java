package org.pagewalk.scenario;

/** One parsed scenario line, ready to run against a session. */
public final class Step {
    interface Action {
        /** Runs the line; returns what to report. Throws ScenarioError or IllegalArgumentException. */
        String run(Session s);
    }

    /** An expect line's check: returns null when it holds, or "expected ..., actual ...". */
    interface Check {
        String check(Session s);
    }

    private final int line;
    private final String source;
    private final String command;
    private final Action action;
    private final Check check;
    private final boolean pause;

    Step(int line, String source, String command, Action action, Check check, boolean pause) {
        this.line = line;
        this.source = source;
        this.command = command;
        this.action = action;
        this.check = check;
        this.pause = pause;
    }

    public int line() {
        return line;
    }

    public String source() {
        return source;
    }

    /** The command word, e.g. {@code memMapPage} or {@code expect}. */
    public String command() {
        return command;
    }

    public boolean isExpect() {
        return check != null;
    }

    /** A {@code pause} line: the page stops playing here. */
    public boolean isPause() {
        return pause;
    }

    Action action() {
        return action;
    }

    Check check() {
        return check;
    }
}
