package org.pagewalk.scenario;

/**
 * Runs a scenario as it is read, one line at a time, keeping only what a run needs: the session
 * (the machine, its checkpoints and variables), the one command read ahead (so a refused call
 * knows whether {@code expect refused} follows it) and counters. The command line runs files of
 * any length this way; the page, which steps and shows whole lessons, uses {@link Interpreter}.
 * Both run each line through {@link Interpreter#run}, so a line means the same either way.
 *
 * <p>Read a file twice: {@link #check} first (every line parsed, nothing run, the first bad line
 * an error, as {@link Scenario#parse} does), then a stream that runs it.
 */
public final class ScenarioStream {
    private final LineSource source;
    private final Session session;
    private final ScenarioParser parser = new ScenarioParser();
    private int lineNumber;
    private Command ahead;
    private boolean ended;
    private int running;
    private int passed;
    private int failed;
    private int errors;

    public ScenarioStream(LineSource source, Session session) {
        this.source = source;
        this.session = session;
    }

    /**
     * Parses every line of {@code source}, running nothing; returns the scenario's title, or
     * throws {@link ScenarioError} at the first bad line.
     */
    public static String check(LineSource source) {
        ScenarioParser p = new ScenarioParser();
        int n = 0;
        for (String text = source.next(); text != null; text = source.next()) {
            p.next(++n, text);
        }
        return p.title();
    }

    public boolean hasNext() {
        fill();
        return ahead != null;
    }

    /** Runs the next command; never throws for what a line does (a bad line's ScenarioError excepted: {@link #check} first). */
    public StepResult step() {
        fill();
        Command c = ahead;
        ahead = null;
        running = c.line();
        boolean refusalExpected = false;
        if (!c.isExpect()) {
            fill();
            refusalExpected = ahead != null && ahead.isRefusalCheck();
        }
        StepResult r = Interpreter.run(c, session, c.isExpect() ? null : session.save(), refusalExpected);
        count(r);
        return r;
    }

    /** The line of the command running or last run (0 before the first): what an out-of-memory report names. */
    public int line() {
        return running;
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int errors() {
        return errors;
    }

    /** Whether every line so far ran and every expect held. */
    public boolean allPassed() {
        return failed == 0 && errors == 0;
    }

    private void fill() {
        while (ahead == null && !ended) {
            String text = source.next();
            if (text == null) {
                ended = true;
            } else {
                ahead = parser.next(++lineNumber, text);
            }
        }
    }

    private void count(StepResult r) {
        if (r.status() == StepResult.Status.PASSED) {
            passed++;
        } else if (r.status() == StepResult.Status.FAILED) {
            failed++;
        } else if (r.status() == StepResult.Status.ERROR) {
            errors++;
        }
    }
}
