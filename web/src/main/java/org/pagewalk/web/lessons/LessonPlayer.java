package org.pagewalk.web.lessons;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.scenario.Command;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.exercise.StepQuestion;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Plays a scenario as a guided lesson: its steps are the stretches between {@code pause} lines.
 * Next runs the next step through the app (so every view reacts and undo works) and shows its
 * notes as the narrative beside the views; Back and Restart replay the lesson from its first
 * line up to the step before; a progress bar says how far the student is. Expect lines check
 * themselves and the narrative says how they went. A step can ask a question (a
 * {@code note Question: ...} line before an {@code expect physical|fault} line): the step stops
 * there with the exercise page's answer fields and Next waits until the answer is right or the
 * walk was shown. Every line stays in a listing the student can open (a detail, not the lesson).
 */
final class LessonPlayer {
    private final App app;
    private final Dom dom;
    private final HTMLElement root;
    private final HTMLElement narration;
    /** Told the step number each time a step is shown (the tour points at views); cleared by load. */
    private java.util.function.IntConsumer onStep;
    /** Counts loads, so a helper (the tour) knows whether the lesson it started is still the one shown. */
    private int loads;
    private Scenario scenario;
    private String name;
    private final List<LessonStep> steps = new ArrayList<>();
    /** How many steps have run (0: the lesson's introduction). */
    private int step;
    /** The next line to run, in the scenario's numbering. */
    private int next;
    /** The question the current step waits on, or null. */
    private StepQuestion asked;
    /** The line index of the expect line {@link #asked} is about (it runs when the lesson goes on). */
    private int askedLine = -1;
    /** The note that asked {@link #asked}, kept out of the narrative while the form shows it. */
    private String questionNote;
    private final List<HTMLElement> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int stepChecks;
    private HTMLElement summary;
    private HTMLElement narrative;
    private HTMLElement progress;
    private HTMLElement count;
    private HTMLElement back;
    private HTMLElement forward;
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
    String load(String text, String title) {
        Scenario parsed;
        try {
            parsed = Scenario.parse(text);
        } catch (ScenarioError e) {
            return e.getMessage();
        }
        show(parsed, title);
        return null;
    }

