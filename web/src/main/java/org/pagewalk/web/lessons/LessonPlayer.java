package org.pagewalk.web.lessons;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.Command;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Plays a scenario as a lesson: its title and explanation, then one line at a time through the
 * app (so every view follows and undo works), notes as narration, expect lines ticked or
 * crossed with expected versus actual. Play runs to the next pause. In exercise mode the
 * answers of expect lines stay hidden until the learner reveals them.
 */
final class LessonPlayer {
    private final App app;
    private final Dom dom;
    private final HTMLElement root;
    private final HTMLElement narration;
    private Scenario scenario;
    private String name;
    private int next;
    private boolean exercise;
    private boolean playing;
    private final List<HTMLElement> rows = new ArrayList<>();
    private HTMLElement list;
    private HTMLElement summary;
    private int passed;
    private int failed;

    LessonPlayer(App app, Dom dom) {
        this.app = app;
        this.dom = dom;
        this.root = dom.byId("lesson-view");
        this.narration = dom.byId("narration");
    }

    boolean isLoaded() {
        return scenario != null;
    }

    /** Loads scenario text; returns an error message, or null. The machine is not touched yet. */
    String load(String text, String title, boolean asExercise) {
        Scenario parsed;
        try {
            parsed = Scenario.parse(text);
        } catch (ScenarioError e) {
            return e.getMessage();
        }
        show(parsed, title, asExercise);
        return null;
    }

    /** Shows a scenario parsed already (the embedding API parses long ones in slices). */
    void show(Scenario parsed, String title, boolean asExercise) {
        scenario = parsed;
        name = parsed.title().isEmpty() ? title : parsed.title();
        exercise = asExercise;
        next = 0;
        passed = 0;
        failed = 0;
        render();
    }

    private void render() {
        Dom.clear(root);
        root.setHidden(false);
        HTMLElement head = dom.el("div", "lesson-head", null);
        HTMLElement h = dom.el("h2", "lesson-title", (exercise ? "Exercise: " : "Lesson: ") + name);
        head.appendChild(h);
        head.appendChild(dom.action("Close", "Close the lesson (the machine stays as it is)", this::closeLesson));
        root.appendChild(head);
        if (!scenario.about().isEmpty()) {
            root.appendChild(dom.el("p", "lesson-about", scenario.about()));
        }
        HTMLElement bar = dom.el("div", "lesson-bar", null);
        bar.appendChild(dom.action("Step", "Run the next line", this::stepOnce));
        bar.appendChild(dom.action("Play", "Run to the next pause", this::play));
        bar.appendChild(dom.action("Restart", "Run the lesson again from its first line", this::restart));
        if (exercise) {
            bar.appendChild(dom.action("Show answers", "Reveal the expected results", this::reveal));
        }
        summary = dom.el("span", "lesson-summary", "");
        summary.setAttribute("aria-live", "polite");
        bar.appendChild(summary);
        root.appendChild(bar);
        list = dom.el("ol", "lesson-lines", null);
        list.setAttribute("aria-label", "Lesson lines");
        rows.clear();
        marked = -1;
        for (Command s : scenario.steps()) {
            HTMLElement li = dom.el("li", "lesson-line pending", null);
            HTMLElement code = dom.el("code", null, shown(s));
            li.appendChild(code);
            li.appendChild(dom.el("div", "lesson-result", ""));
            list.appendChild(li);
            rows.add(li);
        }
        root.appendChild(list);
        mark();
    }

    private String shown(Command s) {
        String src = s.source().trim();
        if (s.isNote()) {
            return src.substring(4).trim();
        }
        if (exercise && s.isExpect()) {
            int eq = src.lastIndexOf('=');
            return eq > 0 ? src.substring(0, eq + 1) + " ?" : src;
        }
        return src;
    }

    /** The row index mark() last made current: a step updates only that row and the new one. */
    private int marked = -1;

