package org.pagewalk.web;

import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLBodyElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The main page's entry point (pagewalk.js): the emulator, its views and panels, lessons and the
 * tour. Only what an entry point reaches ends up in its bundle, so the page with exercises, labs
 * and the postMessage API ({@link FullMain}) and bench.html ({@link org.pagewalk.web.bench.BenchMain})
 * have entry points of their own, and static/boot.js loads the one the page and its URL ask for
 * (docs/ARCHITECTURE.md, "Bundles").
 */
public final class Main {
    /** A part of the page that starts once the views and panels are wired: the lessons, an exercise, a lab. */
    public interface Feature {
        void start(App app, Dom dom);
    }

    private Main() {
    }

    public static void main(String[] args) {
        Guard.run(() -> start(org.pagewalk.web.lessons.Lessons::start, null));
    }

    /**
     * Wires the main page with {@code lessons} (which brings the machine to its first state), then
     * {@code feature} if there is one, then marks the page ready.
     */
    public static void start(Feature lessons, Feature feature) {
        HTMLDocument document = HTMLDocument.current();
        HTMLBodyElement body = document.getBody();
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
        lessons.start(app, dom);
        if (feature != null) {
            feature.start(app, dom);
        }
        // Last, so that tests waiting for it see a fully wired page.
        body.setAttribute("data-ready", "1");
    }
}
