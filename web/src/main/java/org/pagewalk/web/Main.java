package org.pagewalk.web;

import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLBodyElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's entry point, compiled twice by TeaVM (JavaScript and WebAssembly GC).
 * Only what this class reaches ends up in the bundles; the JVM-only server lives elsewhere.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Guard.run(Main::start);
    }

    private static void start() {
        HTMLDocument document = HTMLDocument.current();
        HTMLBodyElement body = document.getBody();
        if ("bench".equals(body.getAttribute("data-page"))) {
            body.setAttribute("data-engine", Engine.id());
            org.pagewalk.web.bench.BenchPage.start(document, Engine.name());
            body.setAttribute("data-ready", "1");
            return;
        }
        String engine = Engine.name();
        body.setAttribute("data-engine", Engine.id());
        HTMLElement engineText = document.getElementById("engine");
        if (engineText != null) {
            engineText.setInnerText(engine);
        }
        Theme.install(document);
        App app = new App();
        Dom dom = new Dom(document);
        JsApi.install(app);
        org.pagewalk.web.views.Views.install(app, dom);
        org.pagewalk.web.panels.Panels.install(app, dom);
        HTMLElement status = document.getElementById("status");
        if (status != null) {
            // The engine is named by the small indicator in the top bar; the status line stays for messages.
            status.setInnerText("");
        }
        // The first state: a share link, a lesson, the autosaved session, or CeanOS booted as kernel.c does.
        // After the ready text, so that a message about a damaged link stays visible.
        org.pagewalk.web.lessons.Lessons.start(app, dom);
        // ?exercise=SEED&level=N builds its own machine over whatever the first state was.
        org.pagewalk.web.exercise.ExercisePage.start(app, dom);
        org.pagewalk.web.exercise.LabPage.start(app, dom);
        // Last, so that tests waiting for it see a fully wired page.
        body.setAttribute("data-ready", "1");
    }
}
