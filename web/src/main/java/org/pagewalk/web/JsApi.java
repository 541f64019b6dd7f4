package org.pagewalk.web;

import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Chars;
import org.pagewalk.web.dom.Js;

/**
 * {@code window.pagewalk}: a small JavaScript API over the app, for the postMessage bridge used
 * by course pages, and for the end-to-end tests. {@code run(line)} runs a scenario line as a
 * user action and returns "status: message"; {@code state()} returns a JSON snapshot of the
 * registers and globals.
 */
final class JsApi {
    private JsApi() {
    }

    static void install(App app) {
        Js.TextFunction run = line -> {
            StepResult[] out = new StepResult[1];
            Guard.run(() -> {
                out[0] = app.run(line == null ? "" : line);
                app.flush();
            });
            return out[0] == null ? "error: internal error" : Chars.lower(out[0].status().name()) + ": " + out[0].message();
        };
        Js.TextSupplier state = () -> {
            String[] out = new String[1];
            Guard.run(() -> out[0] = StateJson.of(app));
            return out[0] == null ? "{}" : out[0];
        };
        Js.exposeApi(run, state);
    }
}
