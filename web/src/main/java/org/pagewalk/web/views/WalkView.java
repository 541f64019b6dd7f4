package org.pagewalk.web.views;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Words;
import org.pagewalk.inspect.WalkNarration;
import org.pagewalk.inspect.WalkPreview;
import org.pagewalk.inspect.WalkStep;
import org.pagewalk.machine.Access;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The walk: four stations, CR3 → directory → table → frame, left to right, with the entry read
 * at each, a highlight that moves step by step, and the sentence of each step under it (and in
 * the page's polite live region). The steps are the core's narration of the trace
 * ({@link WalkNarration}) when the last action translated an address, or a side-effect-free
 * {@link WalkPreview} of the current address otherwise. A TLB hit is an arrow from the address
 * straight to the frame; a fault is red, with ✕, the error code's bits and CR2.
 */
final class WalkView extends CanvasView {
    private static final int[] STEP_MS = {1800, 900, 450, 225};
    private static final String[] SPEED_TEXT = {"½×", "1×", "2×", "4×"};
    /** Highlight targets besides the stations. */
    private static final int ADDRESS = 10;
    private static final int TLB_BAR = 11;

    private final HTMLElement mode;
    private final HTMLElement sentence;
    private final HTMLElement list;
    private final HTMLElement narration;
    private final HTMLElement first;
    private final HTMLElement back;
    private final HTMLElement play;
    private final HTMLElement forward;
    private final HTMLElement last;
    private final HTMLElement speed;

    private final List<HTMLElement> items = new ArrayList<>();
    private List<TraceEvent> seenEvents;
    private List<WalkStep> steps = new ArrayList<>();
    private boolean preview = true;
    private int linear;
    private int access;
    private int index;
    private boolean playing;
    private int speedIndex = 1;
    private double stepStart;
    private boolean frameRequested;
    /** The highlight's animation: from one rectangle to another (CSS px). */
    private final double[] from = new double[4];
    private final double[] to = new double[4];
    private double tweenStart = -1;
    private int tweenMs;
    /** Inside {@link #update}: the coordinator draws next, so showing a step does not draw. */
    private boolean updating;

    WalkView(App app, Dom dom, HTMLElement root, Palette palette) {
        super(app, dom, root, palette);
        title("Walk");
        mode = dom.add(root, dom.el("p", "walk-mode"));
        mode.setId("walk-mode");
        root.appendChild(box);
        canvas.setId("walk-canvas");
        sentence = dom.add(root, dom.el("p", "walk-sentence"));
        sentence.setId("walk-sentence");
        HTMLElement bar = dom.add(root, dom.el("div", "walk-controls"));
        bar.setAttribute("role", "toolbar");
        bar.setAttribute("aria-label", "Walk playback");
        first = dom.add(bar, dom.button("First", "walk-first", "First step"));
        back = dom.add(bar, dom.button("◀ Back", "walk-back", "Step back"));
        play = dom.add(bar, dom.button("▶ Play", "walk-play", null));
        forward = dom.add(bar, dom.button("Step ▶", "walk-step", "Step forward"));
        last = dom.add(bar, dom.button("Last", "walk-last", "Last step"));
        speed = dom.add(bar, dom.button("Speed 1×", "walk-speed", null));
        list = dom.add(root, dom.el("ol", "walk-steps"));
        list.setId("walk-steps");
        list.setAttribute("aria-label", "Every step of this walk");
        // It scrolls inside itself: a Tab stop, so the keyboard can scroll it too.
        list.setTabIndex(0);
        HTMLElement live = dom.byId("narration");
        narration = live;
        Guard.on(first, "click", e -> jump(0, true));
        Guard.on(back, "click", e -> jump(index - 1, true));
        Guard.on(forward, "click", e -> jump(index + 1, true));
        Guard.on(last, "click", e -> jump(steps.size() - 1, true));
        Guard.on(play, "click", e -> togglePlay());
        Guard.on(speed, "click", e -> {
            speedIndex = (speedIndex + 1) % STEP_MS.length;
            showControls();
        });
    }

    @Override
    int heightFor(int w) {
        return 150;
    }

    // ---- Model ----------------------------------------------------------------------------

    @Override
    void update(int what) {
        // Views draws every updated view right after: showing the step must not draw it a first time.
        updating = true;
        try {
            updateSteps(what);
        } finally {
            updating = false;
        }
    }

    private void updateSteps(int what) {
        List<TraceEvent> events = app.lastEvents();
        if (events != seenEvents) {
            seenEvents = events;
            // The app made the walk's address the current one when it set these events (one selection).
            List<WalkStep> walked = app.lastWalk();
            if (!walked.isEmpty()) {
                show(walked, false);
                return;
            }
            showPreview();
            return;
        }
        if ((what & App.SELECTION) != 0 && (preview || linear != app.currentAddress())) {
            showPreview();
        } else if ((what & App.MACHINE) != 0 && preview) {
            showPreview();
        }
    }

    private void showPreview() {
        int address = app.currentAddress();
        int as = app.previewAccess();
        List<WalkStep> s = WalkPreview.of(app.session().machine(), address, as);
        linear = address;
        access = as;
        preview = true;
        steps = s;
        playing = false;
        index = Math.max(0, s.size() - 1);
        tweenStart = -1;
        Dom.text(mode, "Preview, changes nothing: what a " + Words.access(as) + " of " + Hex.hex32(address)
                + " would do now.");
        rebuildList();
        showStep(false);
    }

    private void show(List<WalkStep> s, boolean isPreview) {
        steps = s;
        preview = isPreview;
        WalkStep start = s.get(0);
        linear = start.station() == WalkStep.CR3 ? start.address() : app.currentAddress();
        access = start.station() == WalkStep.CR3 ? start.value() : Access.KERNEL_READ;
        Dom.text(mode, "Last access: " + Words.access(access) + " of " + Hex.hex32(linear) + ".");
        rebuildList();
        index = 0;
        tweenStart = -1;
        if (dom.reducedMotion()) {
            // Calm: the whole walk at once; step or play to go through it.
            playing = false;
            index = s.size() - 1;
            showStep(true);
        } else {
            playing = s.size() > 1;
            stepStart = Js.now();
            showStep(true);
            requestFrame();
        }
    }

    /**
     * The list of steps, reusing its items: an action's walk usually has as many steps as the last
     * one, and replacing every item made the page lay them out again.
     */
    private void rebuildList() {
        while (items.size() > steps.size()) {
            list.removeChild(items.remove(items.size() - 1));
        }
        for (int i = 0; i < steps.size(); i++) {
            String className = "walk-step-item station-" + stationClass(steps.get(i).station());
            if (i < items.size()) {
                HTMLElement li = items.get(i);
                // The class without "current" (showStep sets that): only a changed station rewrites it.
                String now = li.getClassName();
                if (!now.equals(className) && !now.equals(className + " current")) {
                    li.setClassName(className);
                }
                Dom.text(li, steps.get(i).sentence());
                continue;
            }
            int at = i;
            HTMLElement li = dom.el("li", className, steps.get(i).sentence());
            Guard.on(li, "click", e -> jump(at, true));
            list.appendChild(li);
            items.add(li);
        }
        Dom.attr(root, "data-steps", Integer.toString(steps.size()));
        Dom.attr(root, "data-mode", preview ? "preview" : "access");
    }

    private static String stationClass(int station) {
        switch (station) {
            case WalkStep.CR3:
                return "cr3";
            case WalkStep.DIRECTORY:
                return "directory";
            case WalkStep.TABLE:
                return "table";
            case WalkStep.FRAME:
                return "frame";
            case WalkStep.TLB:
                return "tlb";
            default:
                return "fault";
        }
    }

    // ---- Playback -------------------------------------------------------------------------

    /** Shows the step of the walk for a station (the address split's D / T / F). */
    void showStation(int station) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).station() == station) {
                playing = false;
                jump(i, true);
                return;
            }
        }
        // No such step (a TLB hit, a 4 MiB page, a fault before it): the last step explains why.
        playing = false;
        jump(steps.size() - 1, true);
    }

    private void jump(int to, boolean announce) {
        if (steps.isEmpty()) {
            return;
        }
        int target = Math.max(0, Math.min(steps.size() - 1, to));
        if (target == index && !announce) {
            return;
        }
        index = target;
        if (index == steps.size() - 1) {
            playing = false;
        }
        stepStart = Js.now();
        showStep(announce);
        requestFrame();
    }

    private void togglePlay() {
        if (steps.size() < 2) {
            return;
        }
        if (playing) {
            playing = false;
        } else {
            if (index >= steps.size() - 1) {
                index = 0;
                tweenStart = -1;
                showStep(true);
            }
            playing = true;
            stepStart = Js.now();
            requestFrame();
        }
        showControls();
    }

    private void showStep(boolean announce) {
        double[] target = highlightRect(index);
        if (tweenStart < 0 || dom.reducedMotion() || cssWidth == 0) {
            System.arraycopy(target, 0, from, 0, 4);
            System.arraycopy(target, 0, to, 0, 4);
            tweenStart = 0;
            tweenMs = 0;
        } else {
            double[] now = currentRect(Js.now());
            System.arraycopy(now, 0, from, 0, 4);
            System.arraycopy(target, 0, to, 0, 4);
            tweenStart = Js.now();
            tweenMs = Math.min(320, STEP_MS[speedIndex] / 2);
        }
        String text = steps.isEmpty() ? "" : steps.get(index).sentence();
        Dom.text(sentence, text);
        sentence.setClassName(steps.isEmpty() || steps.get(index).station() != WalkStep.FAULT ? "walk-sentence"
                : "walk-sentence is-fault");
        for (int i = 0; i < items.size(); i++) {
            // Only a change is written: a class or attribute set again still invalidates the item's style.
            HTMLElement li = items.get(i);
            Dom.toggle(li, "current", i == index);
            Dom.attr(li, "aria-current", i == index ? "step" : null);
        }
        if (announce && narration != null) {
            Dom.text(narration, "Step " + (index + 1) + " of " + steps.size() + ": " + text);
        }
        Dom.attr(root, "data-step", Integer.toString(index));
        showControls();
        label(describe());
        if (!updating) {
            draw();
        }
    }

    private void showControls() {
        boolean many = steps.size() > 1;
        setDisabled(first, !many || index == 0);
        setDisabled(back, !many || index == 0);
        setDisabled(forward, !many || index >= steps.size() - 1);
        setDisabled(last, !many || index >= steps.size() - 1);
        setDisabled(play, !many);
        Dom.text(play, playing ? "❚❚ Pause" : "▶ Play");
        Dom.attr(play, "aria-pressed", playing ? "true" : "false");
        Dom.text(speed, "Speed " + SPEED_TEXT[speedIndex]);
        Dom.attr(speed, "aria-label", "Playback speed " + SPEED_TEXT[speedIndex] + ", press to change");
        Dom.attr(root, "data-playing", playing ? "1" : "0");
    }

    private static void setDisabled(HTMLElement button, boolean disabled) {
        Dom.attr(button, "disabled", disabled ? "" : null);
    }

    private void requestFrame() {
        if (!frameRequested) {
            frameRequested = true;
            Guard.frame(t -> tick());
        }
    }

    private void tick() {
        frameRequested = false;
        double now = Js.now();
        if (playing && now - stepStart >= STEP_MS[speedIndex]) {
            index++;
            stepStart = now;
            if (index >= steps.size() - 1) {
                index = steps.size() - 1;
                playing = false;
            }
            showStep(true);
        } else {
            draw();
        }
        if (playing || (tweenMs > 0 && now - tweenStart < tweenMs)) {
            requestFrame();
        }
    }

    // ---- Geometry -------------------------------------------------------------------------

    /** Narrow boxes (phones, a 320 px frame) close the gaps between stations, so addresses keep 12 px text. */
    private double gap() {
        return cssWidth < 360 ? 6.0 : cssWidth < 480 ? 10.0 : 22.0;
    }

    /**
     * A 32-bit number in a station or chip: "0x" and 8 hex digits, or only the 8 digits where a
     * column is too narrow for both at 12 px (a 320 px frame); the list of steps gives the full form.
     */
    private String number(int value) {
        return colWidth() < 84 ? Hex.hex32(value).substring(2) : Hex.hex32(value);
    }

    private double colWidth() {
        return (cssWidth - 3 * gap()) / 4;
    }

    private double colX(int col) {
        return col * (colWidth() + gap());
    }

    private static final double CHIP_Y = 4;
    private static final double CHIP_H = 24;
    private static final double STATION_Y = 44;
    private static final double STATION_H = 58;
    private static final double BAR_Y = 114;
    private static final double BAR_H = 30;

    private double[] highlightRect(int step) {
        if (steps.isEmpty()) {
            return new double[] {0, 0, 0, 0};
        }
        WalkStep s = steps.get(step);
        int target;
        if (step == 0 && s.station() == WalkStep.CR3 && steps.size() > 1) {
            target = ADDRESS;
        } else if (s.station() == WalkStep.TLB || s.station() == WalkStep.FAULT) {
            target = TLB_BAR;
        } else {
            target = s.station();
        }
        if (target == ADDRESS) {
            return new double[] {0, CHIP_Y, cssWidth, CHIP_H};
        }
        if (target == TLB_BAR) {
            return new double[] {0, BAR_Y, cssWidth, BAR_H};
        }
        return new double[] {colX(target), STATION_Y, colWidth(), STATION_H};
    }

    private double[] currentRect(double now) {
        if (tweenMs <= 0 || now - tweenStart >= tweenMs) {
            return new double[] {to[0], to[1], to[2], to[3]};
        }
        double t = (now - tweenStart) / tweenMs;
        double e = t * t * (3 - 2 * t);
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            r[i] = from[i] + (to[i] - from[i]) * e;
        }
        return r;
    }

    // ---- What the steps up to the current one say ------------------------------------------

    /** The latest step at or before the current one for a station, or null. */
    private WalkStep reached(int station) {
        WalkStep found = null;
        for (int i = 0; i <= index && i < steps.size(); i++) {
            WalkStep s = steps.get(i);
            if (s.station() == station && !(i == 0 && station == WalkStep.CR3 && steps.size() > 1)) {
                found = s;
            }
        }
        return found;
    }

    private boolean isHit() {
        for (WalkStep s : steps) {
            if (s.isTlbHit()) {
                return true;
            }
        }
        return false;
    }

    private WalkStep lastOf(int station) {
        WalkStep found = null;
        for (WalkStep s : steps) {
            if (s.station() == station) {
                found = s;
            }
        }
        return found;
    }

    private String describe() {
        if (steps.isEmpty()) {
            return "Walk: nothing to show.";
        }
        WalkStep end = steps.get(steps.size() - 1);
        String result = end.station() == WalkStep.FAULT ? "a page fault" : end.station() == WalkStep.FRAME
                ? "physical " + Hex.hex32(end.address()) : "no result yet";
        return (preview ? "Walk preview" : "Walk") + " of " + Hex.hex32(linear) + (isHit() ? " through the TLB (hit)" : "")
                + ": " + result + ". Showing step " + (index + 1) + " of " + steps.size() + ".";
    }

    /** A new width moves the stations: the highlight jumps to where its station now is (no tween from the old place). */
    @Override
    boolean layout() {
        boolean changed = super.layout();
        if (changed && !steps.isEmpty()) {
            double[] target = highlightRect(index);
            System.arraycopy(target, 0, from, 0, 4);
            System.arraycopy(target, 0, to, 0, 4);
            tweenMs = 0;
        }
        return changed;
    }

    // ---- Drawing --------------------------------------------------------------------------

    @Override
    void draw() {
        if (width == 0) {
            return;
        }
        cssUnits();
        Palette p = palette;
        fill(p.surface);
        g.fillRect(0, 0, cssWidth, cssHeight);
        if (steps.isEmpty()) {
            font(13, false, false);
            fill(p.textMuted);
            g.setTextAlign("left");
            g.setTextBaseline("middle");
            g.fillText("No walk to show.", 8, cssHeight / 2.0);
            return;
        }
        boolean hit = isHit();
        WalkStep end = steps.get(steps.size() - 1);
        boolean faulted = end.station() == WalkStep.FAULT;
        boolean atEnd = index == steps.size() - 1;
        WalkStep dir = reached(WalkStep.DIRECTORY);
        WalkStep table = reached(WalkStep.TABLE);
        WalkStep frame = reached(WalkStep.FRAME);
        WalkStep cr3 = reached(WalkStep.CR3);
        boolean pagingOff = steps.size() == 1 && end.station() == WalkStep.FRAME;
        boolean large = !hit && !faulted && lastOf(WalkStep.FRAME) != null && lastOf(WalkStep.TABLE) == null
                && lastOf(WalkStep.DIRECTORY) != null;
        int failedStation = -1;
        if (faulted) {
            failedStation = lastOf(WalkStep.TABLE) != null ? WalkStep.TABLE : WalkStep.DIRECTORY;
        }

        drawChips(p, hit || pagingOff);
        double cw = colWidth();
        // Arrows between the stations, lit once the walk has passed them.
        for (int c = 0; c < 3; c++) {
            boolean lit = !hit && !pagingOff && stationReached(c + 1, dir, table, frame, faulted && atEnd);
            arrow(colX(c) + cw + 2, STATION_Y + STATION_H / 2, colX(c + 1) - 3, STATION_Y + STATION_H / 2,
                    lit ? p.text : p.border, lit ? 1.6 : 1);
        }
        boolean bypassed = pagingOff || hit;
        String pde = "PDE " + (linear >>> 22);
        String pte = "PTE " + ((linear >>> 12) & 0x3FF);
        station(0, "CR3", cr3 != null ? number(cr3.address()) : bypassed ? "not read" : "…",
                cr3 != null ? "directory" : null, p.accent, cr3 != null, bypassed, false);
        station(1, "D  directory", bypassed ? "not read" : pde, dir != null ? number(dir.value()) : null, p.directory,
                dir != null, bypassed, failedStation == WalkStep.DIRECTORY && atEnd);
        boolean noTable = large && frame != null;
        boolean stoppedBefore = faulted && atEnd && failedStation == WalkStep.DIRECTORY;
        station(2, "T  table", bypassed || stoppedBefore ? "not read" : noTable ? "4 MiB page" : pte,
                table != null ? number(table.value()) : noTable ? "no table" : null, p.table, table != null,
                bypassed || noTable || stoppedBefore, failedStation == WalkStep.TABLE && atEnd);
        if (faulted && atEnd) {
            station(3, "F  frame", "✕ none", "page fault", p.fault, true, false, true);
        } else {
            station(3, "F  frame", frame != null ? number(frame.address()) : "…", frame != null ? "physical" : null,
                    p.frame, frame != null, false, false);
        }
        if (hit) {
            hitArrow(p, frame != null);
        }
        drawBar(p, hit, faulted && atEnd, end);
        // The moving highlight.
        double[] r = currentRect(Js.now());
        stroke(faulted && atEnd ? p.fault : p.focus);
        g.setLineWidth(2.5);
        roundRect(r[0] + 1.25, r[1] + 1.25 - (r[1] == CHIP_Y ? 2 : 0), r[2] - 2.5, r[3] - 2.5 + (r[1] == CHIP_Y ? 2 : 0), 7);
        g.stroke();
    }

    private static boolean stationReached(int station, WalkStep dir, WalkStep table, WalkStep frame, boolean faulted) {
        switch (station) {
            case 1:
                return dir != null;
            case 2:
                return table != null;
            default:
                return frame != null && !faulted;
        }
    }

    /** The address as chips aligned over the stations: the linear address, then D, T and F. */
    private void drawChips(Palette p, boolean bypassed) {
        double cw = colWidth();
        g.setTextBaseline("middle");
        g.setTextAlign("center");
        int fontPx = 12;
        font(fontPx, true, true);
        fill(p.raised);
        roundRect(colX(0), CHIP_Y, cw, CHIP_H, 5);
        g.fill();
        stroke(p.border);
        g.setLineWidth(1);
        g.stroke();
        fill(p.text);
        g.fillText(number(linear), colX(0) + cw / 2, CHIP_Y + CHIP_H / 2 + 0.5);
        int[] colors = {p.directory, p.table, p.frame};
        // Short labels where "F offset 0x000" would not fit its chip at 12 px.
        boolean brief = cw < 115;
        String[] text = {(brief ? "D " : "D index ") + (linear >>> 22), (brief ? "T " : "T index ") + ((linear >>> 12) & 0x3FF),
            (brief ? "F " : "F offset ") + Hex.hex(linear & 0xFFF, 3)};
        for (int i = 0; i < 3; i++) {
            double x = colX(i + 1);
            fill(p.tint(colors[i], 16));
            roundRect(x, CHIP_Y, cw, CHIP_H, 5);
            g.fill();
            stroke(colors[i]);
            g.setLineWidth(1);
            g.stroke();
            fill(p.dark ? colors[i] : Colors.mix(colors[i], p.text, 25));
            g.fillText(text[i], x + cw / 2, CHIP_Y + CHIP_H / 2 + 0.5);
            if (bypassed && i < 2) {
                continue;
            }
            // The index feeds its station's lookup.
            stroke(colors[i]);
            g.setLineWidth(1);
            g.setLineDash(Js.dash(2, 2));
            g.beginPath();
            g.moveTo(x + cw / 2, CHIP_Y + CHIP_H);
            g.lineTo(x + cw / 2, STATION_Y);
            g.stroke();
            g.setLineDash(Js.solid());
        }
    }

    private void station(int col, String title, String main, String sub, int color, boolean reached, boolean skipped,
                         boolean failed) {
        Palette p = palette;
        double x = colX(col);
        double cw = colWidth();
        int edge = failed ? p.fault : skipped ? p.border : color;
        fill(failed ? p.tint(p.fault, 14) : reached ? p.tint(color, 14) : p.raised);
        roundRect(x, STATION_Y, cw, STATION_H, 7);
        g.fill();
        stroke(edge);
        g.setLineWidth(reached || failed ? 1.6 : 1);
        if (skipped) {
            g.setLineDash(Js.dash(4, 3));
        }
        g.stroke();
        g.setLineDash(Js.solid());
        g.setTextAlign("left");
        g.setTextBaseline("middle");
        font(12, true, false);
        fill(skipped ? p.textMuted : p.dark ? color : Colors.mix(color, p.text, 25));
        g.fillText(cw < 100 && title.length() > 3 ? title.substring(0, 1) : title, x + 5, STATION_Y + 11);
        if (failed) {
            font(14, true, false);
            fill(p.fault);
            g.setTextAlign("right");
            g.fillText("✕", x + cw - 6, STATION_Y + 11);
            g.setTextAlign("left");
        }
        int monoPx = fitFont(main, cw - 10, 13, true);
        fill(skipped ? p.textMuted : p.text);
        g.fillText(main, x + 5, STATION_Y + 29);
        if (sub != null) {
            fitFont(sub, cw - 10, monoPx, false);
            fill(p.textMuted);
            g.fillText(sub, x + 5, STATION_Y + 46);
        }
    }

    /** Sets the largest mono font (down to 12 px: never smaller text) at which {@code text} fits {@code width}; returns its size. */
    private int fitFont(String text, double width, int px, boolean bold) {
        int size = px;
        font(size, bold, true);
        while (size > 12 && g.measureText(text).getWidth() > width) {
            size--;
            font(size, bold, true);
        }
        return size;
    }

    /** The TLB short-cut: an arrow from the address straight down and across to the frame, over the skipped walk. */
    private void hitArrow(Palette p, boolean arrived) {
        double ax = colX(0) + colWidth() / 2;
        double fx = colX(3) + colWidth() / 2;
        double y = (CHIP_Y + CHIP_H + STATION_Y) / 2;
        stroke(p.table);
        g.setLineWidth(2);
        g.beginPath();
        g.moveTo(ax, CHIP_Y + CHIP_H);
        g.lineTo(ax, y);
        g.lineTo(fx, y);
        g.lineTo(fx, STATION_Y - 5);
        g.stroke();
        if (arrived) {
            arrowHead(fx, STATION_Y - 1, 0, 1, p.table);
        }
        font(12, true, false);
        String t = "TLB hit";
        double w = g.measureText(t).getWidth() + 10;
        double mx = (colX(1) + colX(3) + colWidth()) / 2;
        fill(p.table);
        roundRect(mx - w / 2, y - 8, w, 16, 8);
        g.fill();
        fill(p.textOn(p.table));
        g.setTextAlign("center");
        g.setTextBaseline("middle");
        g.fillText(t, mx, y + 0.5);
    }

    private void drawBar(Palette p, boolean hit, boolean fault, WalkStep end) {
        double y = BAR_Y;
        g.setTextBaseline("middle");
        g.setTextAlign("left");
        if (fault) {
            fill(p.tint(p.fault, 14));
            roundRect(0, y, cssWidth, BAR_H, 6);
            g.fill();
            stroke(p.fault);
            g.setLineWidth(1.5);
            g.stroke();
            int code = end.value();
            font(12, true, false);
            fill(p.dark ? p.fault : Colors.mix(p.fault, p.text, 30));
            String head = "✕ #PF code " + Hex.hex(code, 1);
            g.fillText(head, 8, y + BAR_H / 2);
            double x = 8 + g.measureText(head).getWidth() + 10;
            String[] names = {"P", "W/R", "U/S", "RSVD"};
            font(12, true, true);
            for (int i = 0; i < 4; i++) {
                int bit = (code >>> i) & 1;
                String t = names[i] + "=" + bit;
                double w = g.measureText(t).getWidth() + 10;
                if (x + w > cssWidth) {
                    break; // a narrow box: the code above gives every bit
                }
                fill(bit == 1 ? p.fault : p.raised);
                roundRect(x, y + 6, w, BAR_H - 12, 4);
                g.fill();
                stroke(p.fault);
                g.setLineWidth(1);
                g.stroke();
                fill(bit == 1 ? p.textOn(p.fault) : p.text);
                g.fillText(t, x + 5, y + BAR_H / 2 + 0.5);
                x += w + 4;
            }
            font(12, true, true);
            fill(p.text);
            String cr2 = "CR2=" + Hex.hex32(end.address());
            if (x + g.measureText(cr2).getWidth() + 8 < cssWidth) {
                g.fillText(cr2, x + 4, y + BAR_H / 2 + 0.5);
            }
            return;
        }
        fill(p.raised);
        roundRect(0, y, cssWidth, BAR_H, 6);
        g.fill();
        stroke(p.border);
        g.setLineWidth(1);
        g.stroke();
        font(12, true, false);
        fill(p.textMuted);
        g.fillText("TLB", 8, y + BAR_H / 2);
        font(12, false, false);
        fill(p.text);
        String text = tlbText(hit);
        // In a narrow box the word before the colon ("hit", "miss", "filled") is the whole of it.
        if (g.measureText(text).getWidth() > cssWidth - 48 && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':'));
        }
        g.fillText(text, 40, y + BAR_H / 2);
    }

    private String tlbText(boolean hit) {
        if (steps.size() == 1) {
            return "not used: paging is off";
        }
        String text = hit ? "hit: the CPU skips the walk" : "…";
        for (int i = 0; i <= index && i < steps.size(); i++) {
            WalkStep s = steps.get(i);
            if (s.station() != WalkStep.TLB) {
                continue;
            }
            String t = s.sentence();
            if (t.startsWith("TLB hit")) {
                text = "hit: the CPU skips the walk, no entry read";
            } else if (t.startsWith("TLB miss")) {
                text = "miss: walk the tables in memory";
            } else if (t.startsWith("The translation is cached")) {
                text = "filled: the next access to this page hits";
            } else if (t.startsWith("The set was full")) {
                text = "full: the least recently used entry is evicted";
            } else if (t.startsWith("The fault removes")) {
                text = "the fault removes this page's entry";
            } else {
                text = "entry dropped: walk again";
            }
        }
        return text;
    }

    private void arrow(double x0, double y0, double x1, double y1, int color, double w) {
        stroke(color);
        g.setLineWidth(w);
        g.beginPath();
        g.moveTo(x0, y0);
        g.lineTo(x1 - 4, y1);
        g.stroke();
        arrowHead(x1, y1, 1, 0, color);
    }

    private void arrowHead(double x, double y, double dx, double dy, int color) {
        fill(color);
        g.beginPath();
        g.moveTo(x, y);
        g.lineTo(x - dx * 6 - dy * 4, y - dy * 6 - dx * 4);
        g.lineTo(x - dx * 6 + dy * 4, y - dy * 6 + dx * 4);
        g.closePath();
        g.fill();
    }

}
