package org.pagewalk.web;

import org.pagewalk.scenario.StepResult;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * {@code window.pagewalk}: a small JavaScript API over the app, for the postMessage bridge used
 * by course pages, and for the end-to-end tests. {@code run(line)} runs a scenario line as a
 * user action and returns "status: message"; {@code state()} returns a JSON snapshot of the
 * registers and globals.
 */
final class JsApi {
    @JSFunctor
    interface LineFunction extends JSObject {
        String apply(String line);
    }

    @JSFunctor
    interface StateFunction extends JSObject {
        String apply();
    }

    private JsApi() {
    }

    static void install(App app) {
        LineFunction run = line -> {
            StepResult[] out = new StepResult[1];
            Guard.run(() -> {
                out[0] = app.run(line == null ? "" : line);
                app.flush();
            });
            return out[0] == null ? "error: internal error" : out[0].status().name().toLowerCase() + ": " + out[0].message();
        };
        StateFunction state = () -> {
            String[] out = new String[1];
            Guard.run(() -> out[0] = StateJson.of(app));
            return out[0] == null ? "{}" : out[0];
        };
        expose(run, state);
    }

    @JSBody(params = {"run", "state"}, script = "window.pagewalk = { run: run, state: state };")
    private static native void expose(LineFunction run, StateFunction state);
}