    /** Shows a scenario parsed already (the embedding API parses long ones in slices). */
    void show(Scenario parsed, String title) {
        scenario = parsed;
        onStep = null;
        loads++;
        name = parsed.title().isEmpty() ? title : parsed.title();
        steps.clear();
        int from = 0;
        List<Command> lines = parsed.steps();
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).isPause()) {
                if (i > from) {
                    steps.add(new LessonStep(from, i == lines.size() ? i : i + 1));
                }
                from = i + 1;
            }
        }
        if (!steps.isEmpty()) {
            LessonStep last = steps.get(steps.size() - 1);
            if (last.to < lines.size()) {
                steps.set(steps.size() - 1, new LessonStep(last.from, lines.size()));
            }
        }
        next = 0;
        step = 0;
        passed = 0;
        failed = 0;
        dropQuestion();
        render();
    }

    private void render() {
        Dom.clear(root);
        root.setHidden(false);
        HTMLElement head = dom.el("div", "lesson-head", null);
        head.appendChild(dom.el("h2", "lesson-title", "Lesson: " + name));
        head.appendChild(dom.action("Close", "Close the lesson (the machine stays as it is)", this::closeLesson));
        root.appendChild(head);
        HTMLElement meter = dom.add(root, "div", "lesson-progress");
        count = dom.add(meter, "span", "lesson-step-count");
        progress = dom.add(meter, "progress", "lesson-meter");
        progress.setAttribute("max", Integer.toString(Math.max(1, steps.size())));
        progress.setAttribute("aria-label", "Lesson progress");
        narrative = dom.add(root, "div", "lesson-narrative");
        narrative.setAttribute("aria-live", "polite");
        HTMLElement bar = dom.el("div", "lesson-bar", null);
        back = dom.action("◀ Back", "Back to the step before (the lesson replays up to it)", this::back);
        back.setId("lesson-back");
        bar.appendChild(back);
        forward = dom.action("Next ▶", "Run the next step", this::next);
        forward.setId("lesson-next");
        forward.getClassList().add("primary");
        bar.appendChild(forward);
        HTMLElement again = dom.action("Restart", "Start the lesson again from its introduction", this::restart);
        again.setId("lesson-restart");
        bar.appendChild(again);
        summary = dom.el("span", "lesson-summary", "");
        summary.setAttribute("aria-live", "polite");
        bar.appendChild(summary);
        root.appendChild(bar);
        HTMLElement detail = dom.add(root, "details", "lesson-detail");
        dom.add(detail, "summary", null, "Every line of this lesson");
        HTMLElement list = dom.add(detail, "ol", "lesson-lines");
        list.setAttribute("aria-label", "Lesson lines");
        rows.clear();
        marked = -1;
        for (Command s : scenario.steps()) {
            HTMLElement li = dom.el("li", "lesson-line pending", null);
            li.appendChild(dom.el("code", null, shown(s)));
            li.appendChild(dom.el("div", "lesson-result", ""));
            list.appendChild(li);
            rows.add(li);
        }
        showStep();
    }

    private static String shown(Command s) {
        String src = s.source().trim();
        return s.isNote() ? noteText(s) : src;
    }

    private static String noteText(Command note) {
        return note.source().trim().substring(4).trim();
    }

    /** The narrative, the progress and the buttons for the step the student is on. */
    private void showStep() {
        Dom.clear(narrative);
        if (step == 0) {
            if (!scenario.about().isEmpty()) {
                narrative.appendChild(dom.el("p", "lesson-about", scenario.about()));
            }
            narrative.appendChild(dom.el("p", "lesson-hint", "Press Next to run the first step; the views show what it does."));
        } else {
            for (String n : notes) {
                narrative.appendChild(dom.el("p", "lesson-note", n));
            }
            if (notes.isEmpty()) {
                narrative.appendChild(dom.el("p", "lesson-note", "This step runs its lines; the views show what changed."));
            }
            if (!problems.isEmpty()) {
                for (String p : problems) {
                    narrative.appendChild(dom.el("p", "lesson-problem", "✗ " + p));
                }
            } else if (stepChecks > 0) {
                narrative.appendChild(dom.el("p", "lesson-checks", "✓ " + stepChecks + (stepChecks == 1 ? " check" : " checks")
                        + " held."));
            }
        }
        if (asked != null) {
            HTMLElement list = dom.add(narrative, "ol", "exercise-questions lesson-question");
            list.appendChild(asked.element());
            narrative.appendChild(dom.el("p", "lesson-hint", asked.isSettled() ? "Press Next to go on."
                    : "Answer to go on: Next waits for a right answer, or for the walk after a wrong one."));
            if (!asked.isSettled()) {
                showQuestion(narrative, list);
            }
        }
        progress.setAttribute("value", Integer.toString(step));
        Dom.text(count, asked != null ? "Step " + (step + 1) + " of " + steps.size() + " · a question" : "Step " + step + " of " + steps.size());
        Dom.attr(root, "data-step", Integer.toString(step));
        Dom.attr(back, "disabled", step == 0 && asked == null ? "" : null);
        Dom.attr(forward, "disabled", step >= steps.size() || (asked != null && !asked.isSettled()) ? "" : null);
        Dom.attr(root, "data-question", asked == null ? null : asked.isSettled() ? "settled" : "open");
        mark();
        if (onStep != null) {
            onStep.accept(step);
        }
    }

    /** Scrolls the narrative so the question starts at its top (at once: the student is to read it now). */
    @org.teavm.jso.JSBody(params = {"box", "item"}, script = "box.scrollTop = Math.max(0, item.offsetTop - box.offsetTop - 4);")
    private static native void showQuestion(HTMLElement box, HTMLElement item);

    void onStep(java.util.function.IntConsumer listener) {
        onStep = listener;
        if (listener != null && scenario != null) {
            listener.accept(step);
        }
    }

    int loads() {
        return scenario == null ? -1 : loads;
    }

    /** How many steps have run (0: the introduction). */
    int step() {
        return step;
    }

    int stepCount() {
        return steps.size();
    }

    /** Adds a paragraph to the current step's narrative (the tour's ending). */
    void addNarrative(String className, String text) {
        if (narrative != null) {
            HTMLElement p = dom.add(narrative, "p", className, text);
            org.pagewalk.web.dom.Js.reveal(p);
        }
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
        summary.setInnerText(next >= rows.size() ? passed + failed == 0 ? "Done." : "Done: " + passed + " checks held, " + failed + " failed."
                : passed + failed > 0 ? passed + " ✓ " + failed + " ✗" : "");
    }

    /**
     * Runs the next line alone (the embedding API's pagewalk:step, which counts lines, not
     * steps); returns its result, or null for a pause line or at the end.
     */
    StepResult stepOnce() {
        if (scenario == null || next >= scenario.steps().size()) {
            return null;
        }
        dropQuestion();
        if (step < steps.size() && next == steps.get(step).from) {
            clearStep();
        }
        StepResult r = runLine();
        while (step < steps.size() && next >= steps.get(step).to) {
            step++;
        }
        showStep();
        return r;
    }

    /**
     * Runs the next step's lines and shows its notes; a question in the step stops it there until
     * the student may go on, and the next press runs the rest of the step.
     */
    void next() {
        if (scenario == null || step >= steps.size()) {
            return;
        }
        if (asked != null) {
            if (!asked.isSettled()) {
                return;
            }
            dropQuestion();
            if (questionNote != null) {
                notes.add(questionNote);
            }
        } else {
            clearStep();
        }
        LessonStep s = steps.get(step);
        while (next < s.to) {
            if (next != askedLine && ask(next)) {
                showStep();
                return;
            }
            runLine();
        }
        askedLine = -1;
        finishStep();
    }

    /** Asks the question line {@code i} is, if it is one (an expect after a "Question:" note). */
    private boolean ask(int i) {
        List<Command> lines = scenario.steps();
        if (i == 0 || !lines.get(i).isExpect() || !lines.get(i - 1).isNote()) {
            return false;
        }
        StepQuestion q = StepQuestion.ask(app, dom, noteText(lines.get(i - 1)), lines.get(i).source(), this::showStep);
        if (q == null) {
            return false;
        }
        asked = q;
        askedLine = i;
        // The form's prompt is the note's question: shown once, in the form, until it is answered.
        questionNote = notes.isEmpty() ? null : notes.remove(notes.size() - 1);
        return true;
    }

    /** Takes back the walk the question showed, if any, and forgets the question. */
    private void dropQuestion() {
        if (asked != null) {
            asked.close();
        }
        asked = null;
    }

    private void clearStep() {
        notes.clear();
        problems.clear();
        stepChecks = 0;
    }

    /** Runs a whole step without asking (Back, Restart and the embedding API replay lessons). */
    private void runStep(LessonStep s) {
        clearStep();
        while (next < s.to) {
            runLine();
        }
        finishStep();
    }

    private void finishStep() {
        step++;
        showStep();
        if (narration != null) {
            narration.setInnerText("Step " + step + " of " + steps.size() + ". " + String.join(" ", notes));
        }
    }

    /** Runs one line (notes and checks are collected for the narrative); returns its result, null for a pause. */
    private StepResult runLine() {
        Command s = scenario.steps().get(next);
        HTMLElement row = rows.get(next);
        HTMLElement result = (HTMLElement) row.getLastChild();
        next++;
        if (s.isPause()) {
            row.setAttribute("data-state", "done");
            return null;
        }
        StepResult r = app.run(s);
        String text;
        String state;
        switch (r.status()) {
            case PASSED:
                passed++;
                stepChecks++;
                state = "passed";
                text = "✓ holds";
                break;
            case FAILED:
                failed++;
                state = "failed";
                text = "✗ " + r.message();
                problems.add(r.message());
                break;
            case ERROR:
                state = "error";
                text = "✗ " + r.message();
                problems.add(r.message());
                break;
            default:
                state = s.isNote() ? "note" : "done";
                text = s.isNote() ? "" : r.message();
                if (s.isNote()) {
                    notes.add(r.message());
                }
                break;
        }
        row.setAttribute("data-state", state);
        result.setInnerText(text);
        return r;
    }

    /** Back one step: the lesson replays from its first line to the end of the step before. */
    void back() {
        if (scenario == null || (step == 0 && asked == null)) {
            return;
        }
        // Inside a step that asks a question, Back goes to the start of that step.
        replayTo(asked != null ? step : step - 1);
    }

    void restart() {
        if (scenario == null) {
            return;
        }
        replayTo(0);
    }

    private void replayTo(int target) {
        dropQuestion();
        askedLine = -1;
        next = 0;
        step = 0;
        passed = 0;
        failed = 0;
        for (HTMLElement r : rows) {
            r.removeAttribute("data-state");
            ((HTMLElement) r.getLastChild()).setInnerText("");
        }
        notes.clear();
        problems.clear();
        stepChecks = 0;
        while (step < target) {
            runStep(steps.get(step));
        }
        showStep();
    }

    /** Runs every remaining step at once (embedding, tests, ?run=1). */
    void runToEnd() {
        dropQuestion();
        while (scenario != null && step < steps.size()) {
            runStep(steps.get(step));
        }
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
        dropQuestion();
        next = Math.max(0, Math.min(index, rows.size()));
        for (int i = 0; i < next; i++) {
            rows.get(i).setAttribute("data-state", "done");
        }
        step = 0;
        while (step < steps.size() && next >= steps.get(step).to) {
            step++;
        }
        marked = -1;
        showStep();
    }

    int failed() {
        return failed;
    }

    private void closeLesson() {
        dropQuestion();
        scenario = null;
        Dom.clear(root);
        root.setHidden(true);
    }
}
