package org.pagewalk.web.panels;

import java.util.List;
import org.pagewalk.explain.TlbExplanation;
import org.pagewalk.explain.Words;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.Tlb;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.NextLayout;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The TLB (#tlb-view) as a table: one row per way, grouped by set. What the last action did to a
 * row (hit, fill, replaced, removed) is a data attribute that CSS turns into a pulse and a word;
 * a stale entry (the TLB disagrees with memory) is hatched, badged and explained in a sentence.
 * Clicking a row (or Enter on it) makes its page the current address and pins it in the inspector.
 * Explain under the table gives the reasoning for one row (the one the last action touched, or
 * the one picked): what it caches and why in that set, its rights, D, G and age, and if stale why.
 */
final class TlbPanel implements App.Listener {
    /** Told when a row is picked. */
    interface Pick {
        void tlb(int set, int way);
    }

    private static final int HIT = 1;
    private static final int FILL = 2;
    private static final int EVICT = 4;
    private static final int REMOVED = 8;
    /** The column of the linear page (an empty way's row says "empty" there). */
    private static final int PAGE = 3;
    /** The column of the LRU age. */
    private static final int AGE = 9;
    private static final String[] HEADS = {"", "Set", "Way", "Page", "Frame", "Size", "Rights", "G", "D", "Age"};
    /** The class of each column's cell box (static/controls.css gives each column its fixed width). */
    private static final String[] CELL_CLASSES = {"tlb-cell tlb-glyph", "tlb-cell tlb-num", "tlb-cell tlb-num", "tlb-cell tlb-addr",
        "tlb-cell tlb-addr", "tlb-cell tlb-size", "tlb-cell tlb-rights", "tlb-cell tlb-flag", "tlb-cell tlb-flag", "tlb-cell tlb-num"};
    private static final String[] HEAD_TITLES = {"what the last action did: \u2713 hit, + filled, \u21bb replaced, \u2715 removed",
        "TLB set", "way within the set", "linear page number (the tag): the address divided by 4096",
        "physical frame number: the frame's address divided by 4096", "page size", "R = read-only, W = writable; S = supervisor, U = user", "global entry",
        "dirty", "LRU rank in the set: 0 = most recent"};

    private final App app;
    private final Dom dom;
    private final Pick pick;
    private final HTMLElement geometry;
    private final HTMLElement hits;
    private final HTMLElement misses;
    private final HTMLElement evictions;
    private final HTMLElement valid;
    private final HTMLElement staleCount;
    private final HTMLElement table;
    private final HTMLElement body;
    private final HTMLElement scroll;
    /** The row to reveal is scrolled to after the browser's own layout, which a read before it would force. */
    private final NextLayout scrolled;
    private final HTMLElement emptyNote;
    private TlbGeometry shown;
    private HTMLElement[] rows = new HTMLElement[0];
    private HTMLElement[] details = new HTMLElement[0];
    /** Each row's cells (null until the row is first written), kept so that a redraw writes a cell without querying the row for it. */
    private HTMLElement[][] cells = new HTMLElement[0][];
    /**
     * What each row shows, as numbers (page, frame, flag bits, age) and its staleness sentence: a
     * row is rewritten only when one differs (comparing these costs no string per entry and action).
     */
    private int[] shownEntries = new int[0];
    private String[] shownWhy = new String[0];
    /**
     * What each row shows of the last action (0, or 1 + the index in WORDS) and the row tinted as the
     * current address's (-1: none): an action writes the rows whose mark changes, not all of them.
     */
    private int[] shownLast = new int[0];
    private int currentRow = -1;
    private int focus;
    private int generation;
    private final HTMLElement explain;
    private final HTMLElement explainSummary;
    private final HTMLElement explainText;
    /** The row Explain is about: the last action's, or the one picked since. */
    private int explained = -1;

    TlbPanel(App app, Dom dom, HTMLElement container, Pick pick) {
        this.app = app;
        this.dom = dom;
        this.pick = pick;
        container.setAttribute("aria-labelledby", "tlb-title");
        HTMLElement head = dom.add(container, "div", "panel-head");
        dom.heading(head, "TLB", "tlb-title");
        geometry = dom.add(head, "span", "panel-sub");
        geometry.setId("tlb-geometry");
        HTMLElement counters = dom.add(container, "p", "tlb-counters");
        counters.setId("tlb-counters");
        hits = counter(counters, "Hits", "tlb-hits");
        misses = counter(counters, "Misses", "tlb-misses");
        evictions = counter(counters, "Evictions", "tlb-evictions");
        valid = counter(counters, "Valid", "tlb-valid");
        staleCount = counter(counters, "Stale", "tlb-stale");
        HTMLElement legend = dom.add(container, "p", "tlb-legend");
        legend.setAttribute("aria-hidden", "true");
        dom.add(legend, "span", "legend-hit", "\u2713 hit");
        dom.add(legend, "span", "legend-fill", "+ filled");
        dom.add(legend, "span", "legend-replaced", "\u21bb replaced");
        dom.add(legend, "span", "legend-removed", "\u2715 removed");
        dom.add(legend, "span", "legend-stale", "stale");
        // Empty ways are hidden unless asked for: the valid entries, the ones worth reading, fit on the first screen.
        HTMLElement toggle = dom.add(head, "label", "tlb-empty-toggle");
        org.teavm.jso.dom.html.HTMLInputElement box = dom.add(toggle, "input", null).cast();
        box.setType("checkbox");
        box.setId("tlb-show-empty");
        dom.add(toggle, "span", null, " empty ways");
        scroll = dom.add(container, "div", "tlb-scroll");
        scrolled = new NextLayout(scroll);
        table = dom.add(scroll, "table", "tlb mono hide-empty");
        Guard.on(box, "change", e -> Dom.toggle(table, "hide-empty", !box.isChecked()));
        emptyNote = dom.add(container, "p", "tlb-empty-note", "Every way is empty: the next translation fills one.");
        emptyNote.setHidden(true);
        table.setId("tlb-table");
        // Its rows are laid out as blocks (static/controls.css), which takes a table's semantics away in
        // some browsers: the roles say it is one.
        table.setAttribute("role", "table");
        dom.add(table, "caption", "visually-hidden",
                "TLB entries, one row per way grouped by set. Arrow keys move between rows; Enter selects the row's page.");
        HTMLElement thead = dom.add(table, "thead", null);
        thead.setAttribute("role", "rowgroup");
        HTMLElement tr = dom.add(thead, "tr", null);
        tr.setAttribute("role", "row");
        for (int i = 0; i < HEADS.length; i++) {
            HTMLElement th = dom.add(tr, "th", null, HEADS[i]);
            th.setAttribute("role", "columnheader");
            th.setAttribute("scope", "col");
            th.setAttribute("title", HEAD_TITLES[i]);
            if (i == 0) {
                dom.add(th, "span", "visually-hidden", "Last action");
            }
        }
        body = dom.add(table, "tbody", null);
        body.setAttribute("role", "rowgroup");
        Guard.<MouseEvent>on(body, "click", e -> {
            HTMLElement target = e.getTarget().cast();
            int index = rowOf(target);
            if (index >= 0) {
                moveFocus(index, false);
                activate(index);
            }
        });
        Guard.<KeyboardEvent>on(body, "keydown", this::key);
        explain = dom.add(container, "details", "tlb-explain");
        explain.setId("tlb-explain");
        explain.setHidden(true);
        explainSummary = dom.add(explain, "summary", null, "Explain");
        explainText = dom.add(explain, "p", "explain-text");
        // The reasoning is written while it is open, and on the click that opens it (before the details toggles).
        Guard.on(explainSummary, "click", e -> explainRow(true));
        app.addListener(this);
    }

    private HTMLElement counter(HTMLElement parent, String label, String id) {
        HTMLElement item = dom.add(parent, "span", "counter");
        dom.add(item, "span", "counter-label", label + " ");
        HTMLElement v = dom.add(item, "span", "counter-value", "0");
        v.setId(id);
        return v;
    }

    /**
     * Writes a counter's value into its box (static/controls.css .counter-value: size and layout
     * containment, so the changed number lays out that box alone, not the panel and its table). The box
     * is as wide as the text in monospace characters, resized only when the number of characters changes.
     */
    private static void counter(HTMLElement value, String text) {
        if (text.length() != value.getTextContent().length()) {
            value.getStyle().setProperty("width", text.length() + "ch");
        }
        Dom.text(value, text);
    }

    private int rowOf(HTMLElement target) {
        HTMLElement e = target;
        while (e != null && e != body) {
            String index = e.getAttribute("data-index");
            if (index != null) {
                return Integer.parseInt(index);
            }
            org.teavm.jso.dom.xml.Node parent = e.getParentNode();
            e = parent == null ? null : parent.cast();
        }
        return -1;
    }

    private void key(KeyboardEvent e) {
        int n = rows.length;
        if (n == 0) {
            return;
        }
        int to;
        switch (e.getKey()) {
            case "ArrowDown":
                to = Math.min(n - 1, focus + 1);
                break;
            case "ArrowUp":
                to = Math.max(0, focus - 1);
                break;
            case "PageDown":
                to = Math.min(n - 1, focus + 8);
                break;
            case "PageUp":
                to = Math.max(0, focus - 8);
                break;
            case "Home":
                to = 0;
                break;
            case "End":
                to = n - 1;
                break;
            case "Enter":
            case " ":
                e.preventDefault();
                activate(focus);
                return;
            default:
                return;
        }
        e.preventDefault();
        moveFocus(to, true);
    }

    private void moveFocus(int index, boolean focusIt) {
        if (index < 0 || index >= rows.length) {
            return;
        }
        rows[focus].setTabIndex(-1);
        focus = index;
        rows[focus].setTabIndex(0);
        if (focusIt) {
            rows[focus].focus();
        }
    }

    private void activate(int index) {
        Tlb tlb = app.session().machine().tlb();
        int ways = tlb.geometry().ways();
        if (ways <= 0 || index < 0 || index >= tlb.geometry().entries()) {
            return; // a new machine with a smaller TLB, not redrawn yet
        }
        TlbEntry entry = tlb.entry(index / ways, index % ways);
        explained = index;
        if (entry.isValid()) {
            app.select(entry.linearBase());
        }
        pick.tlb(index / ways, index % ways);
        explainRow();
    }

    private void rebuild(TlbGeometry g) {
        Dom.clear(body);
        int n = g.entries();
        int ways = g.ways();
        // The set, way and age cells are as wide as the largest number they can show.
        int digits = digits(Math.max(g.sets(), ways) - 1);
        table.getStyle().setProperty("--tlb-digits", Integer.toString(digits));
        // Their share of the width, in proportion to their narrowest as the other columns' (CSS --tlb-columns).
        table.getStyle().setProperty("--tlb-num-fr", (Math.max(3, digits) * 6 + 5) + "fr");
        rows = new HTMLElement[n];
        details = new HTMLElement[n];
        cells = new HTMLElement[n][];
        // Every row starts as the template shows it: an empty way, no staleness, no last action.
        shownEntries = new int[4 * n];
        shownWhy = new String[n];
        shownLast = new int[n];
        currentRow = -1;
        focus = 0;
        HTMLElement template = emptyRow();
        HTMLElement detailTemplate = staleDetail();
        // Each way's row is a native copy of the template (one call, not 21 elements built one by one and
        // their 30 attributes set), with only what differs written: its numbers, its name and, for the first
        // way of a set, the set's border. The rows go in at once: one insertion into the page.
        org.teavm.jso.dom.xml.DocumentFragment all = dom.document().createDocumentFragment();
        for (int i = 0; i < n; i++) {
            HTMLElement tr = template.cloneNode(true).cast();
            if (i % ways == 0) {
                tr.setClassName("tlb-row empty set-start");
            }
            String set = Integer.toString(i / ways);
            String way = Integer.toString(i % ways);
            tr.setAttribute("data-index", Integer.toString(i));
            tr.setAttribute("data-set", set);
            tr.setAttribute("data-way", way);
            tr.setAttribute("aria-label", "set " + set + " way " + way + ": empty");
            // Every row names its set: with empty ways hidden, way 0 may not be shown.
            org.teavm.jso.dom.xml.Node setCell = tr.getFirstChild().getNextSibling();
            setCell.getFirstChild().setTextContent(set);
            setCell.getNextSibling().getFirstChild().setTextContent(way);
            rows[i] = tr;
            all.appendChild(tr);
            details[i] = detailTemplate.cloneNode(true).cast();
            all.appendChild(details[i]);
        }
        if (n > 0) {
            rows[0].setTabIndex(0);
        }
        body.appendChild(all);
        shown = g;
    }

    /**
     * A row as an empty way shows it (the template of every row): ten cells, each with its text in a box
     * of fixed size that lays out on its own (CSS .tlb-cell: size and layout containment), so an action
     * that changes a row's page or an age re-lays out that box, not the whole table of every way.
     */
    private HTMLElement emptyRow() {
        HTMLElement tr = dom.el("tr", "tlb-row empty");
        tr.setTabIndex(-1);
        tr.setAttribute("role", "row");
        for (int c = 0; c < HEADS.length; c++) {
            HTMLElement td = dom.add(tr, "td", null);
            td.setAttribute("role", "cell");
            dom.add(td, "span", CELL_CLASSES[c], c == PAGE ? "empty" : null);
        }
        return tr;
    }

    /** The row under a stale entry's row that says why it is stale (hidden while the entry is not). */
    private HTMLElement staleDetail() {
        HTMLElement detail = dom.el("tr", "tlb-stale-detail");
        detail.setHidden(true);
        detail.setAttribute("role", "row");
        HTMLElement td = dom.add(detail, "td", null);
        td.setAttribute("role", "cell");
        td.setAttribute("colspan", Integer.toString(HEADS.length));
        td.setAttribute("aria-colspan", Integer.toString(HEADS.length));
        dom.add(td, "span", "badge", "stale");
        dom.add(td, "span", "stale-why");
        return detail;
    }

    /** The text boxes of row {@code i}'s cells, looked up the first time the row is written (most never are). */
    private HTMLElement[] cells(int i) {
        if (cells[i] == null) {
            HTMLElement[] out = new HTMLElement[HEADS.length];
            org.teavm.jso.dom.xml.Node td = rows[i].getFirstChild();
            for (int c = 0; c < HEADS.length; c++) {
                out[c] = td.getFirstChild().cast();
                td = td.getNextSibling();
            }
            cells[i] = out;
        }
        return cells[i];
    }

    private static final String[] WORDS = {"hit", "filled", "replaced", "removed"};
    private static final String[] GLYPHS = {"\u2713", "+", "\u21bb", "\u2715"};

    /** Decimal digits of {@code n} (at least 1). */
    static int digits(int n) {
        return Integer.toString(Math.max(0, n)).length();
    }

    /** A row shows its entry as it was (nothing to write). */
    private static final int SAME = 0;
    /** Only the entry's LRU age changed (every access ages the other ways of its set): one cell to write. */
    private static final int AGE_ONLY = 1;
    private static final int CHANGED = 2;

    /** What differs between row {@code i} as shown and entry {@code e} with staleness {@code why}; remembers them as shown. */
    private int changeOf(int i, TlbEntry e, String why) {
        boolean valid = e.isValid();
        int page = valid ? e.linearBase() : 0;
        int frame = valid ? e.frame() : 0;
        int bits = valid ? 1 | (e.isLargePage() ? 2 : 0) | (e.isUser() ? 4 : 0) | (e.isWritable() ? 8 : 0)
                | (e.isDirty() ? 16 : 0) | (e.isGlobal() ? 32 : 0) : 0;
        int age = valid ? e.age() : 0;
        int k = 4 * i;
        boolean rest = shownEntries[k] == page && shownEntries[k + 1] == frame && shownEntries[k + 2] == bits
                && java.util.Objects.equals(shownWhy[i], why);
        int change = !rest ? CHANGED : shownEntries[k + 3] != age ? AGE_ONLY : SAME;
        shownEntries[k] = page;
        shownEntries[k + 1] = frame;
        shownEntries[k + 2] = bits;
        shownEntries[k + 3] = age;
        shownWhy[i] = why;
        return change;
    }

    @Override
    public void changed(App app, int what) {
        if ((what & (App.MACHINE | App.SELECTION)) == 0) {
            return;
        }
        Machine m = app.session().machine();
        Tlb tlb = m.tlb();
        TlbGeometry g = tlb.geometry();
        if (shown == null || !shown.equals(g)) {
            rebuild(g);
        }
        int ways = g.ways();
        int n = g.entries();
        Dom.text(geometry, g.entries() + " entries \u00b7 " + (ways == n ? "fully associative" : ways + "-way")
                + " \u00b7 " + g.sets() + (g.sets() == 1 ? " set" : " sets"));
        int[] last = new int[n];
        if ((what & App.MACHINE) != 0) {
            generation++;
            lastAction(app.lastEvents(), last, ways, n);
        }
        int current = app.currentAddress();
        int currentIndex = tlb.lookup(current);
        int show = -1;
        int stale = 0;
        for (int i = 0; i < n; i++) {
            TlbEntry e = tlb.entry(i / ways, i % ways);
            String why = e.isValid() ? Words.staleness(m.staleness(i / ways, i % ways)) : null;
            if (why != null) {
                stale++;
            }
            int change = changeOf(i, e, why);
            if (change == CHANGED) {
                draw(i, e, why);
            } else if (change == AGE_ONLY) {
                Dom.text(cells(i)[AGE], Integer.toString(e.age()));
            }
            if ((what & App.MACHINE) != 0) {
                mark(i, last[i], e.isValid());
                if (last[i] != 0 && (show < 0 || i == currentIndex)) {
                    show = i;
                }
            }
        }
        if (currentIndex != currentRow) {
            if (currentRow >= 0) {
                Dom.toggle(rows[currentRow], "current", false);
            }
            if (currentIndex >= 0 && currentIndex < n) {
                Dom.toggle(rows[currentIndex], "current", true);
            }
            currentRow = currentIndex;
        }
        if (show < 0 && (what & App.SELECTION) != 0) {
            show = currentIndex;
        }
        if (show >= 0) {
            int row = show;
            scrolled.then(() -> {
                if (row < rows.length) {
                    reveal(row);
                }
            });
        }
        if ((what & App.MACHINE) != 0) {
            // Explain follows the row the last translation used or filled.
            for (TraceEvent ev : app.lastEvents()) {
                if ((ev.kind() == EventKind.TLB_HIT || ev.kind() == EventKind.TLB_FILL) && ev.set() * ways + ev.way() < n) {
                    explained = ev.set() * ways + ev.way();
                }
            }
        }
        explainRow();
        counter(hits, Dom.count(tlb.hits()));
        counter(misses, Dom.count(tlb.misses()));
        counter(evictions, Dom.count(tlb.evictions()));
        counter(valid, tlb.validEntries() + " / " + n);
        Dom.hide(emptyNote, tlb.validEntries() > 0);
        counter(staleCount, Integer.toString(stale));
        Dom.toggle(staleCount.getParentNode().cast(), "has-stale", stale > 0);
    }

    private void explainRow() {
        explainRow(explain.hasAttribute("open"));
    }

    /**
     * Explain for the row {@link #explained}: its summary, and with {@code text} the reasoning, with
     * what the last action did to the row and its staleness now (closed, no action pays for its words).
     */
    private void explainRow(boolean text) {
        Machine m = app.session().machine();
        TlbGeometry g = m.tlb().geometry();
        if (explained < 0 || explained >= rows.length || g.ways() <= 0 || explained >= g.entries()) {
            Dom.hide(explain, true);
            return;
        }
        int set = explained / g.ways();
        int way = explained % g.ways();
        Dom.text(explainSummary, "Explain set " + set + ", way " + way);
        if (text) {
            TlbEntry e = m.tlb().entry(set, way);
            String stale = e.isValid() ? Words.staleness(m.staleness(set, way)) : null;
            Dom.text(explainText, TlbExplanation.row(e, g, rows[explained].getAttribute("data-last"), stale));
        }
        Dom.hide(explain, false);
    }

    /** Scrolls the table (not the page) so that row {@code i} and its stale sentence are in view. */
    private void reveal(int i) {
        HTMLElement row = rows[i];
        int head = 24;
        int top = row.getOffsetTop();
        int bottom = top + row.getOffsetHeight() + (details[i].isHidden() ? 0 : details[i].getOffsetHeight());
        int view = scroll.getClientHeight();
        if (top - head < scroll.getScrollTop()) {
            scroll.setScrollTop(Math.max(0, top - head - 4));
        } else if (bottom > scroll.getScrollTop() + view) {
            scroll.setScrollTop(Math.max(0, bottom - view + 4));
        }
    }

    private static void lastAction(List<TraceEvent> events, int[] last, int ways, int n) {
        for (TraceEvent ev : events) {
            int index;
            int flag;
            if (ev.kind() == EventKind.TLB_HIT) {
                index = ev.set() * ways + ev.way();
                flag = HIT;
            } else if (ev.kind() == EventKind.TLB_FILL) {
                index = ev.set() * ways + ev.way();
                flag = FILL;
            } else if (ev.kind() == EventKind.TLB_EVICT) {
                index = ev.set() * ways + ev.way();
                flag = EVICT;
            } else if (ev.kind() == EventKind.TLB_INVALIDATE) {
                index = ev.set() * ways + ev.way();
                flag = REMOVED;
            } else {
                continue;
            }
            if (index >= 0 && index < n) {
                last[index] |= flag;
            }
        }
    }

    /** What the last action did to row {@code i}, for CSS: hit, filled, replaced (evicted then filled), removed. */
    private void mark(int i, int flags, boolean valid) {
        int word;
        if (flags == 0) {
            word = -1;
        } else if (!valid) {
            word = (flags & REMOVED) != 0 ? 3 : -1;
        } else if ((flags & EVICT) != 0) {
            word = 2;
        } else if ((flags & FILL) != 0) {
            word = 1;
        } else if ((flags & HIT) != 0) {
            word = 0;
        } else {
            word = -1;
        }
        if (word < 0 && shownLast[i] == 0) {
            return; // nothing to take away: most rows, most actions
        }
        shownLast[i] = word + 1;
        HTMLElement row = rows[i];
        // The glyph is the cell's text, not CSS content: a pseudo-element's content changing rebuilds its box
        // in the table, which then lays out every row.
        Dom.text(cells(i)[0], word < 0 ? "" : GLYPHS[word]);
        if (word < 0) {
            row.removeAttribute("data-last");
            row.removeAttribute("data-pulse");
        } else {
            row.setAttribute("data-last", WORDS[word]);
            // Two animation names, alternated, so the same row pulses again on the next action.
            row.setAttribute("data-pulse", (generation & 1) == 0 ? "a" : "b");
        }
    }

    private void draw(int i, TlbEntry e, String why) {
        HTMLElement row = rows[i];
        HTMLElement[] cells = cells(i);
        String[] text = new String[HEADS.length];
        text[0] = "";
        // Every row names its set: with empty ways hidden, way 0 may not be shown.
        text[1] = Integer.toString(e.set());
        text[2] = Integer.toString(e.way());
        if (e.isValid()) {
            // Addresses as 0x + 8 digits, like every other view (UI.md): the page's base and the frame's.
            text[3] = Hex.hex32(e.linearBase());
            text[4] = Hex.hex32(e.frame());
            text[5] = e.isLargePage() ? "4M" : "4K";
            text[6] = (e.isWritable() ? "W" : "R") + " " + (e.isUser() ? "U" : "S");
            text[7] = e.isGlobal() ? "G" : "\u00b7";
            text[8] = e.isDirty() ? "D" : "\u00b7";
            text[AGE] = Integer.toString(e.age());
        } else {
            text[3] = "empty";
            for (int c = 4; c < HEADS.length; c++) {
                text[c] = "";
            }
        }
        for (int c = 1; c < HEADS.length; c++) {
            Dom.text(cells[c], text[c]);
        }
        ((HTMLElement) cells[6].getParentNode().cast()).setAttribute("title", e.isValid() ? (e.isWritable() ? "writable" : "read-only") + ", "
                + (e.isUser() ? "user" : "supervisor") : "");
        Dom.toggle(row, "empty", !e.isValid());
        Dom.toggle(row, "stale", why != null);
        row.setAttribute("aria-label", e.isValid() ? "set " + e.set() + " way " + e.way() + ": page " + Hex.hex32(e.linearBase())
                + " to frame " + Hex.hex32(e.frame()) + (why != null ? ", stale" : "") : "set " + e.set() + " way " + e.way() + ": empty");
        HTMLElement detail = details[i];
        Dom.hide(detail, why == null);
        if (why != null) {
            Dom.text(detail.querySelector(".stale-why"), why + ".");
        }
    }
}
