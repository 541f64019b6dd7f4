package org.pagewalk.web.embed;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** A message's text field measured where it lies, in JavaScript, before the page copies or parses it. */
final class TextSize {
    private TextSize() {
    }

    /** The lines of a string field as a scenario counts them (one more than its line breaks); 0 when it is not a string. */
    @JSBody(params = {"data", "key"}, script = "var v = data ? data[key] : undefined; if (typeof v !== 'string') { return 0; }"
            + " var n = 1; for (var i = v.indexOf('\\n'); i >= 0; i = v.indexOf('\\n', i + 1)) { n++; } return n;")
    static native int lines(JSObject data, String key);
}
