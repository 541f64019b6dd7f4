package org.pagewalk.web.embed;

import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Running line 1,200 of 10,000" with a bar and Cancel, while a long scenario runs in slices: the
 * page stays responsive, and the student (or the host, with pagewalk:cancel) can stop it.
 */
final class Progress {
    private final HTMLElement box;
    private final HTMLElement text;
    private final HTMLElement bar;

    Progress(Dom dom, Runnable cancel) {
        box = dom.el("div", "embed-progress embed-shown", null);
        box.setAttribute("id", "run-progress");
        box.setAttribute("role", "status");
        text = dom.el("span", "embed-progress-text", "");
        bar = dom.el("progress", "embed-progress-bar", null);
        bar.setAttribute("aria-label", "Scenario progress");
        box.appendChild(text);
        box.appendChild(bar);
        box.appendChild(dom.action("Cancel", "Stop running the scenario (the lines run so far stay)", cancel));
        box.setHidden(true);
        HTMLElement main = dom.byId("app");
        if (main != null) {
            main.insertBefore(box, main.getFirstChild());
        }
    }

    void show(int done, int total) {
        Dom.text(text, "Running line " + Dom.count(done) + " of " + Dom.count(total) + "…");
        Dom.attr(bar, "max", Integer.toString(Math.max(1, total)));
        Dom.attr(bar, "value", Integer.toString(done));
        box.setHidden(false);
    }

    void parsing(int done, int total) {
        Dom.text(text, "Reading line " + Dom.count(done) + " of " + Dom.count(total) + "…");
        Dom.attr(bar, "max", Integer.toString(Math.max(1, total)));
        Dom.attr(bar, "value", Integer.toString(done));
        box.setHidden(false);
    }

    void hide() {
        box.setHidden(true);
    }
}
