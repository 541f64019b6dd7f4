package org.pagewalk.web.panels;

import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** A checkbox with its label (and an optional description under it, linked by aria-describedby). */
final class Check {
    final HTMLElement row;
    final HTMLInputElement box;

    Check(Dom dom, String id, String label, String description) {
        row = dom.el("div", "check");
        HTMLElement l = dom.add(row, "label", "check-label");
        box = dom.el("input").cast();
        box.setType("checkbox");
        box.setId(id);
        l.appendChild(box);
        dom.add(l, "span", null, label);
        if (description != null) {
            HTMLElement d = dom.add(row, "p", "check-description", description);
            d.setId(id + "-description");
            box.setAttribute("aria-describedby", id + "-description");
        }
    }

    boolean on() {
        return box.isChecked();
    }

    void set(boolean on) {
        box.setChecked(on);
    }

    void onChange(Runnable r) {
        Guard.on(box, "change", e -> r.run());
    }
}
