package org.pagewalk.web.exercise;

import org.pagewalk.exercise.LessonQuestion;
import org.pagewalk.exercise.Question;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A guided lesson's question ({@link LessonQuestion}) in the exercise page's answer fields. The
 * lesson waits until the student may go on: a right answer, or, after a wrong one, the walk
 * shown ("Show me the walk" runs it in the views and reveals the answer with its explanation).
 * The shown walk is taken back (undo) before the lesson goes on, so the lesson's lines run on
 * the machine they were written for.
 */
public final class StepQuestion implements AnswerForm.Owner {
    private final App app;
    private final AnswerForm form;
    private final WalkShow walks;
    private final Runnable ready;
    private boolean settled;

    private StepQuestion(App app, Dom dom, Question question, Runnable ready) {
        this.app = app;
        this.walks = new WalkShow(app, dom);
        this.ready = ready;
        this.form = new AnswerForm(dom, question, 1, false, this);
    }

    /**
     * The question {@code noteText} asks about {@code expectLine} on the machine as it is now, or
     * {@code null} when the pair asks none; {@code ready} runs once when the student may go on.
     */
    public static StepQuestion ask(App app, Dom dom, String noteText, String expectLine, Runnable ready) {
        if (!LessonQuestion.asks(noteText)) {
            return null;
        }
        Question q = LessonQuestion.of(noteText, expectLine, app.session().machine());
        return q == null ? null : new StepQuestion(app, dom, q, ready);
    }

    /** The question's element (an {@code li}, like the exercise page's), for the lesson's narrative. */
    public HTMLElement element() {
        return form.element();
    }

    /** Whether the student may go on: answered right, or shown the walk. */
    public boolean isSettled() {
        return settled;
    }

    /** Takes back the walk shown, if any: the lesson goes on from the machine it asked about. */
    public void close() {
        walks.takeBack();
    }

    @Override
    public void answered() {
        if (form.isRight()) {
            settle();
        }
    }

    @Override
    public void showWalk(AnswerForm f) {
        String problem = walks.show(f.question());
        f.reveal(problem == null ? ExplainText.ofLastAction(app) : "The walk could not be shown: " + problem);
        settle();
    }

    private void settle() {
        if (!settled) {
            settled = true;
            ready.run();
        }
    }
}
