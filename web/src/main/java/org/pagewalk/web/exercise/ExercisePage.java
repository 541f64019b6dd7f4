package org.pagewalk.web.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.exercise.ExerciseGenerator;
import org.pagewalk.exercise.ExerciseSet;
import org.pagewalk.exercise.Level;
import org.pagewalk.exercise.Question;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Numbers;
import org.pagewalk.text.Printable;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code ?exercise=SEED&level=N}: a set of questions on a machine built for it, each answered in
 * its own fields and checked at once, a score for the set, retry, and on request the walk that
 * gives the right answer, played in the views. {@code &answers=1} shows the key (for instructors).
 * The seed and level are in the URL, so a class shares one link and gets the same set on either
 * engine.
 */
public final class ExercisePage implements AnswerForm.Owner {
    private final App app;
    private final Dom dom;
    private final ExerciseSet set;
    private final boolean answersShown;
    private final WalkShow walks;
    private final List<AnswerForm> forms = new ArrayList<>();
    private final List<HTMLElement> jumps = new ArrayList<>();
    private int current;
    private HTMLElement root;
    private HTMLElement score;

    private ExercisePage(App app, Dom dom, ExerciseSet set, boolean answersShown) {
        this.app = app;
        this.dom = dom;
        this.set = set;
        this.answersShown = answersShown;
        this.walks = new WalkShow(app, dom);
    }

    /**
     * Opens the set the URL asks for, if it asks for one. Bad parameters leave the machine as it
     * is and say what was wrong and what is allowed.
     */
    public static void start(App app, Dom dom) {
        String seedText = Js.queryParameter("exercise");
        if (seedText == null) {
            return;
        }
        int[] out = new int[1];
        String bad = Numbers.parse(seedText.trim(), out);
        if (bad != null) {
            status(dom, "The exercise link's seed is not a number: " + bad + ". Use ?exercise=SEED&level=N, "
                    + "SEED from 0 to 4294967295.");
            return;
        }
        int seed = out[0];
        String levelText = Js.queryParameter("level");
        Level level = Level.PAGES_4K;
        if (levelText != null) {
            String badLevel = Numbers.parse(levelText.trim(), out);
            level = badLevel == null ? Level.byNumber(out[0]) : null;
            if (level == null) {
                status(dom, "The exercise link's " + Level.rangeMessage(Printable.quote(levelText)) + ".");
                return;
            }
        }
        ExercisePage page = new ExercisePage(app, dom, ExerciseGenerator.generate(seed, level),
                "1".equals(Js.queryParameter("answers")));
        page.build();
        hideStartCard(dom);
    }

    /** The start card offers ways in; a link to an exercise or a lab is already one. */
    static void hideStartCard(Dom dom) {
        HTMLElement card = dom.byId("start-card");
        if (card != null) {
            card.setHidden(true);
        }
    }

    private static void status(Dom dom, String text) {
        HTMLElement s = dom.byId("status");
        if (s != null) {
            s.setInnerText(text);
        }
    }

