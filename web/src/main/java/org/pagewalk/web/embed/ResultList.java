package org.pagewalk.web.embed;

import org.pagewalk.web.dom.Js;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;

/**
 * The line results of a run, kept as a JavaScript array that grows by one object per line while
 * the run goes on in slices. The reply then posts the array as it is: building the JSON text of
 * 1,000 results at the end, in one piece, was itself a task of about 50 ms.
 */
final class ResultList {
    private final JSArray<JSObject> array = JSArray.create();

    /** Adds one line result given as JSON text (LineResult.json). */
    void add(String lineResultJson) {
        Js.pushJson(array, lineResultJson);
    }

    /** Posts {@code json} (a reply object's other fields) with this list as its {@code results} and the sender's id. */
    void postAsResults(JSObject target, String json, JSObject id, String targetOrigin) {
        Js.postReplyWithResults(target, json, array, id, targetOrigin);
    }
}
