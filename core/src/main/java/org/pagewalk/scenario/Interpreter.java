package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario's commands against a session, one at a time (the page steps it; the runner runs
 * it all). A line that fails is undone as a whole: the session is exactly as before it. A
 * refused CeanOS call (fixed variant) is reported as {@link StepResult.Status#ERROR} only if no
 * {@code expect refused} follows it; either way the run goes on.
 */
public final class Interpreter {
    private final Scenario scenario;
    private final Session session;
    private int next;
    private final List<StepResult> results = new ArrayList<>();

    public Interpreter(Scenario scenario, Session session) {
        this.scenario = scenario;
        this.session = session;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Session session() {
        return session;
    }

    public boolean hasNext() {
        return next < scenario.steps().size();
    }

    /** The command {@link #step()} runs next, or {@code null} at the end. */
    public Command peek() {
        return hasNext() ? scenario.steps().get(next) : null;
    }

    public int position() {
        return next;
    }

    public StepResult step() {
        Command c = scenario.steps().get(next++);
        StepResult r = run(c, session, c.isExpect() ? null : session.save(), refusalExpected());
        results.add(r);
        return r;
    }

    private boolean refusalExpected() {
        if (next < scenario.steps().size()) {
            return scenario.steps().get(next).isRefusalCheck();
        }
        return false;
    }

    public List<StepResult> runAll() {
        while (hasNext()) {
            step();
        }
        return new ArrayList<>(results);
    }

    public List<StepResult> results() {
        return new ArrayList<>(results);
    }

    /**
     * Runs one command; never throws. {@code before} is the session as it was before the line
     * (the caller saved it: the page's history keeps the same state as its undo entry, so a line
     * is saved once); a line that fails is rolled back to it. Expect lines need none.
     */
    static StepResult run(Command c, Session session, Session.State before, boolean refusalExpected) {
        if (c.isExpect()) {
            try {
                return new StepResult(c.line(), c.source(), ((Expect) c).check(session));
            } catch (ScenarioError e) {
                return new StepResult(c.line(), e.column(), c.source(), StepResult.Status.ERROR, e.getMessage(), null);
            } catch (IllegalArgumentException e) {
                return new StepResult(c.line(), c.column(), c.source(), StepResult.Status.ERROR,
                        "line " + c.line() + ": " + e.getMessage(), null);
            }
        }
        org.pagewalk.guest.CallResult callBefore = session.lastCall();
        try {
            Report message = Executor.INSTANCE.execute(c, session);
            org.pagewalk.guest.CallResult call = session.lastCall();
            if (call != callBefore && call != null && !call.ok()) {
                boolean undone = call.fault() == null || session.os() == null || session.os().config().isFixed();
                if (undone) {
                    // A line may make several calls (init_mm): the whole line goes, not just the refused call.
                    session.load(before);
                    session.called(call);
                }
                String text = "line " + c.line() + ": " + call.error() + (undone ? " (nothing changed)" : "");
                return new StepResult(c.line(), c.source(), refusalExpected ? StepResult.Status.OK : StepResult.Status.ERROR, text);
            }
            return new StepResult(c.line(), 0, c.source(), StepResult.Status.OK, message,
                    c instanceof MemoryAccess ? session.lastAccess() : null);
        } catch (ScenarioError e) {
            session.load(before);
            return new StepResult(c.line(), e.column(), c.source(), StepResult.Status.ERROR, e.getMessage() + " (nothing changed)",
                    null);
        } catch (IllegalArgumentException e) {
            session.load(before);
            return new StepResult(c.line(), c.source(), StepResult.Status.ERROR,
                    "line " + c.line() + ": " + e.getMessage() + " (nothing changed)");
        } catch (RuntimeException e) {
            // A bug of ours, never the user's: still nothing changes and nothing escapes.
            session.load(before);
            return new StepResult(c.line(), c.source(), StepResult.Status.ERROR,
                    "line " + c.line() + ": internal error (" + e + "), nothing changed; please report it");
        }
    }

    /**
     * Parses one line typed at the page's console (or sent by the API); variables the session
     * holds are known. Returns the command, or {@code null} with {@code failed[0]} set: an ERROR
     * result for a bad line, an OK one for a blank or comment line. Never throws.
     */
    static Command parseLine(Session session, String text, StepResult[] failed) {
        try {
            // One line: a comment would otherwise swallow the lines after a break, unrun and unsaid.
            int end = text.endsWith("\r\n") ? text.length() - 2 : text.endsWith("\n") || text.endsWith("\r") ? text.length() - 1 : text.length();
            for (int i = 0; i < end; i++) {
                char ch = text.charAt(i);
                if (ch == '\n' || ch == '\r') {
                    throw new ScenarioError(1, i + 1, "a line break: one scenario line runs at a time; run each line"
                            + " on its own, or load the whole text as a scenario (nothing was run)");
                }
            }
            Command c = ScenarioParser.parseOne(text.substring(0, end), 1, session);
            if (c == null) {
                failed[0] = new StepResult(1, text, StepResult.Status.OK, "");
            }
            return c;
        } catch (ScenarioError e) {
            failed[0] = new StepResult(1, e.column(), text, StepResult.Status.ERROR, e.getMessage(), null);
        } catch (RuntimeException e) {
            failed[0] = new StepResult(1, text, StepResult.Status.ERROR, "internal error (" + e + "); please report it");
        }
        return null;
    }

    /** Parses and runs one line (no undo: that is {@link History}'s). Never throws. */
    public static StepResult runLine(Session session, String text) {
        StepResult[] failed = new StepResult[1];
        Command c = parseLine(session, text, failed);
        return c == null ? failed[0] : run(c, session, c.isExpect() ? null : session.save(), false);
    }

    /** Whether every line ran and every expect held. */
    public static boolean allPassed(List<StepResult> results) {
        for (StepResult r : results) {
            if (r.status() == StepResult.Status.FAILED || r.status() == StepResult.Status.ERROR) {
                return false;
            }
        }
        return true;
    }
}
