package org.pagewalk.web.views;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The few browser calls the views need that TeaVM's JSO API does not name. Every callback into
 * Java that these install goes through {@link org.pagewalk.web.Guard} at the call site.
 */
final class Js {
    /** A JavaScript function with no arguments calling back into Java. */
    @JSFunctor
    interface Callback extends JSObject {
        void run();
    }

    private Js() {
    }

    /** A CSS custom property of the root element, as the current theme resolves it (trimmed). */
    @JSBody(params = "name", script = "return getComputedStyle(document.documentElement).getPropertyValue(name).trim();")
    static native String cssVar(String name);

    @JSBody(params = "query", script = "return !!(window.matchMedia && window.matchMedia(query).matches);")
    static native boolean matches(String query);

    /** Calls back when the media query's answer changes; false where matchMedia is missing. */
    @JSBody(params = {"query", "callback"}, script = "if (!window.matchMedia) return false;"
            + "var q = window.matchMedia(query);"
            + "if (q.addEventListener) { q.addEventListener('change', function () { callback(); }); }"
            + "else if (q.addListener) { q.addListener(function () { callback(); }); }"
            + "return true;")
    static native boolean onMediaChange(String query, Callback callback);

    /** Calls back when {@code <html data-theme>} changes (the theme toggle). */
    @JSBody(params = "callback", script = "if (typeof MutationObserver === 'undefined') return false;"
            + "new MutationObserver(function () { callback(); }).observe(document.documentElement,"
            + " {attributes: true, attributeFilter: ['data-theme']});"
            + "return true;")
    static native boolean onThemeAttribute(Callback callback);

    /** Calls back (asynchronously, after layout) when the element's size changes. */
    @JSBody(params = {"element", "callback"}, script = "if (typeof ResizeObserver === 'undefined') return false;"
            + "new ResizeObserver(function () { callback(); }).observe(element);"
            + "return true;")
    static native boolean onResize(HTMLElement element, Callback callback);

    /** An Int32Array over an ImageData's pixels: one int per pixel, bytes R, G, B, A (little-endian). */
    @JSBody(params = "image", script = "return new Int32Array(image.data.buffer);")
    static native Int32Array pixels(ImageData image);

    /** performance.now() in milliseconds (a double: never a long, which is a BigInt in JavaScript). */
    @JSBody(script = "return performance.now();")
    static native double now();

    /** A canvas line dash pattern. */
    @JSBody(params = {"on", "off"}, script = "return [on, off];")
    static native JSArray<JSObject> dash(double on, double off);

    /** No dash: solid lines. */
    @JSBody(script = "return [];")
    static native JSArray<JSObject> solid();

    @JSBody(script = "return window.devicePixelRatio || 1;")
    static native double devicePixelRatio();
}
