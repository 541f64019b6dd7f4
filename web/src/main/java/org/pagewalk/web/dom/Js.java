package org.pagewalk.web.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The browser calls the page needs that TeaVM's JSO API does not name, each written once. Every
 * callback into Java that these install goes through {@link org.pagewalk.web.Guard} at the call
 * site, so no Java exception reaches the browser console.
 */
public final class Js {
    private Js() {
    }

    /** A JavaScript function with no arguments calling back into Java. */
    @JSFunctor
    public interface Callback extends JSObject {
        void run();
    }

    @JSFunctor
    public interface TextCallback extends JSObject {
        void accept(String text);
    }

    @JSFunctor
    public interface MessageCallback extends JSObject {
        void accept(JSObject data, JSObject source, String origin);
    }

    /** A JavaScript function from a string to a string, answered by Java. */
    @JSFunctor
    public interface TextFunction extends JSObject {
        String apply(String text);
    }

    /** A JavaScript function with no arguments returning a string, answered by Java. */
    @JSFunctor
    public interface TextSupplier extends JSObject {
        String get();
    }

    // ---- window.pagewalk and the benchmark page --------------------------------------------

    /** {@code window.pagewalk = {run, state}}: the page's JavaScript API. */
    @JSBody(params = {"run", "state"}, script = "window.pagewalk = { run: run, state: state };")
    public static native void exposeApi(TextFunction run, TextSupplier state);

    /**
     * {@code window.pagewalk.__crashForTest()}: only installed when the page was opened with
     * {@code ?test-crash=1}, so the e2e suite can cause an internal error on purpose.
     */
    @JSBody(params = "crash", script = "if (window.pagewalk) { window.pagewalk.__crashForTest = function () { crash(); }; }")
    public static native void exposeCrashHook(Callback crash);

    /** Tells listeners installed with {@link #onFault} about an internal error (a DOM event, synchronous). */
    @JSBody(params = "description", script = "try { document.dispatchEvent(new CustomEvent('pagewalk-fault',"
            + " {detail: description})); } catch (e) {}")
    public static native void dispatchFault(String description);

    @JSBody(params = "callback", script = "document.addEventListener('pagewalk-fault', function (e) {"
            + " callback(String(e.detail)); });")
    public static native void onFault(TextCallback callback);

    /** The benchmark results as {@code window.pagewalkBench}, and {@code <body data-bench="done">}. */
    @JSBody(params = "json", script = "window.pagewalkBench = JSON.parse(json); document.body.dataset.bench = 'done';")
    public static native void publishBench(String json);

    // ---- theme, layout and time ------------------------------------------------------------

    /** Null where the browser has no matchMedia. */
    @JSBody(params = "query", script = "return window.matchMedia ? window.matchMedia(query) : null;")
    public static native MediaQuery matchMedia(String query);

    /** Whether the user asked for less motion (animations then jump to their end). */
    public static boolean reducedMotion() {
        MediaQuery q = matchMedia("(prefers-reduced-motion: reduce)");
        return q != null && q.isMatches();
    }

    /** A CSS custom property of the root element, as the current theme resolves it (trimmed). */
    @JSBody(params = "name", script = "return getComputedStyle(document.documentElement).getPropertyValue(name).trim();")
    public static native String cssVar(String name);

    /** Calls back when {@code <html data-theme>} changes (the theme toggle). */
    @JSBody(params = "callback", script = "if (typeof MutationObserver === 'undefined') return false;"
            + "new MutationObserver(function () { callback(); }).observe(document.documentElement,"
            + " {attributes: true, attributeFilter: ['data-theme']});"
            + "return true;")
    public static native boolean onThemeAttribute(Callback callback);

    /** Calls back (asynchronously, after layout) when the element's size changes. */
    @JSBody(params = {"element", "callback"}, script = "if (typeof ResizeObserver === 'undefined') return false;"
            + "new ResizeObserver(function () { callback(); }).observe(element);"
            + "return true;")
    public static native boolean onResize(HTMLElement element, Callback callback);

    @JSBody(script = "return window.devicePixelRatio || 1;")
    public static native double devicePixelRatio();

    /** performance.now() in milliseconds (a double: never a long, which is a BigInt in JavaScript). */
    @JSBody(script = "return performance.now();")
    public static native double now();

    // ---- canvas ----------------------------------------------------------------------------

    /** An Int32Array over an ImageData's pixels: one int per pixel, bytes R, G, B, A (little-endian). */
    @JSBody(params = "image", script = "return new Int32Array(image.data.buffer);")
    public static native Int32Array pixels(ImageData image);

    /** A canvas line dash pattern. */
    @JSBody(params = {"on", "off"}, script = "return [on, off];")
    public static native JSArray<JSObject> dash(double on, double off);

    /** No dash: solid lines. */
    @JSBody(script = "return [];")
    public static native JSArray<JSObject> solid();

    // ---- the scenario library, links and storage -------------------------------------------

    @JSBody(script = "return (window.PAGEWALK_LIBRARY || []).length;")
    public static native int libraryLength();

    @JSBody(params = {"i", "key"}, script = "var e = (window.PAGEWALK_LIBRARY || [])[i]; return e ? String(e[key]) : '';")
    public static native String libraryField(int i, String key);

    /** UTF-8, then base64url without padding: safe in a URL fragment. */
    @JSBody(params = "s", script = "var b = btoa(unescape(encodeURIComponent(s)));"
            + "return b.replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');")
    public static native String toBase64Url(String s);

    /** The inverse of toBase64Url; null if the text is not valid. */
    @JSBody(params = "s", script = "try { var b = s.replace(/-/g, '+').replace(/_/g, '/');"
            + "while (b.length % 4) { b += '='; } return decodeURIComponent(escape(atob(b))); } catch (e) { return null; }")
    public static native String fromBase64Url(String s);

