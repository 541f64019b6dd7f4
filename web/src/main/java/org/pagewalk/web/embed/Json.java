package org.pagewalk.web.embed;

import org.pagewalk.text.JsonText;

/** Writes one JSON object: the API's replies and events are built with this, never by hand. */
final class Json {
    private final StringBuilder sb = new StringBuilder("{");

    static Json object() {
        return new Json();
    }

    private Json key(String name) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append(JsonText.quote(name)).append(':');
        return this;
    }

    Json text(String name, String value) {
        key(name).sb.append(value == null ? "null" : JsonText.quote(value));
        return this;
    }

    Json number(String name, int value) {
        key(name).sb.append(value);
        return this;
    }

    Json flag(String name, boolean value) {
        key(name).sb.append(value);
        return this;
    }

    /** A value that is JSON text already (an object, an array). */
    Json raw(String name, String json) {
        key(name).sb.append(json);
        return this;
    }

    /** The JSON texts as one array. */
    static String array(Iterable<String> jsonValues) {
        StringBuilder out = new StringBuilder("[");
        for (String v : jsonValues) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(v);
        }
        return out.append(']').toString();
    }

    static String strings(String... values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(JsonText.quote(v));
        }
        return out.append(']').toString();
    }

    @Override
    public String toString() {
        return sb.toString() + "}";
    }
}
