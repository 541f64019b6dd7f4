package org.pagewalk.web.lessons;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The few browser calls the lessons, sharing and embedding need, as plain JSO bodies. */
final class Js {
    private Js() {
    }

    @JSFunctor
    interface TextCallback extends JSObject {
        void accept(String text);
    }

    @JSFunctor
    interface MessageCallback extends JSObject {
        void accept(JSObject data, JSObject source, String origin);
    }

    @JSBody(script = "return (window.PAGEWALK_LIBRARY || []).length;")
    static native int libraryLength();

    @JSBody(params = {"i", "key"}, script = "var e = (window.PAGEWALK_LIBRARY || [])[i]; return e ? String(e[key]) : '';")
    static native String libraryField(int i, String key);

    /** UTF-8, then base64url without padding: safe in a URL fragment. */
    @JSBody(params = "s", script = "var b = btoa(unescape(encodeURIComponent(s)));"
            + "return b.replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');")
    static native String toBase64Url(String s);

    /** The inverse of toBase64Url; null if the text is not valid. */
    @JSBody(params = "s", script = "try { var b = s.replace(/-/g, '+').replace(/_/g, '/');"
            + "while (b.length % 4) { b += '='; } return decodeURIComponent(escape(atob(b))); } catch (e) { return null; }")
    static native String fromBase64Url(String s);

    @JSBody(params = "name", script = "var m = new RegExp('[?&]' + name + '=([^&#]*)').exec(window.location.search);"
            + "if (!m) { return null; } try { return decodeURIComponent(m[1].replace(/\\+/g, ' ')); } catch (e) { return null; }")
    static native String queryParameter(String name);

    @JSBody(script = "return window.location.hash || '';")
    static native String hash();

    @JSBody(params = "hash", script = "try { history.replaceState(null, '', hash ? '#' + hash : window.location.pathname"
            + " + window.location.search); } catch (e) { window.location.hash = hash; }")
    static native void replaceHash(String hash);

    @JSBody(script = "return window.location.href.split('#')[0];")
    static native String pageUrl();

    @JSBody(script = "return window.location.protocol;")
    static native String protocol();

    @JSBody(params = "key", script = "try { return window.localStorage.getItem(key); } catch (e) { return null; }")
    static native String load(String key);

    @JSBody(params = {"key", "value"}, script = "try { window.localStorage.setItem(key, value); return true; }"
            + " catch (e) { return false; }")
    static native boolean store(String key, String value);

    @JSBody(params = {"name", "text"}, script = "var url = URL.createObjectURL(new Blob([text], {type: 'text/plain'}));"
            + "var a = document.createElement('a'); a.href = url; a.download = name; document.body.appendChild(a);"
            + "a.click(); document.body.removeChild(a); setTimeout(function () { URL.revokeObjectURL(url); }, 1000);")
    static native void download(String name, String text);

    /** Reads the first file chosen in an input type=file. */
    @JSBody(params = {"input", "done"}, script = "var f = input.files && input.files[0]; if (!f) { return; }"
            + "var r = new FileReader(); r.onload = function () { done(String(r.result)); };"
            + "r.onerror = function () { done(null); }; r.readAsText(f);")
    static native void readFile(JSObject input, TextCallback done);

    @JSBody(params = "text", script = "try { if (navigator.clipboard) { navigator.clipboard.writeText(text); return true; } }"
            + " catch (e) {} return false;")
    static native boolean copy(String text);

    @JSBody(params = "dialog", script = "if (dialog.showModal) { if (!dialog.open) { dialog.showModal(); } }"
            + " else { dialog.setAttribute('open', ''); }")
    static native void showModal(JSObject dialog);

    @JSBody(params = "dialog", script = "if (dialog.close) { dialog.close(); } else { dialog.removeAttribute('open'); }")
    static native void close(JSObject dialog);

    @JSBody(params = "callback", script = "window.addEventListener('message', function (e) {"
            + " callback(e.data, e.source, String(e.origin)); });")
    static native void onMessage(MessageCallback callback);

    @JSBody(params = "data", script = "return data && typeof data === 'object' && typeof data.type === 'string'"
            + " ? data.type : '';")
    static native String messageType(JSObject data);

    @JSBody(params = {"data", "key"}, script = "var v = data ? data[key] : undefined;"
            + " return v === undefined || v === null ? null : String(v);")
    static native String messageField(JSObject data, String key);

    /** Replies to a postMessage sender; the JSON text becomes an object there. */
    @JSBody(params = {"source", "json"}, script = "try { if (source) { source.postMessage(JSON.parse(json), '*'); } }"
            + " catch (e) {}")
    static native void reply(JSObject source, String json);

    @JSBody(params = {"target", "json"}, script = "try { if (window.parent && window.parent !== window) {"
            + " window.parent.postMessage(JSON.parse(json), '*'); } } catch (e) {}")
    static native void tellParent(JSObject target, String json);

    @JSBody(script = "return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;")
    static native boolean reducedMotion();
}
