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

    /**
     * {@code window.pagewalk.redraw()}: every view updates and draws now, as after a theme or
     * layout change (the front-end figures measure it).
     */
    @JSBody(params = "redraw", script = "if (window.pagewalk) { window.pagewalk.redraw = function () { redraw(); }; }")
    public static native void exposeRedraw(Callback redraw);

    /**
     * Every view has drawn: {@code window.pagewalkRedraws} counts complete redraws, and the first
     * sets {@code <body data-rendered>} and the performance mark {@code pagewalk-rendered}, then,
     * once the frame after it is painted, the mark {@code pagewalk-complete} (every view on screen,
     * those below the fold too).
     */
    @JSBody(script = "var n = (window.pagewalkRedraws || 0) + 1; window.pagewalkRedraws = n;"
            + " document.body.removeAttribute('data-drawing');"
            + " if (n === 1) { document.body.setAttribute('data-rendered', '1');"
            + " if (window.performance && performance.mark) { performance.mark('pagewalk-rendered');"
            + " requestAnimationFrame(function () { setTimeout(function () { performance.mark('pagewalk-complete'); }, 0); }); } }")
    public static native void viewsDrawn();

    /**
     * The views in the first screen have drawn (those below the fold draw after it is painted). The
     * panels fill in after the views in the same task, and the browser lays the page out and paints
     * it after that task, so what a reader first sees complete is the frame after: a task queued
     * from that frame's animation callback runs once the frame is painted, and sets {@code <body
     * data-painted>} and the mark {@code pagewalk-painted} (the first render, which the front-end
     * figures time from navigation).
     */
    @JSBody(script = "requestAnimationFrame(function () { setTimeout(function () {"
            + " if (window.performance && performance.mark) { performance.mark('pagewalk-painted'); }"
            + " document.body.setAttribute('data-painted', '1'); }, 0); });")
    public static native void firstScreenDrawn();

    /**
     * Some views wait for the next animation frame ({@code <body data-drawing>} until
     * {@link #viewsDrawn}): a script that reads the views waits for their end, not for a time.
     */
    @JSBody(script = "document.body.setAttribute('data-drawing', '1');")
    public static native void viewsDeferred();

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

    /**
     * A ResizeObserver that stops observing an element at its notification, so each {@link #observe}
     * gives exactly one, after the browser's next layout (NextLayout); null without ResizeObserver.
     */
    @JSBody(params = {"element", "callback"}, script = "if (typeof ResizeObserver === 'undefined') return null;"
            + " var o = new ResizeObserver(function () { o.unobserve(element); callback(); }); return o;")
    public static native JSObject layoutObserver(HTMLElement element, Callback callback);

    @JSBody(params = {"observer", "element"}, script = "observer.observe(element);")
    public static native void observe(JSObject observer, HTMLElement element);

    /**
     * Removes all but the last {@code keep} element children of {@code parent} in one operation (a
     * Range's deleteContents): the log trims its oldest lines after each action, and a removeChild
     * per line was a call into the DOM each.
     */
    @JSBody(params = {"parent", "keep"}, script = "var n = parent.children.length - keep; if (n <= 0) return;"
            + " var r = document.createRange(); r.setStartBefore(parent.firstElementChild);"
            + " r.setEndAfter(parent.children[n - 1]); r.deleteContents();")
    public static native void keepLastChildren(HTMLElement parent, int keep);

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

    // ---- the embedding API (org.pagewalk.web.embed) --------------------------------------

    /**
     * Takes over the messages boot.js has held since the page started (at most 64), then every
     * later one: boot.js listens from the first moment, so a message sent before the page is
     * ready waits instead of being dropped.
     */
    @JSBody(params = "callback", script = "var q = window.__pagewalkInbox || [];"
            + " window.__pagewalkInbox = null; window.__pagewalkTake = callback;"
            + " for (var i = 0; i < q.length; i++) { callback(q[i].data, q[i].source, String(q[i].origin)); }")
    public static native void takeMessages(MessageCallback callback);

    /** What a message is: "object", "array", "string", "number", "boolean", "null", "undefined"… */
    @JSBody(params = "data", script = "return data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data;")
    public static native String messageShape(JSObject data);

    @JSBody(params = "data", script = "return data && typeof data === 'object' && typeof data.type === 'string'"
            + " ? data.type : '';")
    public static native String messageType(JSObject data);

    /** Whether the object has the key with a value other than undefined or null. */
    @JSBody(params = {"data", "key"}, script = "return !!data && typeof data === 'object'"
            + " && data[key] !== undefined && data[key] !== null;")
    public static native boolean messageHas(JSObject data, String key);

    /** The length of a string field; -1 when it is not a string. Read it before copying the text. */
    @JSBody(params = {"data", "key"}, script = "var v = data ? data[key] : undefined;"
            + " return typeof v === 'string' ? v.length : -1;")
    public static native int messageTextLength(JSObject data, String key);

    /** At most {@code max} characters of a field (strings as they are, anything else through String()). */
    @JSBody(params = {"data", "key", "max"}, script = "var v = data ? data[key] : undefined;"
            + " return String(v).slice(0, max);")
    public static native String messageText(JSObject data, String key, int max);

    /** A number field as an int, or {@code fallback} when it is absent or not a whole number. */
    @JSBody(params = {"data", "key", "fallback"}, script = "var v = data ? data[key] : undefined;"
            + " return typeof v === 'number' && isFinite(v) && Math.floor(v) === v && Math.abs(v) < 2147483648 ? v : fallback;")
    public static native int messageInt(JSObject data, String key, int fallback);

    /** A boolean field, or {@code fallback} when it is absent or not a boolean. */
    @JSBody(params = {"data", "key", "fallback"}, script = "var v = data ? data[key] : undefined;"
            + " return typeof v === 'boolean' ? v : fallback;")
    public static native boolean messageFlag(JSObject data, String key, boolean fallback);

    /** At most {@code max} characters of a whole message that is not an object (a string, a number…). */
    @JSBody(params = {"data", "max"}, script = "return String(data).slice(0, max);")
    public static native String messagePrefix(JSObject data, int max);

    /** The message's id as sent (any JSON type); null when it has none. */
    @JSBody(params = "data", script = "return data && typeof data === 'object' && data.id !== undefined ? data.id : null;")
    public static native JSObject messageId(JSObject data);

    /**
     * Posts the JSON text, parsed, to a window at {@code targetOrigin}. False when the window refused.
     */
    @JSBody(params = {"target", "json", "targetOrigin"}, script = "try { target.postMessage(JSON.parse(json), targetOrigin);"
            + " return true; } catch (e) { return false; }")
    public static native boolean post(JSObject target, String json, String targetOrigin);

    /**
     * As {@link #post}, with {@code id} set on the object as the sender gave it (a structured
     * clone keeps its JSON type: 7 stays a number, an object an object); null when it sent none.
     */
    @JSBody(params = {"target", "json", "id", "targetOrigin"}, script = "try { var o = JSON.parse(json);"
            + " o.id = id === undefined ? null : id; target.postMessage(o, targetOrigin); return true; }"
            + " catch (e) { return false; }")
    public static native boolean postReply(JSObject target, String json, JSObject id, String targetOrigin);

    /**
     * As {@link #postReply}, with {@code results} (a JavaScript array) as the object's
     * {@code results}: a long run's line results, gathered while it ran, are posted as they are.
     */
    @JSBody(params = {"target", "json", "results", "id", "targetOrigin"}, script = "try { var o = JSON.parse(json);"
            + " o.results = results; o.id = id === undefined ? null : id; target.postMessage(o, targetOrigin); }"
            + " catch (e) {}")
    public static native void postReplyWithResults(JSObject target, String json, JSArray<JSObject> results, JSObject id,
            String targetOrigin);

    /** Adds the object that a JSON text describes to a JavaScript array. */
    @JSBody(params = {"array", "json"}, script = "array.push(JSON.parse(json));")
    public static native void pushJson(JSArray<JSObject> array, String json);

    /** The lines of a string field as a scenario counts them (one more than its line breaks); 0 when it is not a string. */
    @JSBody(params = {"data", "key"}, script = "var v = data ? data[key] : undefined; if (typeof v !== 'string') { return 0; }"
            + " var n = 1; for (var i = v.indexOf('\\n'); i >= 0; i = v.indexOf('\\n', i + 1)) { n++; } return n;")
    public static native int messageLines(JSObject data, String key);

    /** The window that embeds this one, or null when the page is not in a frame. */
    @JSBody(script = "return window.parent && window.parent !== window ? window.parent : null;")
    public static native JSObject parentWindow();

    /** This page's origin ("https://host:port", or "null" from file://). */
    @JSBody(script = "return String(window.location.origin);")
    public static native String pageOrigin();

    /** "http:", "https:" or "file:". */
    @JSBody(script = "return String(window.location.protocol);")
    public static native String protocol();

    /** Fetches a same-origin text file; the callback gets null when it is missing or unreadable. */
    @JSBody(params = {"url", "done"}, script = "try { fetch(url, {cache: 'no-store', credentials: 'same-origin'})"
            + ".then(function (r) { return r.ok ? r.text() : null; })"
            + ".then(function (t) { done(t === null ? null : String(t)); }, function () { done(null); }); }"
            + " catch (e) { done(null); }")
    public static native void fetchText(String url, TextCallback done);

    /**
     * The strings of an array under {@code key} in a JSON object text, one per line; "" for an
     * empty or absent array, null when the text is not a JSON object or the value not an array of strings.
     */
    @JSBody(params = {"text", "key"}, script = "try { var o = JSON.parse(text); if (!o || typeof o !== 'object'"
            + " || Array.isArray(o)) { return null; } var a = o[key]; if (a === undefined) { return ''; }"
            + " if (!Array.isArray(a)) { return null; } for (var i = 0; i < a.length; i++) {"
            + " if (typeof a[i] !== 'string' || a[i].indexOf('\\n') >= 0) { return null; } } return a.join('\\n'); }"
            + " catch (e) { return null; }")
    public static native String jsonStrings(String text, String key);

    /** A boolean under {@code key} in a JSON object text; false when absent or not a boolean. */
    @JSBody(params = {"text", "key"}, script = "try { var o = JSON.parse(text); return !!o && o[key] === true; }"
            + " catch (e) { return false; }")
    public static native boolean jsonFlag(String text, String key);

    /** The names of the query's parameters, decoded, one per line ("" when none). */
    @JSBody(script = "var q = window.location.search.replace(/^\\?/, ''); if (!q) { return ''; }"
            + " return q.split('&').filter(function (p) { return p.length > 0; }).map(function (p) {"
            + " var n = p.split('=')[0]; try { n = decodeURIComponent(n.replace(/\\+/g, ' ')); } catch (e) {}"
            + " return n.replace(/\\n/g, ' '); }).join('\\n');")
    public static native String queryNames();

    /** Every value of a repeated query parameter, decoded, one per line ("" when none). */
    @JSBody(params = "name", script = "var out = [], re = new RegExp('[?&]' + name + '=([^&#]*)', 'g'), m;"
            + " while ((m = re.exec(window.location.search)) !== null) { try {"
            + " out.push(decodeURIComponent(m[1].replace(/\\+/g, ' ')).replace(/\\n/g, ' ')); } catch (e) { out.push(m[1]); } }"
            + " return out.join('\\n');")
    public static native String queryParameters(String name);

    /** The height of the page's content in CSS pixels (what an auto-resizing iframe should be). */
    @JSBody(script = "var b = document.body; var r = b.getBoundingClientRect();"
            + " var s = getComputedStyle(b); return Math.ceil(r.height + parseFloat(s.marginTop || '0')"
            + " + parseFloat(s.marginBottom || '0'));")
    public static native int contentHeight();

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
