package org.pagewalk.web.exercise;

import org.pagewalk.exercise.Question;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;

/**
 * "Show me the walk": runs a question's lines through the app, so the walk view plays the walk
 * step by step and every view follows, and takes them back (undo) before the next one, so each
 * question is shown from the machine the set was built on.
 */
final class WalkShow {
    private final App app;
    private int shown;

    WalkShow(App app) {
        this.app = app;
    }

    /** Returns null, or why the walk could not be shown. */
    String show(Question q) {
        takeBack();
        app.select(q.address());
        for (String line : q.context()) {
            String problem = run(line);
            if (problem != null) {
                return problem;
            }
        }
        return q.walk() == null ? null : run(q.walk());
    }

    private String run(String line) {
        StepResult r = app.run(line);
        if (r.status() != StepResult.Status.OK) {
            return line + ": " + r.message();
        }
        shown++;
        return null;
    }

    /** Undoes the lines of the last walk shown. */
    void takeBack() {
        while (shown > 0) {
            shown--;
            if (!app.undo()) {
                shown = 0;
            }
        }
    }
}
