package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One form of the controls: fields, a submit button, and nothing run until every visible field
 * is valid. Enter in a field submits, as in any form; the first bad field gets the focus, with
 * its message read out through aria-describedby.
 */
final class ActionForm {
    /** Runs once every visible field is valid; does the cross-field checks, then the action. */
    interface Action {
        void run();
    }

    final HTMLElement form;
    final HTMLElement body;
    final HTMLButtonElement submit;
    private final Dom dom;
    private final List<Field> fields = new ArrayList<>();
    private Action action;

    ActionForm(Dom dom, String id, String title, String buttonText) {
        this.dom = dom;
        form = dom.el("form", "action-form");
        form.setId(id);
        form.setAttribute("novalidate", "");
        if (title != null) {
            HTMLElement h = dom.add(form, "h3", "form-title", title);
            h.setId(id + "-title");
            form.setAttribute("aria-labelledby", id + "-title");
        }
        body = dom.add(form, "div", "form-body");
        HTMLElement actions = dom.add(form, "div", "form-actions");
        submit = dom.el("button", "button primary").cast();
        submit.setType("submit");
        submit.setId(id + "-submit");
        submit.setTextContent(buttonText);
        actions.appendChild(submit);
        Guard.on(form, "submit", e -> {
            e.preventDefault();
            if (validateAll() && action != null) {
                action.run();
            }
        });
    }

    /** Another submit button; {@code pressed} tells which one sent the form (Enter in a field presses the first). */
    HTMLButtonElement button(String id, String text, Runnable pressed) {
        HTMLButtonElement b = dom.el("button", "button").cast();
        b.setType("submit");
        b.setId(id);
        b.setTextContent(text);
        submit.getParentNode().appendChild(b);
        Guard.on(b, "click", e -> pressed.run());
        return b;
    }

    Field field(String id, String label, String initial, String hint, Field.Rule rule) {
        Field f = new Field(dom, id, label, initial, hint, rule);
        fields.add(f);
        body.appendChild(f.row);
        return f;
    }

    <T extends HTMLElement> T add(T element) {
        body.appendChild(element);
        return element;
    }

    void onSubmit(Action a) {
        action = a;
    }

    /** Validates every visible field (all of them, so every message shows at once); focuses the first bad one. */
    boolean validateAll() {
        Field first = null;
        for (Field f : fields) {
            if (f.isShown() && f.isNeeded() && !f.validate() && first == null) {
                first = f;
            }
        }
        if (first != null) {
            first.input.focus();
            return false;
        }
        return true;
    }
}
