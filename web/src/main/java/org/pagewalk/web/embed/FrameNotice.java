package org.pagewalk.web.embed;

import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A line at the top of the frame saying what in its URL or configuration was not understood (an
 * unknown view, scenario or parameter; a parent that is not an origin). Always text: a
 * parameter with markup in it is shown, never parsed.
 */
final class FrameNotice {
    private final HTMLElement box;

    FrameNotice(Dom dom) {
        box = dom.el("p", "embed-notice embed-shown", "");
        box.setAttribute("id", "embed-notice");
        box.setAttribute("role", "alert");
        box.setHidden(true);
        HTMLElement main = dom.byId("app");
        if (main != null) {
            main.insertBefore(box, main.getFirstChild());
        }
    }

    void add(String sentence) {
        String before = box.getTextContent();
        Dom.text(box, before == null || before.isEmpty() ? sentence : before + " " + sentence);
        box.setHidden(false);
    }
}
