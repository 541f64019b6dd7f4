package org.pagewalk.web.panels;

import java.util.List;
import org.pagewalk.web.App;

/**
 * The log's view of the app's actions: each line with exactly the events it caused, even when
 * two lines run before the next redraw (Boot runs boot, then init_mm) or a line came from
 * outside the panels (lessons, the console API, postMessage). The app numbers its actions;
 * this remembers the last one taken.
 */
final class Runs {
    private final App app;
    private int lastTaken;

    Runs(App app) {
        this.app = app;
    }

    /** The actions since the last call, oldest first. */
    List<App.Action> take() {
        List<App.Action> out = app.actionsAfter(lastTaken);
        if (!out.isEmpty()) {
            lastTaken = out.get(out.size() - 1).id;
        }
        return out;
    }
}
