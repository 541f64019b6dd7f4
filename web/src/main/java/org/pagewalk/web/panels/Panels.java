package org.pagewalk.web.panels;

import org.pagewalk.web.App;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Installs the DOM panels: controls (#controls), TLB table (#tlb-view), registers
 * (#registers-view), globals (#globals-view), log, console and inspector (#bottom), undo, redo,
 * reset and the machine summary (#topnav, #machine-summary). Each panel listens to the app and
 * runs user actions as scenario lines through {@link Runs}. A missing container is skipped, so
 * an embedded page may leave any of them out.
 */
public final class Panels {
    private static InspectorPanel inspector;
    private static Tabs bottom;

    private Panels() {
    }

    /** Pins a physical frame in the inspector and shows it (for the frame map's click). */
    public static void inspectFrame(int frame) {
        if (inspector != null) {
            inspector.pinFrame(frame);
            bottom.select("inspector");
        }
    }

    /** Pins the entries that map a linear address in the inspector (for a grid cell's click). */
    public static void inspectLinear(int linear) {
        if (inspector != null) {
            inspector.pinLinear(linear);
            bottom.select("inspector");
        }
    }

    public static void install(App app, HTMLDocument document) {
        Dom.init(document);
        Runs.install(app);

        HTMLElement bottom = document.getElementById("bottom");
        LogPanel log = null;
        InspectorPanel inspector = null;
        Tabs bottomTabs = null;
        if (bottom != null) {
            bottom.setAttribute("aria-labelledby", "bottom-tabs-tab-log");
            bottomTabs = new Tabs("bottom-tabs", "Log, console and inspector");
            bottom.appendChild(bottomTabs.root);
            log = new LogPanel(app, bottomTabs.add("log", "Log"));
            new ConsolePanel(app, bottomTabs.add("console", "Console"));
            inspector = new InspectorPanel(app, bottomTabs.add("inspector", "Inspector"));
            Panels.inspector = inspector;
            Panels.bottom = bottomTabs;
        }

        HTMLElement controlsBox = document.getElementById("controls");
        Controls controls = controlsBox == null ? null : new Controls(app, controlsBox);

        HTMLElement tlb = document.getElementById("tlb-view");
        if (tlb != null) {
            InspectorPanel pinTo = inspector;
            Tabs tabs = bottomTabs;
            new TlbPanel(app, tlb, (set, way) -> {
                if (pinTo != null) {
                    pinTo.pinTlb(set, way);
                    tabs.select("inspector");
                }
            });
        }
        HTMLElement registers = document.getElementById("registers-view");
        if (registers != null) {
            new RegistersPanel(app, registers);
        }
        HTMLElement globals = document.getElementById("globals-view");
        if (globals != null) {
            new GlobalsPanel(app, globals);
        }
        HTMLElement nav = document.getElementById("topnav");
        HTMLElement summary = document.getElementById("machine-summary");
        if (nav != null && summary != null) {
            LogPanel journal = log;
            new TopNav(app, nav, summary, controls == null ? null : controls.toggleButton(), text -> {
                if (journal != null) {
                    journal.note(text);
                }
            });
        }
    }
}