    private void mark() {
        boolean oneStep = marked >= 0 && next == marked + 1;
        int from = oneStep ? marked : 0;
        int to = oneStep ? Math.min(next + 1, rows.size()) : rows.size();
        marked = next;
        for (int i = from; i < to; i++) {
            HTMLElement r = rows.get(i);
            String base = "lesson-line " + (scenario.steps().get(i).isNote() ? "note " : "");
            String state = i < next ? r.getAttribute("data-state") : i == next ? "current" : "pending";
            r.setClassName(base + (state == null ? "done" : state));
            if (i == next) {
                r.setAttribute("aria-current", "step");
            } else {
                r.removeAttribute("aria-current");
            }
        }
        summary.setInnerText(next >= rows.size() ? "Done: " + passed + " checks held, " + failed + " failed."
                : "Line " + (next + 1) + " of " + rows.size() + (passed + failed > 0 ? " · " + passed + " ✓ " + failed + " ✗" : ""));
    }

    /** Runs the next line; returns its result (null at the end or for a pause: the embedding API reads it). */
    StepResult stepOnce() {
        if (scenario == null || next >= scenario.steps().size()) {
            return null;
        }
        Command s = scenario.steps().get(next);
        HTMLElement row = rows.get(next);
        HTMLElement result = (HTMLElement) row.getLastChild();
        next++;
        if (s.isPause()) {
            row.setAttribute("data-state", "done");
            mark();
            return null;
        }
        StepResult r = app.run(s);
        String text;
        String state;
        switch (r.status()) {
            case PASSED:
                passed++;
                state = "passed";
                text = exercise ? "✓ (answer hidden)" : "✓ holds";
                break;
            case FAILED:
                failed++;
                state = "failed";
                text = "✗ " + r.message();
                break;
            case ERROR:
                state = "error";
                text = "✗ " + r.message();
                break;
            default:
                state = s.isNote() ? "note" : "done";
                text = s.isNote() ? "" : r.message();
                break;
        }
        row.setAttribute("data-state", state);
        result.setInnerText(text);
        if (s.isNote() && narration != null) {
            narration.setInnerText(r.message());
        }
        mark();
        return r;
    }

    void play() {
        if (scenario == null || playing) {
            return;
        }
        playing = true;
        playNext();
    }

    private void playNext() {
        if (scenario == null || next >= scenario.steps().size()) {
            playing = false;
            return;
        }
        boolean pause = scenario.steps().get(next).isPause();
        stepOnce();
        if (pause || next >= scenario.steps().size()) {
            playing = false;
            return;
        }
        Guard.later(Js.reducedMotion() ? 0 : 120, this::playNext);
    }

    /** Runs every remaining line at once (embedding, tests). */
    void runToEnd() {
        while (scenario != null && next < scenario.steps().size()) {
            stepOnce();
        }
    }

    void restart() {
        if (scenario == null) {
            return;
        }
        next = 0;
        passed = 0;
        failed = 0;
        for (HTMLElement r : rows) {
            r.removeAttribute("data-state");
            ((HTMLElement) r.getLastChild()).setInnerText("");
        }
        mark();
    }

    private void reveal() {
        exercise = false;
        int keep = next;
        int p = passed;
        int f = failed;
        List<String> results = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (HTMLElement r : rows) {
            results.add(((HTMLElement) r.getLastChild()).getInnerText());
            states.add(r.getAttribute("data-state"));
        }
        render();
        next = keep;
        passed = p;
        failed = f;
        for (int i = 0; i < rows.size(); i++) {
            ((HTMLElement) rows.get(i).getLastChild()).setInnerText(results.get(i).replace("(answer hidden)", "holds"));
            if (states.get(i) != null) {
                rows.get(i).setAttribute("data-state", states.get(i));
            }
        }
        mark();
    }

    int passed() {
        return passed;
    }

    /** The next line's index (lines run so far) and the lesson's length: 0 and 0 with no lesson. */
    int position() {
        return scenario == null ? 0 : next;
    }

    int length() {
        return scenario == null ? 0 : scenario.steps().size();
    }

    /** The loaded scenario's text (a link finds the built-in lesson by it), or null. */
    String text() {
        return scenario == null ? null : scenario.source();
    }

    /**
     * Puts the lesson at line {@code index} without running anything: a link restored the machine
     * already, the lesson only shows where the student was.
     */
    void skipTo(int index) {
        if (scenario == null) {
            return;
        }
        next = Math.max(0, Math.min(index, rows.size()));
        for (int i = 0; i < next; i++) {
            rows.get(i).setAttribute("data-state", "done");
        }
        marked = -1;
        mark();
    }

    int failed() {
        return failed;
    }

    private void closeLesson() {
        scenario = null;
        playing = false;
        Dom.clear(root);
        root.setHidden(true);
    }
}
