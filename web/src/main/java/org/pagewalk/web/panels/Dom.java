package org.pagewalk.web.panels;

import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Small DOM helpers: the panels build everything with createElement (no framework, no
 * innerHTML), and write text only when it changed, so a redraw costs nothing where nothing moved.
 */
final class Dom {
    private static HTMLDocument document;

    private Dom() {
    }

    static void init(HTMLDocument doc) {
        document = doc;
    }

    static HTMLDocument document() {
        return document;
    }

    static HTMLElement el(String tag) {
        return document.createElement(tag);
    }

    static HTMLElement el(String tag, String className) {
        HTMLElement e = document.createElement(tag);
        if (className != null && !className.isEmpty()) {
            e.setClassName(className);
        }
        return e;
    }

    static HTMLElement el(String tag, String className, String text) {
        HTMLElement e = el(tag, className);
        e.setTextContent(text);
        return e;
    }

    /** Appends {@code child} to {@code parent} and returns the child. */
    static <T extends HTMLElement> T add(HTMLElement parent, T child) {
        parent.appendChild(child);
        return child;
    }

    static HTMLElement add(HTMLElement parent, String tag, String className) {
        return add(parent, el(tag, className));
    }

    static HTMLElement add(HTMLElement parent, String tag, String className, String text) {
        return add(parent, el(tag, className, text));
    }

    static HTMLButtonElement button(String text, String className) {
        HTMLButtonElement b = el("button", className == null ? "button" : "button " + className).cast();
        b.setType("button");
        b.setTextContent(text);
        return b;
    }

    /** Sets the text only if it differs (no layout work, no screen-reader chatter otherwise). */
    static void text(HTMLElement e, String text) {
        String now = e.getTextContent();
        if (now == null || !now.equals(text)) {
            e.setTextContent(text);
        }
    }

    static void attr(HTMLElement e, String name, String value) {
        String now = e.getAttribute(name);
        if (now == null || !now.equals(value)) {
            e.setAttribute(name, value);
        }
    }

    static void toggle(HTMLElement e, String className, boolean on) {
        if (e.getClassList().contains(className) != on) {
            if (on) {
                e.getClassList().add(className);
            } else {
                e.getClassList().remove(className);
            }
        }
    }

    static void clear(HTMLElement e) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
    }

    static void hide(HTMLElement e, boolean hidden) {
        if (e.isHidden() != hidden) {
            e.setHidden(hidden);
        }
    }

    /** A panel heading (the panels' h2 style). */
    static HTMLElement heading(HTMLElement parent, String text, String id) {
        HTMLElement h = add(parent, "h2", "panel-title", text);
        if (id != null) {
            h.setId(id);
        }
        return h;
    }

    /** Thousands grouped with a thin space: 1 048 576. */
    static String count(int n) {
        String s = Integer.toString(n);
        if (n < 10000 && n > -10000) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int start = s.charAt(0) == '-' ? 1 : 0;
        for (int i = 0; i < s.length(); i++) {
            if (i > start && (s.length() - i) % 3 == 0) {
                sb.append('\u2009');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }
}
