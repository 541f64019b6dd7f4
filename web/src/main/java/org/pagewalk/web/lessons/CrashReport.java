package org.pagewalk.web.lessons;

import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * An internal error keeps the work: the notice offers a report (the error, the engine, the page
 * and the session log up to the last action that completed) and a reload, which restores that
 * same state from the autosave. Every line before the session is a comment, so the report is
 * itself a saved session that Import restores.
 */
final class CrashReport {
    static final String FILE = "pagewalk-crash-report.pw";

    private final Dom dom;
    private final Autosave autosave;
    private final Notice notice;

    private CrashReport(Dom dom, Autosave autosave) {
        this.dom = dom;
        this.autosave = autosave;
        this.notice = new Notice(dom, "crash-notice");
    }

    static void install(App app, Dom dom, Autosave autosave) {
        CrashReport report = new CrashReport(dom, autosave);
        Guard.onFault(report::show);
        if ("1".equals(Js.queryParameter("test-crash"))) {
            // Half an action, then a failure: the report and a reload must not keep the half.
            Js.exposeCrashHook(() -> Guard.run(() -> {
                app.session().machine().cr().writeCr2(0x0BADC0DE);
                throw new IllegalStateException("crash requested with ?test-crash=1");
            }));
        }
    }

    /** The report's text for one error. */
    String text(String error) {
        String engine = dom.document().getBody().getAttribute("data-engine");
        return "# Pagewalk crash report\n"
                + "# error: " + Notice.clip(error) + "\n"
                + "# engine: " + (engine == null ? "unknown" : engine) + "\n"
                + "# page: " + Notice.clip(Js.pageUrl()) + "\n"
                + "# The session up to the last action that completed (Import restores it):\n"
                + autosave.lastGood() + "\n";
    }

    private void show(String error) {
        String report = text(error);
        // This notice says what the guard's banner says, and offers the way back: it takes its place.
        HTMLElement banner = dom.byId("fault");
        if (banner != null) {
            banner.setHidden(true);
        }
        notice.show("Pagewalk hit an internal error (" + Notice.clip(error) + "). Your session up to the last action "
                + "that completed is kept: download the report to send it with a bug report, or reload to go back to "
                + "that state.")
                .action("Download the crash report", () -> Js.download(FILE, report))
                .action("Reload", Js::reload);
        HTMLElement details = dom.el("details", "crash-details", null);
        details.appendChild(dom.el("summary", null, "The report"));
        details.appendChild(dom.el("pre", "crash-report", report));
        notice.append(details);
    }
}
