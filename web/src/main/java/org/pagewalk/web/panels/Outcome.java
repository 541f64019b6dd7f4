package org.pagewalk.web.panels;

import org.pagewalk.machine.AccessResult;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Where a form says what its action came to, right beside the form: a result, a page fault, or
 * why the kernel refused. A glyph and a word go with each colour.
 */
final class Outcome {
    final HTMLElement box;
    private final HTMLElement glyph;
    private final HTMLElement text;
    private final HTMLElement explain;
    private final HTMLElement explainSummary;
    private final HTMLElement explainText;

    Outcome(Dom dom, String id) {
        box = dom.el("div", "outcome");
        box.setId(id);
        box.setAttribute("role", "status");
        box.setAttribute("aria-live", "polite");
        glyph = dom.add(box, "span", "outcome-glyph");
        glyph.setAttribute("aria-hidden", "true");
        text = dom.add(box, "span", "outcome-text");
        box.setAttribute("data-kind", "none");
        explain = dom.add(box, "details", "outcome-explain");
        explainSummary = dom.add(explain, "summary", null, "");
        explainText = dom.add(explain, "p", "explain-text");
        explain.setHidden(true);
    }

    /** Shows the result of a line the form ran; {@code access} when it was a read, write or translate. */
    void show(App app, StepResult r, boolean access) {
        if (r == null) {
            set("error", "\u2715", "Error: the action did not run.");
            return;
        }
        String message = clean(r.message());
        switch (r.status()) {
            case ERROR:
                set("refused", "\u2715", (message.endsWith("(nothing changed)") ? "Refused: " : "Error: ") + message);
                return;
            case FAILED:
                set("refused", "\u2715", "Expect failed: " + message);
                return;
            default:
                break;
        }
        AccessResult last = app.session().lastAccess();
        if (access && last != null && last.isFault()) {
            set("fault", "\u2715", "Page fault: " + message);
        } else {
            set("ok", "\u2713", message.isEmpty() ? "Done." : message);
        }
        String why = access ? org.pagewalk.web.exercise.ExplainText.ofLastAction(app) : null;
        if (why != null) {
            explain.setHidden(false);
            explainSummary.setTextContent("Explain");
            explainText.setTextContent(why);
        }
    }

    void note(String kind, String message) {
        set(kind, kind.equals("ok") ? "\u2713" : "\u2715", message);
    }

    void clear() {
        set("none", "", "");
    }

    private void set(String kind, String g, String t) {
        // A new line under the form: any explanation belongs to the line before (empty too, so that
        // the box's text is only the result line).
        explain.setHidden(true);
        explainSummary.setTextContent("");
        explainText.setTextContent("");
        box.setAttribute("data-kind", kind);
        glyph.setTextContent(g);
        text.setTextContent(t);
    }

    /** Drops the "line 1:" a one-line action does not need. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        if (message.startsWith("line 1: ")) {
            return message.substring(8);
        }
        if (message.startsWith("line 1, ")) {
            return message.substring(8);
        }
        return message;
    }
}
