package org.pagewalk.web.bench;

import org.pagewalk.web.Engine;
import org.pagewalk.web.Guard;
import org.teavm.jso.dom.html.HTMLBodyElement;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * The entry point of bench.html's bundles (pagewalk-bench.js, pagewalk-bench.wasm): the core's
 * hot paths and the benchmark baseline, with none of the page, and none of the baseline in the
 * page's bundles.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        Guard.run(() -> {
            HTMLDocument document = HTMLDocument.current();
            HTMLBodyElement body = document.getBody();
            body.setAttribute("data-engine", Engine.id());
            BenchPage.start(document, Engine.name());
            body.setAttribute("data-ready", "1");
        });
    }
}
