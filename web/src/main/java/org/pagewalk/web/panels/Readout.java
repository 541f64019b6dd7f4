package org.pagewalk.web.panels;

import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A value on screen that remembers what it showed, so a value the last action changed can be
 * marked (CSS flashes it and adds the word "changed", then fades the mark).
 */
final class Readout {
    final HTMLElement element;
    private String shown;

    Readout(HTMLElement element) {
        this.element = element;
    }

    /** Shows {@code text}; with {@code action}, marks it if it differs from before (or unmarks it). */
    void set(String text, boolean action, int generation) {
        boolean changed = shown != null && !shown.equals(text);
        Dom.text(element, text);
        shown = text;
        if (!action) {
            return;
        }
        if (changed) {
            element.setAttribute("data-changed", (generation & 1) == 0 ? "a" : "b");
        } else if (element.hasAttribute("data-changed")) {
            element.removeAttribute("data-changed");
        }
    }
}
