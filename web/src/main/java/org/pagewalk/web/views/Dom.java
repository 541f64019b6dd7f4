package org.pagewalk.web.views;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** Small DOM builders: the views' text, controls and legends are DOM, so people can read and select them. */
final class Dom {
    private Dom() {
    }

    static HTMLElement el(HTMLDocument d, String tag, String className) {
        HTMLElement e = d.createElement(tag);
        if (className != null) {
            e.setClassName(className);
        }
        return e;
    }

    static HTMLElement el(HTMLDocument d, String tag, String className, String text) {
        HTMLElement e = el(d, tag, className);
        if (text != null) {
            e.setTextContent(text);
        }
        return e;
    }

    static HTMLElement add(HTMLElement parent, HTMLElement child) {
        parent.appendChild(child);
        return child;
    }

    /** A plain button (type=button, so it never submits a form). */
    static HTMLElement button(HTMLDocument d, String className, String text, String label) {
        HTMLElement b = el(d, "button", className == null ? "button" : "button " + className, text);
        b.setAttribute("type", "button");
        if (label != null) {
            b.setAttribute("aria-label", label);
            b.setAttribute("title", label);
        }
        return b;
    }

    /** Sets text only when it changed (no needless DOM mutations, so nothing flickers or re-announces). */
    static void text(HTMLElement e, String text) {
        String t = text == null ? "" : text;
        if (!t.equals(e.getTextContent())) {
            e.setTextContent(t);
        }
    }

    static void attr(HTMLElement e, String name, String value) {
        if (value == null) {
            e.removeAttribute(name);
        } else if (!value.equals(e.getAttribute(name))) {
            e.setAttribute(name, value);
        }
    }

    /** The view's title (h2) and accessible region name. */
    static HTMLElement title(HTMLDocument d, HTMLElement root, String text) {
        HTMLElement h = el(d, "h2", "view-title", text);
        String id = root.getId() + "-title";
        h.setId(id);
        root.appendChild(h);
        root.removeAttribute("aria-label");
        root.setAttribute("aria-labelledby", id);
        if (!"SECTION".equals(root.getTagName())) {
            root.setAttribute("role", "region");
        }
        return h;
    }

    /** One legend item: a swatch (class {@code swatch swatch-KIND}, with its glyph) and its words. */
    static HTMLElement legendItem(HTMLDocument d, HTMLElement list, String kind, String glyph, String words) {
        HTMLElement li = el(d, "li", "legend-item");
        HTMLElement sw = el(d, "span", "swatch swatch-" + kind, glyph);
        sw.setAttribute("aria-hidden", "true");
        li.appendChild(sw);
        li.appendChild(el(d, "span", "legend-words", words));
        list.appendChild(li);
        return li;
    }
}
