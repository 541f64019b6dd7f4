package org.pagewalk.web.panels;

import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The phone's view tabs (UI.md, narrow screens): under the address and the walk, one of
 * Directory, Table, TLB, Memory and Log at a time. The choice is {@code <body data-view-tab>};
 * CSS shows the chosen view only under 900 px, so on wider screens the tabs change nothing.
 * Each tab is a button with id {@code view-tab-KEY}, so the tour can point at a view by opening it.
 */
final class ViewTabs {
    /** Key, label, the container it shows. */
    private static final String[][] TABS = {
        {"directory", "Directory", "directory-view"}, {"table", "Table", "table-view"}, {"tlb", "TLB", "tlb-view"},
        {"memory", "Memory", "memory-view"}, {"log", "Log", "bottom"}};

    private final Dom dom;
    private final HTMLButtonElement[] buttons = new HTMLButtonElement[TABS.length];

    ViewTabs(Dom dom, HTMLElement nav) {
        this.dom = dom;
        nav.setAttribute("role", "tablist");
        for (int i = 0; i < TABS.length; i++) {
            int index = i;
            HTMLButtonElement b = dom.button(TABS[i][1], "tab view-tab");
            b.setId("view-tab-" + TABS[i][0]);
            b.setAttribute("role", "tab");
            b.setAttribute("aria-controls", TABS[i][2]);
            Guard.on(b, "click", e -> select(index, false));
            Guard.<KeyboardEvent>on(b, "keydown", e -> {
                int n = TABS.length;
                int to;
                if ("ArrowRight".equals(e.getKey())) {
                    to = (index + 1) % n;
                } else if ("ArrowLeft".equals(e.getKey())) {
                    to = (index + n - 1) % n;
                } else {
                    return;
                }
                e.preventDefault();
                select(to, true);
            });
            nav.appendChild(b);
            buttons[i] = b;
        }
        select(0, false);
    }

    private void select(int index, boolean focus) {
        for (int i = 0; i < buttons.length; i++) {
            buttons[i].setAttribute("aria-selected", i == index ? "true" : "false");
            buttons[i].setTabIndex(i == index ? 0 : -1);
        }
        dom.document().getBody().setAttribute("data-view-tab", TABS[index][0]);
        if (focus) {
            buttons[index].focus();
        }
    }
}
