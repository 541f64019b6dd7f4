package org.pagewalk.web.lessons;

import org.pagewalk.web.Guard;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** Small DOM-building helpers: the page has no framework. */
final class Dom {
    private Dom() {
    }

    static HTMLElement el(String tag, String className, String text) {
        HTMLElement e = HTMLDocument.current().createElement(tag);
        if (className != null) {
            e.setClassName(className);
        }
        if (text != null) {
            e.setInnerText(text);
        }
        return e;
    }

    static HTMLElement button(String label, String title, Runnable action) {
        HTMLElement b = el("button", "button", label);
        b.setAttribute("type", "button");
        if (title != null) {
            b.setAttribute("title", title);
        }
        Guard.on(b, "click", e -> action.run());
        return b;
    }

    static void clear(HTMLElement e) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
    }
}
