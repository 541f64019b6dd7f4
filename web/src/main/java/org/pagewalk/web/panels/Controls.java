package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The controls (#controls): tabs Access | Kernel | CPU | Processes | Boot. Under 900 px wide
 * they are a drawer opened by a button in the top bar (CSS decides; the button says whether it
 * is open).
 */
final class Controls implements App.Listener {
    /** A tab's form built on first use: its outcome line, and how it follows the machine. */
    interface Form {
        Outcome outcome();

        void update();
    }

    private final App app;
    private final Dom dom;
    private final HTMLElement container;
    private final Tabs tabs;
    private final AccessTab access;
    /** The outcome lines and the updates of the forms built so far (Tabs.add with a filler builds the others when first shown). */
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Runnable> updates = new ArrayList<>();
    private HTMLButtonElement toggle;

    Controls(App app, Dom dom, HTMLElement container) {
        this.app = app;
        this.dom = dom;
        this.container = container;
        tabs = new Tabs(dom, "controls-tabs", "Controls");
        HTMLElement head = dom.add(container, "div", "controls-head");
        dom.heading(head, "Controls", "controls-title");
        HTMLButtonElement close = dom.add(head, dom.button("Close", "drawer-close"));
        close.setId("controls-close");
        close.setAttribute("aria-label", "Close the controls");
        Guard.on(close, "click", e -> open(false));
        container.appendChild(tabs.root);
        access = new AccessTab(app, dom, tabs.add("access", "Access"));
        outcomes.add(access.outcome);
        // The first screen shows Access only: the other forms are built, and brought up to the
        // machine as it is then, the first time their tab opens.
        lazy("kernel", "Kernel", panel -> new KernelTab(app, dom, panel));
        lazy("cpu", "CPU", panel -> new CpuTab(app, dom, panel));
        lazy("processes", "Processes", panel -> new ProcessesTab(app, dom, panel));
        lazy("boot", "Boot", panel -> new BootTab(app, dom, panel));
        Guard.<KeyboardEvent>on(container, "keydown", e -> {
            if ("Escape".equals(e.getKey()) && container.getClassList().contains("open")) {
                open(false);
            }
        });
        app.addListener(this);
    }

    /** The drawer's toggle, placed in the top bar; shown only on narrow screens. */
    HTMLButtonElement toggleButton() {
        if (toggle == null) {
            toggle = dom.button("Controls", "drawer-toggle");
            toggle.setId("controls-toggle");
            toggle.setAttribute("aria-controls", "controls");
            toggle.setAttribute("aria-expanded", "false");
            Guard.on(toggle, "click", e -> open(!container.getClassList().contains("open")));
        }
        return toggle;
    }

    void open(boolean open) {
        Dom.toggle(container, "open", open);
        if (toggle != null) {
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
        }
        if (open) {
            HTMLElement first = container.querySelector("[role=tab][aria-selected=true]");
            if (first != null) {
                first.focus();
            }
        } else if (toggle != null && toggle.getOffsetWidth() > 0) {
            toggle.focus();
        }
    }

    private void lazy(String key, String title, Function<HTMLElement, Form> build) {
        tabs.add(key, title, panel -> {
            Form form = build.apply(panel);
            outcomes.add(form.outcome());
            updates.add(form::update);
            form.update();
        });
    }

    /** After undo or redo no form's last result describes the machine any more. */
    void forgetOutcomes() {
        for (Outcome o : outcomes) {
            o.clear();
        }
    }

    @Override
    public void changed(App app, int what) {
        if ((what & App.MACHINE) != 0) {
            for (Runnable update : updates) {
                update.run();
            }
        }
        if ((what & App.SELECTION) != 0) {
            access.follow(dom.document().getActiveElement());
        }
    }
}
