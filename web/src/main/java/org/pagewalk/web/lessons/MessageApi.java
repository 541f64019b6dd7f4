package org.pagewalk.web.lessons;

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
    private final App app;
    private final LessonPlayer player;

    private MessageApi(App app, LessonPlayer player) {
        this.app = app;
        this.player = player;
    }

    static void install(App app, Dom dom, LessonPlayer player) {
        boolean embedded = "1".equals(Js.queryParameter("embed"));
        EmbedApi.install(app, dom, new MessageApi(app, player), names -> Embed.choose(dom, names), embedded);
    }

    @Override
    public String load(String text, String title) {
        return player.load(text, title, false);
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
        return player.position() < player.length();
    }

    @Override
    public StepResult step() {
        return player.stepOnce();
    }

    @Override
    public int position() {
        return player.position();
    }

    @Override
    public int length() {
        return player.length();
    }

    @Override
    public void reset() {
        for (String line : Lessons.DEFAULT_BOOT) {
            app.run(line);
        }
        app.clearHistory();
        player.restart();
    }
}
