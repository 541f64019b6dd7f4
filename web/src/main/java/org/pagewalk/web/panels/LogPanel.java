package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Narrator;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.trace.EventField;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The event log: each action's line, then one sentence per machine event, newest at the bottom.
 * Filter chips pick the kinds shown. It keeps the last {@link #KEEP} lines and shows at most
 * {@link #SHOW} (one init_mm alone is thousands of events), and says so. Clicking a line that
 * names a linear address makes it the current address.
 */
final class LogPanel implements App.Listener, TopNav.Journal {
    static final int KEEP = 5000;
    static final int SHOW = 300;

    static final int WALK = 1;
    static final int TLB = 2;
    static final int CR = 4;
    static final int FAULT = 8;
    static final int GUEST = 16;
    static final int MEMORY = 32;
    static final int ACTION = 64;
    private static final String[] CHIPS = {"walk", "TLB", "CR", "fault", "guest", "memory"};

    private static final class Entry {
        final int category;
        final TraceEvent event;
        /** An action's line and result; its words are built only if the entry is shown (at most SHOW are). */
        private final String source;
        private final StepResult result;
        private String text;

        Entry(int category, String text, TraceEvent event) {
            this.category = category;
            this.text = text;
            this.event = event;
            this.source = null;
            this.result = null;
        }

        Entry(String source, StepResult result) {
            this.category = ACTION;
            this.event = null;
            this.source = source;
            this.result = result;
        }

        String text() {
            if (text == null && source != null) {
                String status = result == null || result.status() == StepResult.Status.OK ? "" : " [" + result.status().name().toLowerCase() + "]";
                String message = result == null ? "" : Outcome.clean(result.message());
                text = "\u25b6 " + source.trim() + status + (message.isEmpty() ? "" : " \u2192 " + message);
            }
            return text;
        }
    }

    private final App app;
    /** Whether the list was scrolled to its end when the reader last scrolled it (new lines keep it there). */
    private boolean following = true;
    private final Dom dom;
    private final Runs newActions;
    private final List<Entry> entries = new ArrayList<>();
    private final HTMLElement list;
    private final HTMLElement note;
    private final HTMLButtonElement[] chips = new HTMLButtonElement[CHIPS.length];
    private int filter = WALK | TLB | CR | FAULT | GUEST | MEMORY | ACTION;
    private int total;

    LogPanel(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        this.dom = dom;
        this.newActions = new Runs(app);
        HTMLElement bar = dom.add(panel, "div", "chips");
        bar.setAttribute("role", "group");
        bar.setAttribute("aria-label", "Show events of these kinds");
        for (int i = 0; i < CHIPS.length; i++) {
            int bit = 1 << i;
            HTMLButtonElement chip = dom.add(bar, dom.button(CHIPS[i], "chip chip-" + CHIPS[i].toLowerCase()));
            chip.setId("log-chip-" + CHIPS[i].toLowerCase());
            chip.setAttribute("aria-pressed", "true");
            chips[i] = chip;
            Guard.on(chip, "click", e -> {
                filter ^= bit;
                chip.setAttribute("aria-pressed", (filter & bit) != 0 ? "true" : "false");
                renderAll();
            });
        }
        HTMLButtonElement clear = dom.add(bar, dom.button("Clear", "chip-clear"));
        clear.setId("log-clear");
        Guard.on(clear, "click", e -> {
            entries.clear();
            total = 0;
            renderAll();
        });
        note = dom.add(panel, "p", "log-note");
        note.setId("log-note");
        list = dom.add(panel, "ol", "log mono");
        list.setId("log-list");
        list.setAttribute("aria-label", "Event log, newest last");
        list.setTabIndex(0);
        // Where the reader left the list, read when they scroll: a redraw appending lines never reads the layout.
        Guard.on(list, "scroll", e -> following = list.getScrollTop() + list.getClientHeight() >= list.getScrollHeight() - 24);
        Guard.<MouseEvent>on(list, "click", e -> {
            HTMLElement t = e.getTarget().cast();
            String addr = t == null ? null : t.getAttribute("data-addr");
            if (addr != null) {
                int[] out = new int[1];
                if (org.pagewalk.text.Hex.parseUnsigned("0x" + addr, out) == null) {
                    app.select(out[0]);
                }
            }
        });
        app.addListener(this);
    }

    static int category(EventKind kind) {
        switch (kind) {
            case WALK_START:
            case PDE_READ:
            case PTE_READ:
            case ACCESSED_SET:
            case DIRTY_SET:
            case TRANSLATED:
                return WALK;
            case TLB_HIT:
            case TLB_MISS:
            case TLB_DIRTY_REWALK:
            case TLB_RIGHTS_REWALK:
            case TLB_FILL:
            case TLB_EVICT:
            case TLB_INVALIDATE:
            case TLB_FLUSH:
            case INVLPG:
                return TLB;
            case CR_WRITE:
                return CR;
            case PAGE_FAULT:
                return FAULT;
            case DATA_READ:
            case PHYS_WRITE:
            case PHYS_FILL:
            case BUS_UNMAPPED:
                return MEMORY;
            default:
                return GUEST;
        }
    }

    /** Whether the event names a linear address (not only physical ones). */
    private static boolean hasLinear(TraceEvent e) {
        return e.has(EventField.LINEAR);
    }

    @Override
    public void note(String text) {
        add(new Entry(ACTION, "\u21b6 " + text, null));
    }

    @Override
    public void changed(App app, int what) {
        if ((what & App.MACHINE) == 0) {
            return;
        }
        int before = entries.size();
        List<App.Action> runs = newActions.take();
        TraceRecorder recorder = app.recorder();
        // One copy of the events for all new actions: a copy per action made a scripted run of
        // thousands of lines quadratic.
        int first = runs.isEmpty() ? 0 : Math.max(runs.get(0).from, recorder.dropped());
        List<TraceEvent> held = runs.isEmpty() ? new ArrayList<>() : recorder.since(first);
        for (App.Action run : runs) {
            header(run.line, run.result);
            int from = Math.max(run.from, first) - first;
            int to = Math.min(run.to - first, held.size());
            if (to > from) {
                addEvents(held.subList(from, to));
            }
        }
        trim();
        appendFrom(Math.min(before, entries.size()));
    }

    private void header(String source, StepResult r) {
        // Words later: a scripted run of thousands of lines shows only the last SHOW entries.
        entries.add(new Entry(source, r));
        total++;
    }

    private void addEvents(List<TraceEvent> events) {
        for (TraceEvent e : events) {
            entries.add(new Entry(category(e.kind()), null, e));
            total++;
        }
    }

    private void add(Entry e) {
        int before = entries.size();
        entries.add(e);
        total++;
        trim();
        appendFrom(Math.min(before, entries.size()));
    }

    private void trim() {
        if (entries.size() > KEEP + 1000) {
            entries.subList(0, entries.size() - KEEP).clear();
        }
    }

    /** Appends the entries from {@code from} on that pass the filter, keeping at most SHOW lines. */
    private void appendFrom(int from) {
        List<Entry> shown = new ArrayList<>();
        for (int i = entries.size() - 1; i >= from && shown.size() < SHOW; i--) {
            if (passes(entries.get(i))) {
                shown.add(entries.get(i));
            }
        }
        boolean atBottom = following;
        if (shown.size() >= SHOW) {
            Dom.clear(list);
        }
        for (int i = shown.size() - 1; i >= 0; i--) {
            list.appendChild(line(shown.get(i)));
        }
        while (list.getChildren().getLength() > SHOW) {
            list.removeChild(list.getFirstChild());
        }
        if (atBottom || shown.size() >= SHOW) {
            app.afterLayout(() -> list.setScrollTop(list.getScrollHeight()));
        }
        updateNote();
    }

    private void renderAll() {
        Dom.clear(list);
        appendFrom(0);
        list.setScrollTop(list.getScrollHeight());
    }

    private boolean passes(Entry e) {
        return (e.category & filter) != 0;
    }

    private void updateNote() {
        int showing = list.getChildren().getLength();
        String text;
        if (total == 0) {
            text = "No events yet: every action adds its line and the machine's events here.";
        } else if (showing < SHOW && entries.size() == total && filter == (WALK | TLB | CR | FAULT | GUEST | MEMORY | ACTION)) {
            text = Dom.count(total) + (total == 1 ? " line." : " lines.");
        } else {
            text = "Showing the last " + Dom.count(showing) + " matching lines of " + Dom.count(total)
                    + " (at most " + SHOW + " are shown, and the last " + Dom.count(KEEP) + " kept).";
        }
        Dom.text(note, text);
    }

    /** One element per line (the kind's tag is CSS from data-tag), so a long log stays light. */
    private HTMLElement line(Entry e) {
        String cat = catName(e.category);
        String text = e.event == null ? e.text() : Narrator.line(e.event);
        HTMLElement li = dom.el("li", "log-line log-" + cat, text);
        li.setAttribute("data-tag", cat);
        if (e.event != null && hasLinear(e.event)) {
            li.setAttribute("data-addr", Integer.toHexString(e.event.linear()));
            li.setAttribute("title", "Click to make this the current address");
            li.getClassList().add("log-link");
        }
        return li;
    }

    private static String catName(int category) {
        switch (category) {
            case WALK:
                return "walk";
            case TLB:
                return "tlb";
            case CR:
                return "cr";
            case FAULT:
                return "fault";
            case GUEST:
                return "guest";
            case MEMORY:
                return "memory";
            default:
                return "action";
        }
    }
}
