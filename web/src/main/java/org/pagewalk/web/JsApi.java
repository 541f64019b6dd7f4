package org.pagewalk.web;

import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Hex;
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
            Guard.run(() -> out[0] = state(app));
            return out[0] == null ? "{}" : out[0];
        };
        expose(run, state);
    }

    static String state(App app) {
        org.pagewalk.machine.Machine m = app.session().machine();
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"cr0\":\"").append(Hex.hex32(m.cr().cr0())).append("\",\"cr2\":\"").append(Hex.hex32(m.cr().cr2()))
                .append("\",\"cr3\":\"").append(Hex.hex32(m.cr().cr3())).append("\",\"cr4\":\"").append(Hex.hex32(m.cr().cr4()))
                .append("\",\"tlbEntries\":").append(m.tlb().validEntries()).append(",\"tlbHits\":").append(m.tlb().hits())
                .append(",\"tlbMisses\":").append(m.tlb().misses()).append(",\"address\":\"").append(Hex.hex32(app.currentAddress()))
                .append('"');
        if (app.session().os() != null) {
            org.pagewalk.guest.GuestGlobals g = app.session().os().globals();
            sb.append(",\"variant\":\"").append(app.session().os().config()).append("\",\"pageFrameMin\":").append(g.pageFrameMin())
                    .append(",\"pageFrameMax\":").append(g.pageFrameMax()).append(",\"totalAlloc\":").append(g.totalAlloc())
                    .append(",\"mem_num_vpages\":").append(g.memNumVpages()).append(",\"pageDirsInUse\":").append(g.pageDirsInUse());
        }
        return sb.append('}').toString();
    }

    @JSBody(params = {"run", "state"}, script = "window.pagewalk = { run: run, state: state };")
    private static native void expose(LineFunction run, StateFunction state);
}
