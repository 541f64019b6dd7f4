package org.pagewalk.web.panels;

import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * A labelled text field with its rule and its message: a bad value is explained right beside the
 * field (aria-invalid, aria-describedby), and the message goes as soon as the value is fixed.
 */
final class Field {
    /** Checks the trimmed text; puts the value in {@code out[0]} and returns null, or says what is wrong. */
    interface Rule {
        String check(String text, int[] out);
    }

    final String id;
    final HTMLElement row;
    final HTMLInputElement input;
    final HTMLElement message;
    private final Rule rule;
    private int value;
    private boolean shown;
    private java.util.function.BooleanSupplier needed;

    Field(Dom dom, String id, String label, String initial, String hint, Rule rule) {
        this.id = id;
        this.rule = rule;
        row = dom.el("div", "field");
        HTMLElement l = dom.add(row, "label", "field-label", label);
        l.setAttribute("for", id);
        input = dom.el("input", "input mono").cast();
        input.setType("text");
        input.setId(id);
        input.setName(id);
        input.setValue(initial);
        input.setAttribute("autocomplete", "off");
        input.setAttribute("spellcheck", "false");
        input.setAttribute("autocapitalize", "off");
        dom.add(row, input);
        String describedBy = id + "-error";
        if (hint != null) {
            HTMLElement h = dom.add(row, "p", "field-hint", hint);
            h.setId(id + "-hint");
            describedBy = id + "-hint " + describedBy;
        }
        message = dom.add(row, "p", "field-error");
        message.setId(id + "-error");
        input.setAttribute("aria-describedby", describedBy);
        // While a message shows, every keystroke re-checks, so it goes the moment the value is right.
        Guard.on(input, "input", e -> {
            if (shown) {
                validate();
            }
        });
        Guard.on(input, "change", e -> validate());
    }

    /** Checks the value and shows or clears the message; true if valid. */
    boolean validate() {
        int[] out = new int[1];
        String error = rule.check(text(), out);
        if (error != null) {
            show(error);
            return false;
        }
        value = out[0];
        clearError();
        return true;
    }

    /** The value of the last successful {@link #validate()}. */
    int value() {
        return value;
    }

    String text() {
        String v = input.getValue();
        return v == null ? "" : v.trim();
    }

    void set(String text) {
        input.setValue(text);
        if (shown) {
            validate();
        }
    }

    void show(String error) {
        Dom.text(message, error);
        input.setAttribute("aria-invalid", "true");
        row.getClassList().add("invalid");
        shown = true;
    }

    void clearError() {
        if (shown) {
            Dom.text(message, "");
            input.removeAttribute("aria-invalid");
            row.getClassList().remove("invalid");
            shown = false;
        }
    }

    /** Whether the form's current action uses this field (a write's value, not a read's). */
    boolean isNeeded() {
        return needed == null || needed.getAsBoolean();
    }

    void neededWhen(java.util.function.BooleanSupplier when) {
        needed = when;
    }

    boolean isShown() {
        return !row.isHidden();
    }
}
