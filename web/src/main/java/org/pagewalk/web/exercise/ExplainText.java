package org.pagewalk.web.exercise;

import org.pagewalk.explain.Explanation;
import org.pagewalk.explain.Words;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.web.App;

/** The Explain text of the app's last access, with the staleness of the TLB entry a hit used. */
public final class ExplainText {
    private ExplainText() {
    }

    /** The explanation, or {@code null} when the last action translated nothing. */
    public static String ofLastAction(App app) {
        String stale = null;
        for (TraceEvent e : app.lastEvents()) {
            if (e.kind() == EventKind.TLB_HIT) {
                stale = Words.staleness(app.session().machine().staleness(e.set(), e.way()));
            }
        }
        return Explanation.of(app.lastEvents(), stale);
    }
}
