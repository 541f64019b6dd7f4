package org.pagewalk.web.panels;

import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Installs the DOM panels: controls (#controls), TLB table (#tlb-view), registers
 * (#registers-view), globals (#globals-view), log, console and inspector (#bottom), undo, redo,
 * reset and the machine summary (#topnav, #machine-summary). Each panel gets the app, the page's
 * {@link Dom} and the panels it talks to through its constructor, listens to the app, and runs
 * user actions as scenario lines through it. A missing container is skipped, so an embedded page
 * may leave any of them out.
 */
public final class Panels {
    private Panels() {
    }

    public static void install(App app, Dom dom) {
        HTMLElement bottom = dom.byId("bottom");
        LogPanel log = null;
        InspectorPanel inspector = null;
        Tabs bottomTabs = null;
        if (bottom != null) {
            bottom.setAttribute("aria-labelledby", "bottom-tabs-tab-log");
            bottomTabs = new Tabs(dom, "bottom-tabs", "Log, console and inspector");
            bottom.appendChild(bottomTabs.root);
            log = new LogPanel(app, dom, bottomTabs.add("log", "Log"));
            new ConsolePanel(app, dom, bottomTabs.add("console", "Console"));
            inspector = new InspectorPanel(app, dom, bottomTabs.add("inspector", "Inspector"));
        }

        HTMLElement controlsBox = dom.byId("controls");
        Controls controls = controlsBox == null ? null : new Controls(app, dom, controlsBox);

        HTMLElement tlb = dom.byId("tlb-view");
        if (tlb != null) {
            InspectorPanel pinTo = inspector;
            Tabs tabs = bottomTabs;
            new TlbPanel(app, dom, tlb, (set, way) -> {
                if (pinTo != null) {
                    pinTo.pinTlb(set, way);
                    tabs.select("inspector");
                }
            });
        }
        HTMLElement registers = dom.byId("registers-view");
        if (registers != null) {
            new RegistersPanel(app, dom, registers);
        }
        HTMLElement globals = dom.byId("globals-view");
        if (globals != null) {
            new GlobalsPanel(app, dom, globals);
        }
        HTMLElement viewTabs = dom.byId("view-tabs");
        if (viewTabs != null) {
            new ViewTabs(dom, viewTabs);
        }
        HTMLElement nav = dom.byId("topnav");
        HTMLElement summary = dom.byId("machine-summary");
        if (nav != null && summary != null) {
            LogPanel journal = log;
            new TopNav(app, dom, nav, summary, controls == null ? null : controls.toggleButton(), text -> {
                if (journal != null) {
                    journal.note(text);
                }
            }, () -> {
                if (controls != null) {
                    controls.forgetOutcomes();
                }
            });
        }
    }
}
