package org.pagewalk.web.lessons;

import org.pagewalk.scenario.Command;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.pagewalk.web.embed.EmbedApi;
import org.pagewalk.web.embed.LessonControl;

/**
 * Connects the postMessage API (web.embed, docs/EMBEDDING.md) to the lesson player: a scenario
 * the host sends is loaded and stepped as the student's own lesson, so the frame shows it line
 * by line.
 */
final class MessageApi implements LessonControl {
    /**
     * Longer scenarios run without the lesson's list of lines: building ten thousand rows would
     * block the page, and nobody reads them; the progress line and the results say what ran.
     */
    static final int SHOWN_LINES = 1000;

    private final App app;
    private final LessonPlayer player;
    /** A long scenario the API runs itself (see {@link #SHOWN_LINES}), or null: then the player's lesson counts. */
    private Scenario unshown;
    private int next;

    private MessageApi(App app, LessonPlayer player) {
        this.app = app;
        this.player = player;
    }

    static void install(App app, Dom dom, LessonPlayer player) {
        boolean embedded = "1".equals(Js.queryParameter("embed"));
        EmbedApi.install(app, dom, new MessageApi(app, player), names -> Embed.choose(dom, names), embedded);
    }

    @Override
    public void load(Scenario scenario, String title) {
        if (scenario.steps().size() > SHOWN_LINES) {
            unshown = scenario;
            next = 0;
        } else {
            unshown = null;
            player.show(scenario, title);
        }
    }

    @Override
    public String library(String name) {
        Library.Entry e = Library.find(name);
        return e == null ? null : e.text;
    }

    @Override
    public String libraryNames() {
        StringBuilder sb = new StringBuilder();
        for (Library.Entry e : Library.entries()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.file);
        }
        return sb.toString();
    }

    @Override
    public boolean hasNext() {
        return position() < length();
    }

    @Override
    public StepResult step() {
        if (unshown == null) {
            return player.stepOnce();
        }
        Command c = unshown.steps().get(next++);
        return c.isPause() ? null : app.run(c);
    }

    @Override
    public int position() {
        return unshown == null ? player.position() : next;
    }

    @Override
    public int length() {
        return unshown == null ? player.length() : unshown.steps().size();
    }

    @Override
    public void reset() {
        for (String line : Lessons.DEFAULT_BOOT) {
            app.run(line);
        }
        app.clearHistory();
        next = 0;
        player.restart();
    }
}
