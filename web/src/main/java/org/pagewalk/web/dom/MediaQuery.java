package org.pagewalk.web.dom;

import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.EventTarget;

/** A CSS media query ({@link Js#matchMedia}) that fires "change" when its answer changes. */
public abstract class MediaQuery implements EventTarget {
    @JSProperty
    public abstract boolean isMatches();
}
