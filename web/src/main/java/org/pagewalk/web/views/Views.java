package org.pagewalk.web.views;

import org.pagewalk.web.App;
import org.teavm.jso.dom.html.HTMLDocument;

/** Installs the canvas views: address split, walk, directory and table grids, frame map. */
public final class Views {
    private Views() {
    }

    public static void install(App app, HTMLDocument document) {
        // Filled in by the views work (ui-views branch).
    }
}
