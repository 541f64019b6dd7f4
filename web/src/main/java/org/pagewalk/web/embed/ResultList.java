package org.pagewalk.web.embed;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The line results of a run, kept as a JavaScript array that grows by one object per line while
 * the run goes on in slices. The reply then posts the array as it is: building the JSON text of
 * 1,000 results at the end, in one piece, was itself a task of about 50 ms.
 */
final class ResultList {
    private final JSObject array = create();
    private int size;

    /** Adds one line result given as JSON text (LineResult.json). */
    void add(String lineResultJson) {
        push(array, lineResultJson);
        size++;
    }

    int size() {
        return size;
    }

    /** Posts {@code json} (a reply object's other fields) with this list as its {@code results} and the sender's id. */
    void postAsResults(JSObject target, String json, JSObject id, String targetOrigin) {
        postWithResults(target, json, array, id, targetOrigin);
    }

    @JSBody(script = "return [];")
    private static native JSObject create();

    @JSBody(params = {"array", "json"}, script = "array.push(JSON.parse(json));")
    private static native void push(JSObject array, String json);

    @JSBody(params = {"target", "json", "results", "id", "targetOrigin"}, script = "try { var o = JSON.parse(json);"
            + " o.results = results; o.id = id === undefined ? null : id; target.postMessage(o, targetOrigin); }"
            + " catch (e) {}")
    private static native void postWithResults(JSObject target, String json, JSObject results, JSObject id, String targetOrigin);
}
