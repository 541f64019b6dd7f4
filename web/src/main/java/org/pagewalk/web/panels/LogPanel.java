package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Explanation;
import org.pagewalk.explain.Narrator;
import org.pagewalk.explain.Words;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Chars;
import org.pagewalk.trace.EventField;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.NextLayout;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The event log: each action's line, then one sentence per machine event, newest at the bottom.
 * Filter chips pick the kinds shown. It keeps the last {@link #KEEP} lines and shows at most
 * {@link #SHOW} (one init_mm alone is thousands of events), and says so; before the page's first
 * paint it builds only the newest {@link #TAIL} of them, and the rest right after. Clicking a line that
 * names a linear address makes it the current address; a line of a translation or an eviction
 * then offers Explain, which opens the reasoning below it.
 */
final class LogPanel implements App.Listener, TopNav.Journal {
    static final int KEEP = 5000;
    static final int SHOW = 300;
    /**
     * The newest lines built before the page's first paint: more than the tallest log box shows.
     * The older ones of the SHOW go in just after the first paint (above the view, which is at the end).
     */
    static final int TAIL = 60;

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
        /** For a TLB hit of the last action: how the entry disagreed with memory then, or null. */
        String stale;
        /** Numbers the entries, so a shown line finds its entry. */
        int seq;

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
                String status = result == null || result.status() == StepResult.Status.OK ? "" : " [" + Chars.lower(result.status().name()) + "]";
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
    private final LogBlocks blocks;
    private final HTMLElement note;
    private final HTMLButtonElement[] chips = new HTMLButtonElement[CHIPS.length];
    private int filter = WALK | TLB | CR | FAULT | GUEST | MEMORY | ACTION;
    private int total;
    private int seqs;
    /** The line last clicked (it carries the Explain button), or null. */
    private HTMLElement picked;
    /** The older lines still to be built after the first paint (each counted in the note already). */
    private List<Entry> older = new ArrayList<>();
    private int waitedFrames;
    /** Scrolls the list to its end after the browser's own layout, which it then does not force again. */
    private final NextLayout laidOut;

    LogPanel(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        this.dom = dom;
        this.newActions = new Runs(app);
        HTMLElement bar = dom.add(panel, "div", "chips");
        bar.setAttribute("role", "group");
        bar.setAttribute("aria-label", "Show events of these kinds");
        for (int i = 0; i < CHIPS.length; i++) {
            int bit = 1 << i;
            HTMLButtonElement chip = dom.add(bar, dom.button(CHIPS[i], "chip chip-" + Chars.lower(CHIPS[i])));
            chip.setId("log-chip-" + Chars.lower(CHIPS[i]));
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
        // A list of lines in blocks (LogBlocks): a div with role=list, since an ol holds only list items.
        list = dom.add(panel, "div", "log mono");
        list.setId("log-list");
        list.setAttribute("role", "list");
        list.setAttribute("aria-label", "Event log, newest last");
        blocks = new LogBlocks(dom, list);
        list.setTabIndex(0);
        laidOut = new NextLayout(list);
        // Where the reader left the list, read when they scroll: a redraw appending lines never reads the layout.
        // While it follows the end, the browser's scroll anchoring is switched off (CSS .log.following): the
        // list is scrolled to its end after each action anyway, and anchoring made the browser search the
        // lines for an anchor at every layout. A reader who scrolled back keeps it, so removing the oldest
        // lines does not move what they read.
        Dom.toggle(list, "following", true);
        Guard.on(list, "scroll", e -> {
            following = list.getScrollTop() + list.getClientHeight() >= list.getScrollHeight() - 24;
            Dom.toggle(list, "following", following);
        });
        Guard.<MouseEvent>on(list, "click", e -> {
            HTMLElement t = e.getTarget().cast();
            if (t != null && t.getClassList().contains("log-explain-button")) {
                explain(t.getParentNode().cast());
                return;
            }
            if (t != null && t.hasAttribute("data-seq")) {
                pick(t);
            }
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
        if (!runs.isEmpty()) {
            staleHits(runs.get(runs.size() - 1), app);
        }
        trimAndAppendFrom(before);
    }

    /**
     * A TLB hit's staleness is known only while the machine is as the hit left it: for the last
     * action, if it was a single access (a few events), it is worked out now and kept with the line.
     */
    private void staleHits(App.Action last, App app) {
        int n = last.to - last.from;
        if (n <= 0 || n > 40 || entries.size() < n) {
            return;
        }
        org.pagewalk.machine.Machine m = app.session().machine();
        for (int i = entries.size() - n; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.event != null && e.event.kind() == EventKind.TLB_HIT) {
                e.stale = Words.staleness(m.staleness(e.event.set(), e.event.way()));
            }
        }
    }

    /** Marks {@code li} as the picked line and gives it an Explain button, if its event can be explained. */
    private void pick(HTMLElement li) {
        if (picked != null) {
            picked.removeAttribute("aria-current");
            HTMLElement old = picked.querySelector(".log-explain-button");
            if (old != null) {
                picked.removeChild(old);
            }
        }
        picked = li;
        li.setAttribute("aria-current", "true");
        int at = indexOf(li);
        if (at >= 0 && explanation(at) != null && li.querySelector(".log-explain-button") == null) {
            HTMLButtonElement b = dom.button("Explain", "log-explain-button");
            b.setTitle("The reasoning of this line, in sentences with its numbers");
            li.appendChild(b);
        }
    }

    /** Opens (or closes) the explanation of the line {@code li} just below it. */
    private void explain(HTMLElement li) {
        org.teavm.jso.dom.xml.Node after = li.getNextSibling();
        if (after != null && ((HTMLElement) after.cast()).getClassList().contains("log-explain")) {
            blocks.remove(after.cast());
            return;
        }
        int at = indexOf(li);
        String text = at < 0 ? null : explanation(at);
        if (text == null) {
            return;
        }
        HTMLElement box = dom.el("li", "log-explain explain-text", text);
        box.setAttribute("role", "note");
        blocks.insertAfter(li, box);
    }

    private int indexOf(HTMLElement li) {
        String seq = li.getAttribute("data-seq");
        if (seq == null) {
            return -1;
        }
        int want = Integer.parseInt(seq);
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).seq == want) {
                return i;
            }
        }
        return -1;
    }

    /** The explanation of entry {@code at}: its event among the events around it (up to the action's line). */
    private String explanation(int at) {
        Entry e = entries.get(at);
        if (e.event == null) {
            return null;
        }
        int from = at;
        while (from > 0 && entries.get(from - 1).event != null) {
            from--;
        }
        int to = at + 1;
        while (to < entries.size() && entries.get(to).event != null) {
            to++;
        }
        List<TraceEvent> events = new ArrayList<>();
        String stale = null;
        for (int i = from; i < to; i++) {
            events.add(entries.get(i).event);
            if (entries.get(i).stale != null) {
                stale = entries.get(i).stale;
            }
        }
        return Explanation.ofEvent(events, at - from, stale, app.session().machine().tlb().geometry());
    }

    private void header(String source, StepResult r) {
        // Words later: a scripted run of thousands of lines shows only the last SHOW entries.
        Entry e = new Entry(source, r);
        e.seq = ++seqs;
        entries.add(e);
        total++;
    }

    private void addEvents(List<TraceEvent> events) {
        for (TraceEvent e : events) {
            Entry entry = new Entry(category(e.kind()), null, e);
            entry.seq = ++seqs;
            entries.add(entry);
            total++;
        }
    }

    private void add(Entry e) {
        e.seq = ++seqs;
        int before = entries.size();
        entries.add(e);
        total++;
        trimAndAppendFrom(before);
    }

    /** Trims the entries, then shows those that came after the first {@code before}. */
    private void trimAndAppendFrom(int before) {
        // The new entries start at before less what the trim took off the front. Capping before at the
        // trimmed size instead appended nothing at the action that crossed KEEP + 1000: its lines never showed.
        appendFrom(Math.max(0, before - trim()));
    }

    /** Keeps the newest KEEP entries once there are KEEP + 1000; returns how many went from the front. */
    private int trim() {
        int removed = entries.size() - KEEP;
        if (removed <= 1000) {
            return 0;
        }
        entries.subList(0, removed).clear();
        return removed;
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
            blocks.clear();
            older.clear();
        }
        if (shown.size() > TAIL && older.isEmpty() && !painted()) {
            // Before the first paint only the lines the box can show; the rest right after it.
            older = new ArrayList<>(shown.subList(TAIL, shown.size()));
            shown = shown.subList(0, TAIL);
            Guard.frame(t -> Guard.later(0, this::buildOlder));
        }
        blocks.append(lines(shown, shown.size()));
        blocks.keepLast(SHOW);
        if (atBottom || shown.size() >= SHOW) {
            scrollToEnd();
        }
        updateNote();
    }

    /** Whether the page's first complete render has been painted (Js.viewsDrawn marks it). */
    private boolean painted() {
        return dom.document().getBody().hasAttribute("data-painted");
    }

    /** The lines held back at the first paint, put above the ones shown (newest of them last). */
    private void buildOlder() {
        if (older.isEmpty()) {
            return;
        }
        // The log can fill in frames before the views' first complete render (a lesson, a link): wait for it.
        if (!painted() && waitedFrames++ < 120) {
            Guard.frame(t -> Guard.later(0, this::buildOlder));
            return;
        }
        int room = SHOW - blocks.items();
        blocks.prepend(lines(older, Math.min(room, older.size())));
        older = new ArrayList<>();
        if (following) {
            scrollToEnd();
        }
        updateNote();
    }

    private void scrollToEnd() {
        laidOut.then(() -> list.setScrollTop(list.getScrollHeight()));
    }

    private void renderAll() {
        older.clear();
        blocks.clear();
        appendFrom(0);
        list.setScrollTop(list.getScrollHeight());
    }

    private boolean passes(Entry e) {
        return (e.category & filter) != 0;
    }

    private void updateNote() {
        int showing = Math.min(SHOW, blocks.items() + older.size());
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

    /** The lines of the first {@code n} of {@code newestFirst}, oldest first. */
    private List<HTMLElement> lines(List<Entry> newestFirst, int n) {
        List<HTMLElement> out = new ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
            out.add(line(newestFirst.get(i)));
        }
        return out;
    }

    /** One element per line (the kind's tag is CSS from data-tag), so a long log stays light. */
    private HTMLElement line(Entry e) {
        String cat = catName(e.category);
        String text = e.event == null ? e.text() : Narrator.line(e.event);
        HTMLElement li = dom.el("li", "log-line log-" + cat, text);
        // Its block is role=none, which would take the implicit list item role away with it.
        li.setAttribute("role", "listitem");
        li.setAttribute("data-tag", cat);
        li.setAttribute("data-seq", Integer.toString(e.seq));
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
