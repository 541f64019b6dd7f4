package org.pagewalk.web.dom;

import org.pagewalk.web.Guard;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's one DOM toolkit: everything is built with createElement (no framework, no
 * innerHTML), and updated only where something changed, so a redraw costs nothing where nothing
 * moved and a screen reader hears nothing twice.
 *
 * <p>Building needs the document, so the builders are instance methods of the one {@code Dom}
 * that {@code Main} makes and hands to every view and panel through its constructor. Updating an
 * element that exists needs nothing else, so those helpers are static.
 */
public final class Dom {
    private final HTMLDocument document;

    public Dom(HTMLDocument document) {
        this.document = document;
    }

    public HTMLDocument document() {
        return document;
    }

    /**
     * Whether the user asked for less motion (animations then jump to their end). The query is made
     * once and its answer read live: a matchMedia per draw parsed and evaluated a new query every action.
     */
    public boolean reducedMotion() {
        if (!motionAsked) {
            motionAsked = true;
            motionQuery = Js.matchMedia("(prefers-reduced-motion: reduce)");
        }
        return motionQuery != null && motionQuery.isMatches();
    }

    /** The reduced-motion query once made (null where the browser has no matchMedia). */
    private MediaQuery motionQuery;
    private boolean motionAsked;

    /** The element with this id, or null (an embedded page may leave any container out). */
    public HTMLElement byId(String id) {
        return document.getElementById(id);
    }

    // ---- building ------------------------------------------------------------------------

    public HTMLElement el(String tag) {
        return document.createElement(tag);
    }

    public HTMLElement el(String tag, String className) {
        HTMLElement e = document.createElement(tag);
        if (className != null && !className.isEmpty()) {
            e.setClassName(className);
        }
        return e;
    }

    public HTMLElement el(String tag, String className, String text) {
        HTMLElement e = el(tag, className);
        if (text != null) {
            e.setTextContent(text);
        }
        return e;
    }

    /** Appends {@code child} to {@code parent} and returns the child. */
    public <T extends HTMLElement> T add(HTMLElement parent, T child) {
        parent.appendChild(child);
        return child;
    }

    public HTMLElement add(HTMLElement parent, String tag, String className) {
        return add(parent, el(tag, className));
    }

    public HTMLElement add(HTMLElement parent, String tag, String className, String text) {
        return add(parent, el(tag, className, text));
    }

    /** A plain button (type=button, so it never submits a form), styled {@code button className}. */
    public HTMLButtonElement button(String text, String className) {
        HTMLButtonElement b = el("button", className == null ? "button" : "button " + className).cast();
        b.setType("button");
        b.setTextContent(text);
        return b;
    }

    /** A button whose accessible name and tooltip are {@code label} (its text is a glyph or a short word). */
    public HTMLButtonElement button(String text, String className, String label) {
        HTMLButtonElement b = button(text, className);
        if (label != null) {
            b.setAttribute("aria-label", label);
            b.setAttribute("title", label);
        }
        return b;
    }

    /** A button that runs {@code action} when pressed; {@code title} is its tooltip (the text stays its name). */
    public HTMLButtonElement action(String text, String title, Runnable action) {
        HTMLButtonElement b = button(text, null);
        if (title != null) {
            b.setAttribute("title", title);
        }
        Guard.on(b, "click", e -> action.run());
        return b;
    }

    /** A panel's heading (h2.panel-title). */
    public HTMLElement heading(HTMLElement parent, String text, String id) {
        HTMLElement h = add(parent, "h2", "panel-title", text);
        if (id != null) {
            h.setId(id);
        }
        return h;
    }

    /** A view's title (h2.view-title), which also names the view's region for assistive technology. */
    public HTMLElement viewTitle(HTMLElement root, String text) {
        HTMLElement h = el("h2", "view-title", text);
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
    public HTMLElement legendItem(HTMLElement list, String kind, String glyph, String words) {
        HTMLElement li = el("li", "legend-item");
        HTMLElement sw = el("span", "swatch swatch-" + kind, glyph);
        sw.setAttribute("aria-hidden", "true");
        li.appendChild(sw);
        li.appendChild(el("span", "legend-words", words));
        list.appendChild(li);
        return li;
    }

    // ---- updating ------------------------------------------------------------------------

    /** Sets the text only if it differs (no layout work, no screen-reader chatter otherwise); null is empty. */
    public static void text(HTMLElement e, String text) {
        String t = text == null ? "" : text;
        if (!t.equals(e.getTextContent())) {
            // Rewriting the one text node keeps it: replacing it (textContent) makes the page lay it out anew.
            org.teavm.jso.dom.xml.Node child = e.getFirstChild();
            if (child != null && child == e.getLastChild() && child.getNodeType() == org.teavm.jso.dom.xml.Node.TEXT_NODE
                    && !t.isEmpty()) {
                child.setNodeValue(t);
            } else {
                e.setTextContent(t);
            }
        }
    }

    /** Sets an attribute only if it differs; null removes it. */
    public static void attr(HTMLElement e, String name, String value) {
        if (value == null) {
            if (e.hasAttribute(name)) {
                e.removeAttribute(name);
            }
        } else if (!value.equals(e.getAttribute(name))) {
            e.setAttribute(name, value);
        }
    }

    public static void toggle(HTMLElement e, String className, boolean on) {
        if (e.getClassList().contains(className) != on) {
            if (on) {
                e.getClassList().add(className);
            } else {
                e.getClassList().remove(className);
            }
        }
    }

    public static void hide(HTMLElement e, boolean hidden) {
        if (e.isHidden() != hidden) {
            e.setHidden(hidden);
        }
    }

    public static void clear(HTMLElement e) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
    }

    /** A counter as shown: thousands grouped with a thin space from 10 000 on (1 048 576). */
    public static String count(int n) {
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
