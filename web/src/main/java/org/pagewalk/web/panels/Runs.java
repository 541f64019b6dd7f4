package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.trace.TraceRecorder;
import org.pagewalk.web.App;

/**
 * Every panel runs its scenario lines through here, so the log can show each line with exactly
 * the events it caused, even when two lines run before the next redraw (Boot runs boot, then
 * init_mm). Event positions are absolute (dropped + kept), so they survive the recorder's limit.
 */
final class Runs {
    static final class Run {
        final String line;
        final StepResult result;
        final int from;
        final int to;

        Run(String line, StepResult result, int from, int to) {
            this.line = line;
            this.result = result;
            this.from = from;
            this.to = to;
        }
    }

    private static App app;
    private static final List<Run> pending = new ArrayList<>();

    private Runs() {
    }

    static void install(App a) {
        app = a;
    }

    static StepResult run(String line) {
        int from = position(app.recorder());
        StepResult r = app.run(line);
        pending.add(new Run(line, r, from, position(app.recorder())));
        if (pending.size() > 1000) {
            pending.remove(0);
        }
        return r;
    }

    static int position(TraceRecorder recorder) {
        return recorder.dropped() + recorder.size();
    }

    /** The runs since the last call, oldest first. */
    static List<Run> take() {
        List<Run> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }
}
