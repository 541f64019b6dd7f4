package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario's steps against a session, one at a time (the page steps it; the runner runs
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

    /** The step {@link #step()} runs next, or {@code null} at the end. */
    public Step peek() {
        return hasNext() ? scenario.steps().get(next) : null;
    }

    public int position() {
        return next;
    }

    public StepResult step() {
        Step s = scenario.steps().get(next++);
        StepResult r = run(s, session, refusalExpected());
        results.add(r);
        return r;
    }

    private boolean refusalExpected() {
        if (next < scenario.steps().size()) {
            Step following = scenario.steps().get(next);
            return following.isExpect() && following.source().trim().startsWith("expect refused");
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

    /** Runs one step; never throws. */
    static StepResult run(Step s, Session session, boolean refusalExpected) {
        if (s.isExpect()) {
            try {
                String failure = s.check().check(session);
                return failure == null ? new StepResult(s.line(), s.source(), StepResult.Status.PASSED, "ok")
                        : new StepResult(s.line(), s.source(), StepResult.Status.FAILED, failure);
            } catch (ScenarioError e) {
                return new StepResult(s.line(), s.source(), StepResult.Status.ERROR, e.getMessage());
            } catch (IllegalArgumentException e) {
                return new StepResult(s.line(), s.source(), StepResult.Status.ERROR, "line " + s.line() + ": " + e.getMessage());
            }
        }
        Session.State before = session.save();
        org.pagewalk.guest.CallResult callBefore = session.lastCall();
        try {
            String message = s.action().run(session);
            org.pagewalk.guest.CallResult call = session.lastCall();
            if (call != callBefore && call != null && !call.ok()) {
                boolean undone = call.fault() == null || session.os() == null || session.os().config().isFixed();
                if (undone) {
                    // A line may make several calls (init_mm): the whole line goes, not just the refused call.
                    session.load(before);
                    session.called(call);
                }
                String text = "line " + s.line() + ": " + call.error() + (undone ? " (nothing changed)" : "");
                return new StepResult(s.line(), s.source(), refusalExpected ? StepResult.Status.OK : StepResult.Status.ERROR, text);
            }
            return new StepResult(s.line(), s.source(), StepResult.Status.OK, message);
        } catch (ScenarioError e) {
            session.load(before);
            return new StepResult(s.line(), s.source(), StepResult.Status.ERROR, e.getMessage() + " (nothing changed)");
        } catch (IllegalArgumentException e) {
            session.load(before);
            return new StepResult(s.line(), s.source(), StepResult.Status.ERROR,
                    "line " + s.line() + ": " + e.getMessage() + " (nothing changed)");
        } catch (RuntimeException e) {
            // A bug of ours, never the user's: still nothing changes and nothing escapes.
            session.load(before);
            return new StepResult(s.line(), s.source(), StepResult.Status.ERROR,
                    "line " + s.line() + ": internal error (" + e + "), nothing changed; please report it");
        }
    }

    /**
     * Parses and runs one line typed at the page's console (or sent by a form); variables the
     * session holds are known. Never throws.
     */
    public static StepResult runLine(Session session, String text) {
        Step step;
        try {
            step = ScenarioParser.parseOne(text, 1, session);
        } catch (ScenarioError e) {
            return new StepResult(1, text, StepResult.Status.ERROR, e.getMessage());
        } catch (RuntimeException e) {
            return new StepResult(1, text, StepResult.Status.ERROR, "internal error (" + e + "); please report it");
        }
        if (step == null) {
            return new StepResult(1, text, StepResult.Status.OK, "");
        }
        return run(step, session, false);
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
