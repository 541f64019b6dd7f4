package org.pagewalk.web.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.exercise.Answer;
import org.pagewalk.exercise.AnswerChecker;
import org.pagewalk.exercise.AnswerField;
import org.pagewalk.exercise.Question;
import org.pagewalk.exercise.Verdict;
import org.pagewalk.text.Chars;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * One question on the page: its prompt, a field for each blank (a yes/no choice or a number),
 * Check, and after a check the verdict; a wrong answer offers the walk that gives the right one,
 * and Retry clears the fields.
 */
final class AnswerForm {
    /** What the set needs to hear from a question. */
    interface Owner {
        void answered();

        void showWalk(AnswerForm form);
    }

    private final Question question;
    private final Dom dom;
    private final Owner owner;
    private final HTMLElement root;
    private final List<AnswerField> blanks;
    private final List<HTMLElement> inputs = new ArrayList<>();
    private final HTMLElement feedback;
    private final HTMLElement key;
    private final HTMLElement showWalk;
    private final HTMLElement explain;
    private boolean right;
    private int attempts;

    AnswerForm(Dom dom, Question question, int number, boolean answersShown, Owner owner) {
        this.question = question;
        this.dom = dom;
        this.owner = owner;
        root = dom.el("li", "exercise-question");
        root.setAttribute("data-kind", Chars.lower(question.kind().name()));
        root.setAttribute("data-state", "open");
        root.appendChild(dom.el("h3", "exercise-kind", "Q" + number + " · " + question.kind().title()));
        root.appendChild(dom.el("p", "exercise-prompt", question.prompt()));
        HTMLElement fields = dom.el("div", "exercise-fields");
        blanks = question.blanks();
        for (AnswerField f : blanks) {
            HTMLElement label = dom.el("label", "exercise-field");
            label.appendChild(dom.el("span", "exercise-label", f.label()));
            HTMLElement input;
            if (f.type() == AnswerField.Type.YES_NO) {
                HTMLSelectElement select = dom.el("select").cast();
                for (String o : new String[] {"", "yes", "no"}) {
                    HTMLElement option = dom.el("option", null, o.isEmpty() ? "—" : o);
                    option.setAttribute("value", o);
                    select.appendChild(option);
                }
                input = select;
            } else {
                HTMLInputElement text = dom.el("input").cast();
                text.setType("text");
                text.setAttribute("autocomplete", "off");
                text.setAttribute("spellcheck", "false");
                text.setAttribute("inputmode", f.type() == AnswerField.Type.DECIMAL ? "numeric" : "text");
                input = text;
            }
            input.setAttribute("data-key", f.key());
            label.appendChild(input);
            inputs.add(input);
            fields.appendChild(label);
        }
        root.appendChild(fields);
        HTMLElement bar = dom.el("div", "exercise-actions");
        button(dom, bar, "Check", "Check this answer", "exercise-check", this::check);
        showWalk = button(dom, bar, "Show me the walk", "Run this question on the machine: the views show each step",
                "exercise-show", () -> owner.showWalk(this));
        showWalk.setHidden(!answersShown);
        button(dom, bar, "Retry", "Clear this answer and try again", "exercise-retry", this::retry);
        root.appendChild(bar);
        feedback = dom.el("p", "exercise-feedback", "");
        feedback.setAttribute("role", "status");
        root.appendChild(feedback);
        key = dom.el("p", "exercise-key", "answer: " + question.answer().toText());
        key.setHidden(!answersShown);
        root.appendChild(key);
        explain = dom.el("p", "exercise-explain", "");
        explain.setHidden(true);
        root.appendChild(explain);
    }

    /** A button of class {@code className} at the end of {@code bar}. */
    static HTMLElement button(Dom dom, HTMLElement bar, String text, String title, String className, Runnable action) {
        HTMLElement b = dom.action(text, title, action);
        // Styled as every other button of the page, and found by its own class.
        b.getClassList().add(className);
        bar.appendChild(b);
        return b;
    }

    HTMLElement element() {
        return root;
    }

    Question question() {
        return question;
    }

    boolean isRight() {
        return right;
    }

    int attempts() {
        return attempts;
    }

    private void check() {
        Answer given = new Answer(question.kind());
        int[] out = new int[1];
        for (int i = 0; i < blanks.size(); i++) {
            AnswerField f = blanks.get(i);
            String text = value(inputs.get(i));
            if (text.trim().isEmpty()) {
                continue;
            }
            String problem = f.parse(text, out);
            if (problem != null) {
                say("error", problem + ". Nothing was checked.");
                return;
            }
            given.with(f.key(), out[0]);
        }
        attempts++;
        Verdict v = AnswerChecker.check(question, given);
        right = v.isCorrect();
        for (int i = 0; i < blanks.size(); i++) {
            boolean bad = v.wrong().contains(blanks.get(i));
            Dom.toggle((HTMLElement) inputs.get(i).getParentNode(), "wrong", bad);
            inputs.get(i).setAttribute("aria-invalid", bad ? "true" : "false");
        }
        if (right) {
            say("right", "Right.");
        } else {
            StringBuilder sb = new StringBuilder("Not yet: ");
            for (int i = 0; i < v.wrong().size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(v.wrong().get(i).label());
            }
            sb.append(v.wrong().size() == 1 ? " is wrong or missing." : " are wrong or missing.");
            sb.append(" Retry, or let the machine show you the walk.");
            say("wrong", sb.toString());
            showWalk.setHidden(false);
        }
        owner.answered();
    }

    /** Shows the answer key under the question (after its walk was shown), and why, when known. */
    void reveal(String explanation) {
        key.setHidden(false);
        Dom.text(explain, explanation == null ? "" : explanation);
        explain.setHidden(explanation == null);
    }

    private void retry() {
        for (HTMLElement input : inputs) {
            if (Chars.equalsIgnoreCase("select", input.getTagName())) {
                ((HTMLSelectElement) input.cast()).setValue("");
            } else {
                ((HTMLInputElement) input.cast()).setValue("");
            }
            Dom.toggle((HTMLElement) input.getParentNode(), "wrong", false);
            input.removeAttribute("aria-invalid");
        }
        right = false;
        say("open", "");
        owner.answered();
    }

    private void say(String state, String text) {
        root.setAttribute("data-state", state);
        Dom.text(feedback, text);
    }

    private static String value(HTMLElement input) {
        if (Chars.equalsIgnoreCase("select", input.getTagName())) {
            return ((HTMLSelectElement) input.cast()).getValue();
        }
        return ((HTMLInputElement) input.cast()).getValue();
    }
}
