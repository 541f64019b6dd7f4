package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.Command;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Chars;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * The console: one scenario line at a time (Enter runs it; Up and Down walk through the lines
 * typed before), and an editor for a whole scenario, checked first, then run or stepped line by
 * line as user actions, so every view follows and each line can be undone.
 */
final class ConsolePanel {
    private static final int KEEP_OUTPUT = 300;

    private final App app;
    private final Dom dom;
    private final HTMLElement output;
    private final HTMLInputElement input;
    private final HTMLTextAreaElement editor;
    private final HTMLElement editorStatus;
    private final List<String> typed = new ArrayList<>();
    private int recall;
    private String draft = "";
    private Scenario scenario;
    private int next;

    ConsolePanel(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        this.dom = dom;
        output = dom.add(panel, "div", "console-output mono");
        output.setId("console-output");
        output.setAttribute("role", "log");
        output.setAttribute("aria-label", "Console output");
        output.setTabIndex(0);
        HTMLElement form = dom.add(panel, "form", "console-line");
        form.setAttribute("aria-label", "Run one scenario line");
        HTMLElement label = dom.add(form, "label", "field-label", "Scenario line");
        label.setAttribute("for", "console-input");
        input = dom.add(form, dom.el("input", "input mono").cast());
        input.setType("text");
        input.setId("console-input");
        input.setAttribute("autocomplete", "off");
        input.setAttribute("spellcheck", "false");
        input.setAttribute("autocapitalize", "off");
        input.setAttribute("aria-describedby", "console-hint");
        input.setPlaceholder("read user 0x08048000");
        HTMLButtonElement run = dom.el("button", "button primary").cast();
        run.setType("submit");
        run.setId("console-run");
        run.setTextContent("Run");
        form.appendChild(run);
        HTMLElement hint = dom.add(panel, "p", "field-hint",
                "Any line of the scenario language (docs/SCENARIOS.md): memMapPage 0x08048000 0x00300000 WRITE|USER, "
                        + "translate user 0x08048000, expect tlb hit 0x08048000. Up and Down recall earlier lines.");
        hint.setId("console-hint");
        Guard.on(form, "submit", e -> {
            e.preventDefault();
            String line = input.getValue() == null ? "" : input.getValue().trim();
            if (line.isEmpty()) {
                return;
            }
            if (typed.isEmpty() || !typed.get(typed.size() - 1).equals(line)) {
                typed.add(line);
            }
            recall = typed.size();
            draft = "";
            input.setValue("");
            print("console", line, app.run(line), false);
        });
        Guard.<KeyboardEvent>on(input, "keydown", this::history);

        HTMLElement box = dom.add(panel, "div", "editor");
        HTMLElement el = dom.add(box, "label", "field-label", "Scenario (several lines)");
        el.setAttribute("for", "console-editor");
        editor = dom.add(box, dom.el("textarea", "input mono editor-text").cast());
        editor.setId("console-editor");
        editor.setRows(6);
        editor.setAttribute("spellcheck", "false");
        editor.setAttribute("aria-describedby", "editor-status");
        editor.setValue("memMapPage 0x08048000 0x00300000 WRITE|USER\nread user 0x08048000\nread user 0x08048000\nexpect last hit\n");
        HTMLElement buttons = dom.add(box, "div", "form-actions");
        HTMLButtonElement runAll = dom.add(buttons, dom.button("Run to end or pause", "primary"));
        runAll.setId("editor-run");
        HTMLButtonElement step = dom.add(buttons, dom.button("Step", null));
        step.setId("editor-step");
        HTMLButtonElement restart = dom.add(buttons, dom.button("Restart", null));
        restart.setId("editor-restart");
        editorStatus = dom.add(box, "p", "field-hint");
        editorStatus.setId("editor-status");
        Guard.on(editor, "input", e -> {
            scenario = null;
            next = 0;
            editor.removeAttribute("aria-invalid");
            Dom.text(editorStatus, "Changed: the scenario is read again from line 1.");
        });
        Guard.on(runAll, "click", e -> play(true));
        Guard.on(step, "click", e -> play(false));
        Guard.on(restart, "click", e -> {
            scenario = null;
            next = 0;
            Dom.text(editorStatus, "At the start.");
        });
        Dom.text(editorStatus, "Each line runs as one action (undo works line by line); a pause line stops Run.");
    }

    private void history(KeyboardEvent e) {
        if ("ArrowUp".equals(e.getKey())) {
            if (recall == typed.size()) {
                draft = input.getValue();
            }
            if (recall > 0) {
                recall--;
                input.setValue(typed.get(recall));
            }
            e.preventDefault();
        } else if ("ArrowDown".equals(e.getKey())) {
            if (recall < typed.size()) {
                recall++;
                input.setValue(recall == typed.size() ? draft : typed.get(recall));
            }
            e.preventDefault();
        }
    }

    /** Runs the editor's next step, or every step up to the end or a pause. */
    private void play(boolean all) {
        if (scenario == null) {
            try {
                scenario = Scenario.parse(editor.getValue() == null ? "" : editor.getValue());
                next = 0;
            } catch (ScenarioError err) {
                editor.setAttribute("aria-invalid", "true");
                Dom.text(editorStatus, "Not run: " + err.getMessage() + ". Nothing changed.");
                editor.focus();
                return;
            }
        }
        editor.removeAttribute("aria-invalid");
        List<Command> steps = scenario.steps();
        if (next >= steps.size()) {
            Dom.text(editorStatus, steps.isEmpty() ? "The scenario has no lines to run." : "At the end: Restart to run it again.");
            return;
        }
        do {
            Command s = steps.get(next++);
            boolean refusalExpected = next < steps.size() && steps.get(next).isRefusalCheck();
            print("line " + s.line(), s.source().trim(), app.run(s.source()), refusalExpected);
            if (s.isPause()) {
                break;
            }
        } while (all && next < steps.size());
        Dom.text(editorStatus, next >= steps.size() ? "Done: all " + steps.size() + " steps ran."
                : "Next: line " + steps.get(next).line() + " (" + next + " of " + steps.size() + " steps ran).");
    }

    private void print(String where, String line, StepResult r, boolean refusalExpected) {
        HTMLElement entry = dom.add(output, "div", "console-entry");
        dom.add(entry, "div", "console-in", where + " \u25b8 " + line);
        String kind;
        String text;
        if (r == null) {
            kind = "error";
            text = "\u2715 error: the line did not run";
        } else {
            String message = Outcome.clean(r.message());
            switch (r.status()) {
                case PASSED:
                    kind = "ok";
                    text = "\u2713 expect held";
                    break;
                case FAILED:
                    kind = "error";
                    text = "\u2715 expect failed: " + message;
                    break;
                case ERROR:
                    kind = refusalExpected ? "ok" : "error";
                    text = (refusalExpected ? "\u2713 refused, as the next line expects: " : "\u2715 ") + message;
                    break;
                default:
                    kind = "ok";
                    text = message.isEmpty() ? "\u2713 ok" : "\u2713 " + message;
                    break;
            }
        }
        HTMLElement out = dom.add(entry, "div", "console-out console-" + kind, text);
        out.setAttribute("data-status", r == null ? "error" : Chars.lower(r.status().name()));
        while (output.getChildren().getLength() > KEEP_OUTPUT) {
            output.removeChild(output.getFirstChild());
        }
        output.setScrollTop(output.getScrollHeight());
    }
}
