package org.pagewalk.web.panels;

import org.pagewalk.web.App;
import org.teavm.jso.dom.html.HTMLDocument;

/** Installs the DOM panels: controls, TLB table, registers, globals, log, console, inspector. */
public final class Panels {
    private Panels() {
    }

    public static void install(App app, HTMLDocument document) {
        // Filled in by the panels work (ui-panels branch).
    }
}