    private void build() {
        for (String line : set.setup()) {
            StepResult r = app.run(line);
            if (r.status() != StepResult.Status.OK) {
                status(dom, "The exercise could not be built (" + line + ": " + r.message() + "); please report it.");
                return;
            }
        }
        app.clearHistory();
        root = dom.byId("exercise-view");
        if (root == null) {
            return;
        }
        Dom.clear(root);
        root.setHidden(false);
        HTMLElement head = dom.el("div", "exercise-head");
        head.appendChild(dom.el("h2", "exercise-title", set.title()));
        score = dom.el("p", "exercise-score", "");
        score.setAttribute("aria-live", "polite");
        head.appendChild(score);
        root.appendChild(head);
        HTMLElement details = dom.el("details", "exercise-setup");
        details.appendChild(dom.el("summary", null, "About this set"));
        details.appendChild(dom.el("p", "exercise-about", "The machine in the views is the one the questions are about: "
                + "CeanOS booted, with the mappings below. Work each answer out by hand from the directory and "
                + "table grids, then check it. The same link gives the same set, so a class can share it."));
        details.appendChild(levels());
        details.appendChild(dom.el("pre", null, String.join("\n", set.setup())));
        root.appendChild(details);
        HTMLElement nav = dom.el("nav", "exercise-nav");
        nav.setAttribute("aria-label", "Questions");
        HTMLElement list = dom.el("ol", "exercise-questions");
        int n = 1;
        for (Question q : set.questions()) {
            AnswerForm f = new AnswerForm(dom, q, n, answersShown, this);
            forms.add(f);
            list.appendChild(f.element());
            int index = n - 1;
            HTMLElement jump = AnswerForm.button(dom, nav, Integer.toString(n), "Question " + n, "exercise-jump", () -> go(index));
            jump.setAttribute("aria-label", "Question " + n);
            jumps.add(jump);
            n++;
        }
        AnswerForm.button(dom, nav, "Next ▶", "The next question", "exercise-following", () -> go((current + 1) % forms.size()));
        root.appendChild(nav);
        root.appendChild(list);
        root.appendChild(dom.action("Retry the whole set", "Clear every answer and start again", this::retryAll));
        go(0);
        answered();
    }

    /**
     * Shows question {@code index} alone (so the views stay in sight beside it); with the key
     * shown (an instructor's page) every question stays open.
     */
    private void go(int index) {
        current = index;
        for (int i = 0; i < forms.size(); i++) {
            forms.get(i).element().setHidden(!answersShown && i != index);
            if (i == index) {
                jumps.get(i).setAttribute("aria-current", "step");
            } else {
                jumps.get(i).removeAttribute("aria-current");
            }
        }
    }

    private HTMLElement levels() {
        HTMLElement nav = dom.el("nav", "exercise-levels");
        nav.setAttribute("aria-label", "Exercise levels");
        for (Level l : Level.values()) {
            HTMLElement a = dom.el("a", l == set.level() ? "current" : null, l.number() + " · " + l.title());
            a.setAttribute("href", "?exercise=" + Integer.toUnsignedString(set.seed()) + "&level=" + l.number());
            if (l == set.level()) {
                a.setAttribute("aria-current", "page");
            }
            nav.appendChild(a);
        }
        HTMLElement next = dom.el("a", "exercise-next", "Another set");
        next.setAttribute("href", "?exercise=" + Integer.toUnsignedString(set.seed() + 1) + "&level=" + set.level().number());
        nav.appendChild(next);
        HTMLElement labs = dom.el("a", "exercise-labs", "Find the bug in CeanOS");
        labs.setAttribute("href", "?lab=frame-multiply");
        nav.appendChild(labs);
        return nav;
    }

    @Override
    public void answered() {
        int right = 0;
        int checked = 0;
        for (AnswerForm f : forms) {
            right += f.isRight() ? 1 : 0;
            checked += f.attempts();
        }
        Dom.text(score, "Score: " + right + " of " + forms.size() + " right · " + checked + (checked == 1 ? " check" : " checks"));
        for (int i = 0; i < forms.size() && i < jumps.size(); i++) {
            jumps.get(i).setAttribute("data-state", forms.get(i).element().getAttribute("data-state"));
        }
        score.setAttribute("data-right", Integer.toString(right));
    }

    @Override
    public void showWalk(AnswerForm form) {
        String problem = walks.show(form.question());
        boolean access = form.question().walk() != null && form.question().walk().startsWith("translate ");
        form.reveal(problem == null && access ? ExplainText.ofLastAction(app) : null);
        if (problem != null) {
            status(dom, "The walk could not be shown: " + problem);
        }
    }

    private void retryAll() {
        walks.takeBack();
        Dom.clear(root);
        forms.clear();
        jumps.clear();
        build();
    }
}
