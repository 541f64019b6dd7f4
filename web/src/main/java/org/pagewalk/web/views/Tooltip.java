package org.pagewalk.web.views;

import org.pagewalk.web.dom.Dom;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One DOM tooltip for every canvas view: real text (selectable, readable by assistive
 * technology, crisp at any zoom), placed beside the pointer or the keyboard cursor and kept
 * inside the viewport.
 */
final class Tooltip {
    private final HTMLElement box;

    Tooltip(Dom dom) {
        box = dom.el("div", "pw-tooltip");
        box.setId("pw-tooltip");
        box.setAttribute("role", "tooltip");
        box.setHidden(true);
        dom.document().getBody().appendChild(box);
    }

    /** Shows {@code text} (lines separated by '\n') near viewport point (x, y). */
    void show(String text, int x, int y) {
        Dom.text(box, text);
        box.setHidden(false);
        int vw = Window.current().getInnerWidth();
        int vh = Window.current().getInnerHeight();
        int w = box.getOffsetWidth();
        int h = box.getOffsetHeight();
        int left = x + 14;
        int top = y + 16;
        if (left + w > vw - 4) {
            left = Math.max(4, x - w - 14);
        }
        if (top + h > vh - 4) {
            top = Math.max(4, y - h - 12);
        }
        box.getStyle().setProperty("left", left + "px");
        box.getStyle().setProperty("top", top + "px");
    }

    void hide() {
        if (!box.isHidden()) {
            box.setHidden(true);
        }
    }
}
