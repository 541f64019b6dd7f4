package org.pagewalk.web.lessons;

import org.pagewalk.scenario.StepResult;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The two-minute tour (scenarios/00-tour.pw, played as a guided lesson): what paging is in three
 * sentences, then each step points at one view on the live screen (a ring around it, scrolled
 * into view, its tab opened on a phone), and it ends when the student's own user read has walked
 * through a 4 KiB page table.
 */
final class Tour implements App.Listener {
    static final String FILE = "00-tour.pw";
    /** For step n: the element pointed at, and the phone tab that shows it (or null). */
    private static final String[][] POINTS = {
        {null, null}, {"address-split", null}, {"walk", null}, {"directory-view", "directory"}, {"table-view", "table"},
        {"tlb-view", "tlb"}, {"memory-view", "memory"}, {"bottom", "log"}, {"controls", null}};

    private final App app;
    private final Dom dom;
    private final LessonPlayer player;
    private HTMLElement spot;
    private int loaded = -2;
    private boolean done;

    Tour(App app, Dom dom, LessonPlayer player) {
        this.app = app;
        this.dom = dom;
        this.player = player;
        app.addListener(this);
    }

    /** Starts the tour; returns an error message or null. */
    String start() {
        Library.Entry e = Library.find(FILE);
        if (e == null) {
            return "The tour is missing from this build's scenarios.";
        }
        String error = player.load(e.text, e.title);
        if (error != null) {
            return error;
        }
        loaded = player.loads();
        done = false;
        player.onStep(this::point);
        return null;
    }

    private void point(int step) {
        if (spot != null) {
            spot.getClassList().remove("tour-spot");
            spot = null;
        }
        HTMLElement body = dom.document().getBody();
        boolean last = step == player.stepCount();
        Dom.attr(body, "data-tour-step", Integer.toString(step));
        if (step <= 0 || step >= POINTS.length) {
            return;
        }
        if (POINTS[step][1] != null) {
            Js.click(dom.byId("view-tab-" + POINTS[step][1]));
        }
        if (last) {
            Js.click(dom.byId("controls-tabs-tab-access"));
        }
        spot = dom.byId(POINTS[step][0]);
        if (spot != null) {
            spot.getClassList().add("tour-spot");
            Js.reveal(spot);
        }
    }

    /** The last step waits for the student's user read through a page table. */
    @Override
    public void changed(App a, int what) {
        if (done || (what & App.MACHINE) == 0 || player.loads() != loaded || player.stepCount() == 0
                || player.step() != player.stepCount()) {
            return;
        }
        String line = app.history().log().last();
        StepResult r = app.lastResult();
        if (line == null || !line.startsWith("read user ") || r == null || r.status() != StepResult.Status.OK) {
            return;
        }
        boolean throughTable = false;
        for (TraceEvent e : app.lastEvents()) {
            if (e.kind() == EventKind.PTE_READ) {
                throughTable = true;
            }
        }
        if (!throughTable) {
            player.addNarrative("tour-hint", "That read did not walk a page table (" + r.message()
                    + "). Try an address in 0x08048000..0x08048FFF that the TLB does not hold yet, or press Reset first.");
            return;
        }
        done = true;
        player.addNarrative("tour-done", "Tour complete: your first translation. " + r.message()
                + ". The lessons (top bar) go further: the kernel heap, two processes, every kind of page fault.");
        if (spot != null) {
            spot.getClassList().remove("tour-spot");
            spot = null;
        }
        Dom.attr(dom.document().getBody(), "data-tour-step", "done");
    }
}
