package org.pagewalk.web.panels;

import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The top bar's controls (#topnav): Undo, Redo (also Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y outside text
 * fields), Reset (boot the same machine again, itself undoable), and the machine summary in
 * #machine-summary. Unavailable buttons stay focusable (aria-disabled), so the focus never drops
 * to the page when the last undo is used up.
 */
final class TopNav implements App.Listener {
    /** Told about undo and redo, which are not scenario lines (the log shows them). */
    interface Journal {
        void note(String text);
    }

    private final App app;
    private final Dom dom;
    private final Journal journal;
    private final Runnable forgetOutcomes;
    private final HTMLButtonElement undo;
    private final HTMLButtonElement redo;
    private final HTMLButtonElement reset;
    private final HTMLElement summary;
    private final HTMLElement narration;

    /** {@code forgetOutcomes} runs after an undo or redo, when no form's last result describes the machine any more. */
    TopNav(App app, Dom dom, HTMLElement nav, HTMLElement summary, HTMLElement drawerToggle, Journal journal,
            Runnable forgetOutcomes) {
        this.app = app;
        this.dom = dom;
        this.journal = journal;
        this.forgetOutcomes = forgetOutcomes;
        this.summary = summary;
        this.narration = dom.byId("narration");
        HTMLElement menuToggle = dom.byId("menu-toggle");
        if (drawerToggle != null) {
            // Beside the Menu button: on a phone the top bar is one row, Controls and Menu.
            if (menuToggle != null) {
                menuToggle.getParentNode().insertBefore(drawerToggle, menuToggle);
            } else {
                nav.appendChild(drawerToggle);
            }
        }
        if (menuToggle != null) {
            installMenu(menuToggle);
        }
        undo = dom.add(nav, dom.button("Undo", null));
        undo.setId("undo");
        undo.setAttribute("aria-keyshortcuts", "Control+Z");
        undo.setTitle("Undo the last action (Ctrl+Z)");
        redo = dom.add(nav, dom.button("Redo", null));
        redo.setId("redo");
        redo.setAttribute("aria-keyshortcuts", "Control+Shift+Z Control+Y");
        redo.setTitle("Redo (Ctrl+Shift+Z or Ctrl+Y)");
        reset = dom.add(nav, dom.button("Reset", null));
        reset.setId("reset");
        reset.setTitle("Boot the same machine again (undo brings the old one back)");
        Guard.on(undo, "click", e -> undo());
        Guard.on(redo, "click", e -> redo());
        Guard.on(reset, "click", e -> reset());
        Guard.<KeyboardEvent>on(dom.document(), "keydown", this::key);
        app.addListener(this);
    }

    /**
     * The Menu button (shown on narrow screens only, by CSS): opens the top bar's actions as a
     * drop-down; Escape, a click outside or choosing an action closes it.
     */
    private void installMenu(HTMLElement toggle) {
        HTMLElement bar = (HTMLElement) toggle.getParentNode();
        HTMLElement menu = dom.byId("topbar-menu");
        Guard.on(toggle, "click", e -> {
            e.stopPropagation();
            showMenu(bar, toggle, !bar.getClassList().contains("menu-open"));
        });
        if (menu != null) {
            Guard.on(menu, "click", e -> {
                HTMLElement target = (HTMLElement) e.getTarget();
                if ("BUTTON".equals(target.getTagName())) {
                    showMenu(bar, toggle, false);
                } else {
                    e.stopPropagation();
                }
            });
        }
        // A click anywhere else closes it (clicks inside the menu stop above).
        Guard.on(dom.document(), "click", e -> {
            if (bar.getClassList().contains("menu-open")) {
                showMenu(bar, toggle, false);
            }
        });
        Guard.<KeyboardEvent>on(dom.document(), "keydown", e -> {
            if ("Escape".equals(e.getKey()) && bar.getClassList().contains("menu-open")) {
                showMenu(bar, toggle, false);
                toggle.focus();
            }
        });
    }

    private static void showMenu(HTMLElement bar, HTMLElement toggle, boolean open) {
        Dom.toggle(bar, "menu-open", open);
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    private void key(KeyboardEvent e) {
        if (!(e.isCtrlKey() || e.isMetaKey()) || e.isAltKey()) {
            return;
        }
        String k = e.getKey();
        boolean z = "z".equals(k) || "Z".equals(k);
        boolean y = "y".equals(k) || "Y".equals(k);
        if (!z && !y) {
            return;
        }
        if (editingText()) {
            return; // the field's own undo
        }
        e.preventDefault();
        if (z && !e.isShiftKey()) {
            undo();
        } else {
            redo();
        }
    }

    private boolean editingText() {
        HTMLElement a = dom.document().getActiveElement();
        if (a == null) {
            return false;
        }
        String tag = a.getTagName();
        if ("TEXTAREA".equals(tag)) {
            return true;
        }
        if ("INPUT".equals(tag)) {
            String type = a.getAttribute("type");
            return type == null || type.equals("text") || type.equals("search") || type.equals("number");
        }
        return false;
    }

    void undo() {
        String line = lastLine();
        if (app.undo()) {
            forgetOutcomes.run();
            say("Undone: " + (line == null ? "the last action" : line));
        } else {
            say("Nothing to undo.");
        }
    }

    void redo() {
        if (app.redo()) {
            forgetOutcomes.run();
            String line = lastLine();
            say("Redone: " + (line == null ? "the action" : line));
        } else {
            say("Nothing to redo.");
        }
    }

    private void reset() {
        String boot = BootTab.bootLine(app);
        StepResult r = app.run(boot);
        if (r != null && r.status() == StepResult.Status.OK && app.session().os() != null) {
            app.run("init_mm");
        }
        say("Reset: " + boot + (app.session().os() != null ? ", init_mm" : ""));
    }

    private String lastLine() {
        return app.history().log().last();
    }

    private void say(String text) {
        journal.note(text);
        if (narration != null) {
            narration.setTextContent(text);
        }
    }

    @Override
    public void changed(App app, int what) {
        if ((what & App.MACHINE) == 0) {
            return;
        }
        Dom.attr(undo, "aria-disabled", app.history().canUndo() ? "false" : "true");
        Dom.attr(redo, "aria-disabled", app.history().canRedo() ? "false" : "true");
        Dom.text(summary, summary(app));
    }

    /** "CeanOS (fixed) · 32 MiB · TLB 64×4". */
    static String summary(App app) {
        Machine m = app.session().machine();
        TlbGeometry g = m.config().tlb();
        CeanOs os = app.session().os();
        String guest;
        if (os == null) {
            guest = "Bare machine";
        } else {
            GuestConfig c = os.config();
            int n = 0;
            for (org.pagewalk.guest.Defect d : org.pagewalk.guest.Defect.values()) {
                if (c.has(d)) {
                    n++;
                }
            }
            guest = c.isFixed() ? "CeanOS (fixed)" : "CeanOS (as written, " + n + (n == 1 ? " defect)" : " defects)");
        }
        return guest + " \u00b7 " + m.memory().sizeText() + " \u00b7 TLB " + g.entries() + "\u00d7" + g.ways();
    }
}
