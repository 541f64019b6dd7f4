package org.pagewalk.web.panels;

import java.util.List;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;

/**
 * The log's view of the app's actions: each line with exactly the events it caused, even when
 * two lines run before the next redraw (Boot runs boot, then init_mm) or a line came from
 * outside the panels (lessons, the console API, postMessage). The app numbers its actions.
 */
final class Runs {
    private static App app;
    private static int lastTaken;

    private Runs() {
    }

    static void install(App a) {
        app = a;
    }

    static StepResult run(String line) {
        return app.run(line);
    }

    /** The actions since the last call, oldest first. */
    static List<App.Action> take() {
        List<App.Action> out = app.actionsAfter(lastTaken);
        if (!out.isEmpty()) {
            lastTaken = out.get(out.size() - 1).id;
        }
        return out;
    }
}
