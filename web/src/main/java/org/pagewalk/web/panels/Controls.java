package org.pagewalk.web.panels;

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
    private final App app;
    private final Dom dom;
    private final HTMLElement container;
    private final Tabs tabs;
    private final AccessTab access;
    private final KernelTab kernel;
    private final CpuTab cpu;
    private final ProcessesTab processes;
    private final BootTab boot;
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
        kernel = new KernelTab(app, dom, tabs.add("kernel", "Kernel"));
        cpu = new CpuTab(app, dom, tabs.add("cpu", "CPU"));
        processes = new ProcessesTab(app, dom, tabs.add("processes", "Processes"));
        boot = new BootTab(app, dom, tabs.add("boot", "Boot"));
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

    /** After undo or redo no form's last result describes the machine any more. */
    void forgetOutcomes() {
        access.outcome.clear();
        kernel.outcome.clear();
        cpu.outcome.clear();
        processes.outcome.clear();
        boot.outcome.clear();
    }

    @Override
    public void changed(App app, int what) {
        if ((what & App.MACHINE) != 0) {
            kernel.update();
            cpu.update();
            processes.update();
            boot.update();
        }
        if ((what & App.SELECTION) != 0) {
            access.follow(dom.document().getActiveElement());
        }
    }
}
