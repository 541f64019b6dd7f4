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
    /** The walk view, brought into sight when a walk plays (null: none on this page). */
    private final org.teavm.jso.dom.html.HTMLElement walkView;
    private int shown;

    WalkShow(App app, org.pagewalk.web.dom.Dom dom) {
        this.app = app;
        this.walkView = dom.byId("walk");
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
        String problem = q.walk() == null ? null : run(q.walk());
        // The walk plays in the walk view: bring it into sight (the question may sit above it), after
        // the caller has put the answer and its explanation above it (which moves the walk down) and
        // the views have redrawn; at once, as a smooth scroll is cut short by the redraw.
        if (walkView != null) {
            org.pagewalk.web.Guard.later(50, () -> bringIntoView(walkView));
        }
        return problem;
    }

    private String run(String line) {
        StepResult r = app.run(line);
        if (r.status() != StepResult.Status.OK) {
            return line + ": " + r.message();
        }
        shown++;
        return null;
    }

    @org.teavm.jso.JSBody(params = "element", script = "element.scrollIntoView({block: 'nearest'});")
    private static native void bringIntoView(org.teavm.jso.dom.html.HTMLElement element);

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
