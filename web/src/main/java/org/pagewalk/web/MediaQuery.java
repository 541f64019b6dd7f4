package org.pagewalk.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.EventTarget;

/** A CSS media query that fires "change" when its answer changes (window.matchMedia). */
abstract class MediaQuery implements EventTarget {
    @JSProperty
    abstract boolean isMatches();

    /** Null where the browser has no matchMedia. */
    @JSBody(params = "query", script = "return window.matchMedia ? window.matchMedia(query) : null;")
    static native MediaQuery match(String query);
}
