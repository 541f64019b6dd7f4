package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** A radio group in a fieldset with a legend: arrow keys move within it, Tab leaves it. */
final class Choice {
    final HTMLElement fieldset;
    private final List<HTMLInputElement> radios = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();

    /** {@code options} alternate value and label: "read", "Read", "write", "Write", ... */
    Choice(Dom dom, String id, String legend, String... options) {
        fieldset = dom.el("fieldset", "choice");
        fieldset.setId(id);
        dom.add(fieldset, "legend", "field-label", legend);
        HTMLElement row = dom.add(fieldset, "div", "choice-options");
        for (int i = 0; i + 1 < options.length; i += 2) {
            HTMLElement label = dom.add(row, "label", "choice-option");
            HTMLInputElement radio = dom.el("input").cast();
            radio.setType("radio");
            radio.setName(id);
            radio.setValue(options[i]);
            radio.setId(id + "-" + options[i]);
            radio.setChecked(i == 0);
            label.appendChild(radio);
            dom.add(label, "span", null, options[i + 1]);
            radios.add(radio);
            values.add(options[i]);
            Guard.on(radio, "change", e -> {
                for (Runnable r : listeners) {
                    r.run();
                }
            });
        }
    }

    String value() {
        for (int i = 0; i < radios.size(); i++) {
            if (radios.get(i).isChecked()) {
                return values.get(i);
            }
        }
        return values.get(0);
    }

    void set(String value) {
        for (int i = 0; i < radios.size(); i++) {
            radios.get(i).setChecked(values.get(i).equals(value));
        }
    }

    void setDisabled(boolean disabled) {
        for (HTMLInputElement r : radios) {
            r.setDisabled(disabled);
        }
    }

    void onChange(Runnable r) {
        listeners.add(r);
    }
}
