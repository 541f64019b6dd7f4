package org.pagewalk.web.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.exercise.BugLab;
import org.pagewalk.scenario.Command;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Printable;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * {@code ?lab=DEFECT}: a find-the-bug lab. Run the as-written kernel with only that defect on
 * and watch the symptom in the views, pick the faulty line of a short pseudo-C excerpt, get it
 * checked at once, then compare the excerpt with the fixed variant.
 */
public final class LabPage {
    private final App app;
    private final Dom dom;
    private final BugLab lab;
    private final List<HTMLInputElement> choices = new ArrayList<>();
    private HTMLElement item;
    private HTMLElement feedback;
    private HTMLElement fixedView;
    private int attempts;

    private LabPage(App app, Dom dom, BugLab lab) {
        this.app = app;
        this.dom = dom;
        this.lab = lab;
    }

    /** Opens the lab the URL names, if it names one; an unknown name says which exist. */
    public static void start(App app, Dom dom) {
        String key = Js.queryParameter("lab");
        if (key == null) {
            return;
        }
        BugLab lab = BugLab.byKey(key.trim());
        if (lab == null) {
            StringBuilder keys = new StringBuilder();
            for (BugLab l : BugLab.all()) {
                keys.append(keys.length() == 0 ? "" : ", ").append(l.defect().key());
            }
            HTMLElement s = dom.byId("status");
            if (s != null) {
                s.setInnerText("No find-the-bug lab is called " + Printable.quote(key) + "; the labs are " + keys + ".");
            }
            return;
        }
        new LabPage(app, dom, lab).build();
        ExercisePage.hideStartCard(dom);
    }

    private void build() {
        HTMLElement root = dom.byId("exercise-view");
        if (root == null) {
            return;
        }
        Dom.clear(root);
        root.setHidden(false);
        root.setAttribute("aria-label", "Find the bug");
        HTMLElement head = dom.el("div", "exercise-head");
        head.appendChild(dom.el("h2", "exercise-title", "Find the bug: " + lab.defect().key()));
        root.appendChild(head);
        root.appendChild(labs());
        root.appendChild(dom.el("p", "exercise-about", "1. Run CeanOS as written, with only this defect switched on, "
                + "and watch the views: " + lab.defect().consequence()));
        AnswerForm.button(dom, root, "Run it", "Run the lab's scenario on the as-written kernel", "lab-run", this::runSymptom);
        root.appendChild(dom.el("p", "exercise-about", "2. Which line of this excerpt of mem.c's logic is faulty? "
                + "(Pseudo-C written for Pagewalk, close to the original.)"));
        item = dom.el("div", "exercise-question lab-question");
        item.setAttribute("data-state", "open");
        HTMLElement list = dom.el("ol", "bug-excerpt");
        String[] lines = lab.excerpt();
        String group = "lab-line";
        for (int i = 0; i < lines.length; i++) {
            HTMLElement li = dom.el("li");
            if (lines[i].isEmpty()) {
                // A blank line of the excerpt is no answer.
                li.appendChild(dom.el("code", null, " "));
                list.appendChild(li);
                choices.add(null);
                continue;
            }
            HTMLElement label = dom.el("label");
            HTMLInputElement radio = dom.el("input").cast();
            radio.setType("radio");
            radio.setName(group);
            radio.setValue(Integer.toString(i));
            radio.setAttribute("data-line", Integer.toString(i + 1));
            label.appendChild(radio);
            label.appendChild(dom.el("code", null, lines[i]));
            li.appendChild(label);
            list.appendChild(li);
            choices.add(radio);
        }
        item.appendChild(list);
        HTMLElement bar = dom.el("div", "exercise-actions");
        AnswerForm.button(dom, bar, "Check", "Check the line you picked", "exercise-check", this::check);
        AnswerForm.button(dom, bar, "Compare with the fixed variant", "Show the excerpt as the fixed kernel has it",
                "lab-compare", this::compare);
        item.appendChild(bar);
        feedback = dom.el("p", "exercise-feedback", "");
        feedback.setAttribute("role", "status");
        item.appendChild(feedback);
        fixedView = dom.el("ol", "bug-excerpt bug-fixed");
        fixedView.setAttribute("aria-label", "The fixed variant");
        fixedView.setHidden(true);
        item.appendChild(fixedView);
        root.appendChild(item);
    }

    private HTMLElement labs() {
        HTMLElement nav = dom.el("nav", "exercise-levels");
        nav.setAttribute("aria-label", "Find-the-bug labs");
        for (BugLab l : BugLab.all()) {
            HTMLElement a = dom.el("a", l == lab ? "current" : null, l.defect().key());
            a.setAttribute("href", "?lab=" + l.defect().key());
            if (l == lab) {
                a.setAttribute("aria-current", "page");
            }
            nav.appendChild(a);
        }
        HTMLElement exercises = dom.el("a", "exercise-next", "Paging exercises");
        exercises.setAttribute("href", "?exercise=1&level=1");
        nav.appendChild(exercises);
        return nav;
    }

    private void runSymptom() {
        String text = null;
        for (int i = 0; i < Js.libraryLength(); i++) {
            if (lab.lesson().equals(Js.libraryField(i, "file"))) {
                text = Js.libraryField(i, "text");
            }
        }
        if (text == null) {
            say("error", "The lab's scenario " + lab.lesson() + " is not in this build's library.");
            return;
        }
        Scenario sc;
        try {
            sc = Scenario.parse(text);
        } catch (ScenarioError e) {
            say("error", e.getMessage());
            return;
        }
        int ran = 0;
        for (Command c : sc.steps()) {
            if (c.isNote() || c.isPause() || c.isExpect()) {
                continue;
            }
            // The lessons end by booting the fixed kernel for comparison: the symptom is what comes before.
            if (c.isBoot() && !c.source().contains("as-written")) {
                break;
            }
            StepResult r = app.run(c);
            ran++;
            if (r.status() != StepResult.Status.OK) {
                break;
            }
        }
        HTMLElement status = dom.byId("status");
        if (status != null) {
            status.setInnerText("Ran " + ran + " lines of " + lab.lesson() + ": the views show the symptom. "
                    + "Lessons plays the same scenario with its notes.");
        }
    }

    private void check() {
        int picked = -1;
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i) != null && choices.get(i).isChecked()) {
                picked = i;
            }
        }
        if (picked < 0) {
            say("error", "Pick a line first: the one you think is faulty.");
            return;
        }
        attempts++;
        if (lab.isFaulty(picked)) {
            say("right", "Right: line " + (picked + 1) + ". " + lab.why());
        } else {
            say("wrong", "Not line " + (picked + 1) + ": it does what it should here. Look again, or compare with the "
                    + "fixed variant. (" + attempts + (attempts == 1 ? " try" : " tries") + ")");
        }
    }

    private void compare() {
        Dom.clear(fixedView);
        String[] lines = lab.excerpt();
        for (int i = 0; i < lines.length; i++) {
            String fixed = lab.fixedLine(i);
            boolean changed = !fixed.equals(lines[i]);
            HTMLElement li = dom.el("li", changed ? "fixed-line" : null);
            li.appendChild(dom.el("code", null, fixed.isEmpty() ? " " : fixed));
            fixedView.appendChild(li);
            if (changed && choices.get(i) != null) {
                Dom.toggle((HTMLElement) choices.get(i).getParentNode(), "faulty", true);
            }
        }
        fixedView.setHidden(false);
    }

    private void say(String state, String text) {
        item.setAttribute("data-state", state);
        Dom.text(feedback, text);
    }
}
