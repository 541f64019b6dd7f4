package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * WAI-ARIA tabs: arrow keys (and Home, End) move between tabs and show their panel at once; each
 * tab is also a Tab stop that Enter or Space opens, so Tab and Enter alone reach every form.
 */
final class Tabs {
    final HTMLElement root;
    private final Dom dom;
    private final HTMLElement list;
    private final String id;
    private final List<HTMLButtonElement> tabs = new ArrayList<>();
    private final List<HTMLElement> panels = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    /** Per tab, what fills its panel the first time it is shown ({@code null} once done, or for a tab filled at once). */
    private final List<Consumer<HTMLElement>> fillers = new ArrayList<>();
    private int selected = -1;

    Tabs(Dom dom, String id, String label) {
        this.dom = dom;
        this.id = id;
        root = dom.el("div", "tabs");
        root.setId(id);
        list = dom.add(root, "div", "tab-list");
        list.setAttribute("role", "tablist");
        list.setAttribute("aria-label", label);
    }

    /** Adds a tab and returns its (empty) panel. */
    HTMLElement add(String key, String title) {
        return add(key, title, null);
    }

    /**
     * Adds a tab whose panel {@code fill} builds the first time the tab is shown (before it
     * appears), so a page starts without building forms nobody has opened yet; returns the panel.
     */
    HTMLElement add(String key, String title, Consumer<HTMLElement> fill) {
        int index = tabs.size();
        HTMLButtonElement tab = dom.button(title, "tab");
        tab.setId(id + "-tab-" + key);
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-controls", id + "-" + key);
        tab.setAttribute("aria-selected", "false");
        list.appendChild(tab);
        HTMLElement panel = dom.add(root, "div", "tab-panel");
        panel.setId(id + "-" + key);
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", tab.getId());
        panel.setHidden(true);
        tabs.add(tab);
        panels.add(panel);
        keys.add(key);
        fillers.add(fill);
        Guard.on(tab, "click", e -> select(index, false));
        Guard.<KeyboardEvent>on(tab, "keydown", e -> {
            int n = tabs.size();
            int to;
            switch (e.getKey()) {
                case "ArrowRight":
                    to = (index + 1) % n;
                    break;
                case "ArrowLeft":
                    to = (index + n - 1) % n;
                    break;
                case "Home":
                    to = 0;
                    break;
                case "End":
                    to = n - 1;
                    break;
                default:
                    return;
            }
            e.preventDefault();
            select(to, true);
        });
        if (selected < 0) {
            select(0, false);
        }
        return panel;
    }

    void select(int index, boolean focus) {
        if (index < 0 || index >= tabs.size()) {
            return;
        }
        Consumer<HTMLElement> fill = fillers.get(index);
        if (fill != null) {
            fillers.set(index, null);
            fill.accept(panels.get(index));
        }
        for (int i = 0; i < tabs.size(); i++) {
            boolean on = i == index;
            tabs.get(i).setAttribute("aria-selected", on ? "true" : "false");
            panels.get(i).setHidden(!on);
        }
        selected = index;
        if (focus) {
            tabs.get(index).focus();
        }
    }

    void select(String key) {
        select(keys.indexOf(key), false);
    }
}