    @JSBody(params = "name", script = "var m = new RegExp('[?&]' + name + '=([^&#]*)').exec(window.location.search);"
            + "if (!m) { return null; } try { return decodeURIComponent(m[1].replace(/\\+/g, ' ')); } catch (e) { return null; }")
    public static native String queryParameter(String name);

    @JSBody(script = "return window.location.hash || '';")
    public static native String hash();

    @JSBody(script = "return window.location.href.split('#')[0];")
    public static native String pageUrl();

    /** The stored text, or null when there is none or storage cannot be read (see {@link #storageProblem}). */
    @JSBody(params = "key", script = "try { return window.localStorage.getItem(key); } catch (e) { return null; }")
    public static native String load(String key);

    /**
     * Stores the text; returns null when it was stored, otherwise the browser's reason as
     * "Name: message" (e.g. "QuotaExceededError: …"). Never throws.
     */
    @JSBody(params = {"key", "value"}, script = "try { window.localStorage.setItem(key, value); return null; }"
            + " catch (e) { return String((e && e.name) || 'Error') + ': ' + String((e && e.message) || e); }")
    public static native String store(String key, String value);

    /** Removes a stored key; false when storage refused. Never throws. */
    @JSBody(params = "key", script = "try { window.localStorage.removeItem(key); return true; } catch (e) { return false; }")
    public static native boolean unstore(String key);

    /**
     * Null when {@code window.localStorage} can be reached, otherwise why not ("SecurityError: …" in
     * a sandbox, from file:// where the browser blocks it, or when a privacy setting refuses it).
     */
    @JSBody(script = "try { return window.localStorage ? null : 'Error: this browser has no localStorage'; }"
            + " catch (e) { return String((e && e.name) || 'Error') + ': ' + String((e && e.message) || e); }")
    public static native String storageProblem();

    /** The stored keys that start with {@code prefix}, one per line ("" when none or storage refused). */
    @JSBody(params = "prefix", script = "try { var s = window.localStorage, out = [];"
            + " for (var i = 0; i < s.length; i++) { var k = s.key(i); if (k && k.indexOf(prefix) === 0) { out.push(k); } }"
            + " return out.sort().join('\\n'); } catch (e) { return ''; }")
    public static native String storedKeys(String prefix);

    @JSBody(script = "window.location.reload();")
    public static native void reload();

    @JSBody(params = {"name", "text"}, script = "var url = URL.createObjectURL(new Blob([text], {type: 'text/plain'}));"
            + "var a = document.createElement('a'); a.href = url; a.download = name; document.body.appendChild(a);"
            + "a.click(); document.body.removeChild(a); setTimeout(function () { URL.revokeObjectURL(url); }, 1000);")
    public static native void download(String name, String text);

    /** Reads the first file chosen in an input type=file. */
    @JSBody(params = {"input", "done"}, script = "var f = input.files && input.files[0]; if (!f) { return; }"
            + "var r = new FileReader(); r.onload = function () { done(String(r.result)); };"
            + "r.onerror = function () { done(null); }; r.readAsText(f);")
    public static native void readFile(JSObject input, TextCallback done);

    @JSBody(params = "text", script = "try { if (navigator.clipboard) { navigator.clipboard.writeText(text); return true; } }"
            + " catch (e) {} return false;")
    public static native boolean copy(String text);

    // ---- dialogs and postMessage ----------------------------------------------------------

    @JSBody(params = "dialog", script = "if (dialog.showModal) { if (!dialog.open) { dialog.showModal(); } }"
            + " else { dialog.setAttribute('open', ''); }")
    public static native void showModal(JSObject dialog);

    @JSBody(params = "dialog", script = "if (dialog.close) { dialog.close(); } else { dialog.removeAttribute('open'); }")
    public static native void close(JSObject dialog);

    @JSBody(params = "callback", script = "window.addEventListener('message', function (e) {"
            + " callback(e.data, e.source, String(e.origin)); });")
    public static native void onMessage(MessageCallback callback);

    @JSBody(params = "data", script = "return data && typeof data === 'object' && typeof data.type === 'string'"
            + " ? data.type : '';")
    public static native String messageType(JSObject data);

    @JSBody(params = {"data", "key"}, script = "var v = data ? data[key] : undefined;"
            + " return v === undefined || v === null ? null : String(v);")
    public static native String messageField(JSObject data, String key);

    /** Replies to a postMessage sender; the JSON text becomes an object there. */
    @JSBody(params = {"source", "json"}, script = "try { if (source) { source.postMessage(JSON.parse(json), '*'); } }"
            + " catch (e) {}")
    public static native void reply(JSObject source, String json);

    /** Tells the page that embeds this one (if any); the JSON text becomes an object there. */
    @JSBody(params = "json", script = "try { if (window.parent && window.parent !== window) {"
            + " window.parent.postMessage(JSON.parse(json), '*'); } } catch (e) {}")
    public static native void tellParent(String json);

    /** Opens this page with another query string ({@code ?exercise=5&level=1}): a new page load. */
    @JSBody(params = "query", script = "window.location.search = query;")
    public static native void goToQuery(String query);

    /** Scrolls an element into view if it is not (the tour pointing at a view); smooth unless motion is reduced. */
    @JSBody(params = "element", script = "if (element && element.scrollIntoView) { element.scrollIntoView({block: 'nearest',"
            + " behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth'}); }")
    public static native void reveal(JSObject element);

    /** Clicks an element as the user would (the tour opening a phone tab or a controls tab). */
    @JSBody(params = "element", script = "if (element && element.click) { element.click(); }")
    public static native void click(JSObject element);
}
