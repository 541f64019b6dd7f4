package org.pagewalk.web.lessons;

import java.util.List;
import java.util.function.Supplier;
import org.pagewalk.machine.Access;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.share.ShareText;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * Lessons, exercises, share links, export/import, autosave, embedding and the start card: the
 * ways a course gets a prepared machine in front of a student. All of it is scenario text
 * flowing into the app; none of it knows paging.
 *
 * <p>Start-up order: a share link ({@code #run=...}) wins, then {@code ?scenario=FILE} (a
 * library lesson), then the autosaved session, then the default: CeanOS booted as kernel.c
 * does ({@code boot ceanos}, {@code init_mm}).
 */
public final class Lessons {
    /** Export's file: the saved-session format (docs/SAVES.md), which Import restores exactly. */
    static final String EXPORT_FILE = "pagewalk-session.pw";
    static final String START_CARD_KEY = "pagewalk.start-card.dismissed";
    /**
     * CeanOS booted as kernel.c does, then one user page mapped as a program loader would (a frame
     * from the allocator, a PTE in a new page table): so the first walk the page shows is a user
     * read that misses the TLB and reads CR3, a PDE and a PTE before the frame.
     */
    static final String[] DEFAULT_BOOT = {"boot ceanos", "init_mm", "page = pmmAllocPageFrame",
        "memMapPage 0x08048000 page WRITE|USER"};

    private final App app;
    private final Dom dom;
    private final LessonPlayer player;
    private final Autosave autosave;
    private final Tour tour;
    private HTMLElement dialog;
    private HTMLElement dialogBody;
    private HTMLElement dialogTitle;
    private boolean restoring;

    private Lessons(App app, Dom dom) {
        this.app = app;
        this.dom = dom;
        this.player = new LessonPlayer(app, dom);
        this.autosave = new Autosave(dom);
        autosave.track(() -> app.history().log().text());
        this.tour = new Tour(app, dom, player);
    }

    /**
     * What only the full bundle carries (docs/ARCHITECTURE.md, "Bundles"): the postMessage API and
     * {@code ?embed=1}'s layout. static/boot.js loads the full bundle for every {@code ?embed=} URL, so
     * the main page's bundle leaves both out.
     */
    private interface FullPage {
        /** Applies {@code ?embed=1}'s layout if the URL asks for it; true if it did. */
        boolean embed(Dom dom, Supplier<String> shareLink);

        void install(App app, Dom dom, LessonPlayer player);
    }

    /** Builds the lesson UI and brings the machine to its first state; no postMessage API. */
    public static void start(App app, Dom dom) {
        start(app, dom, null);
    }

    /** As {@link #start(App, Dom)}, with the postMessage API (web.embed) on the lesson player. */
    public static void startWithMessages(App app, Dom dom) {
        start(app, dom, new FullPage() {
            @Override
            public boolean embed(Dom d, Supplier<String> shareLink) {
                if (!"1".equals(Js.queryParameter("embed"))) {
                    return false;
                }
                Embed.apply(d, Js.queryParameter("view"), shareLink);
                return true;
            }

            @Override
            public void install(App a, Dom d, LessonPlayer player) {
                MessageApi.install(a, d, player);
            }
        });
    }

    private static void start(App app, Dom dom, FullPage full) {
        Lessons lessons = new Lessons(app, dom);
        lessons.installNav();
        lessons.installDialog();
        boolean embed = full != null && full.embed(dom, lessons::shareLink);
        boolean fresh = lessons.firstState();
        lessons.autosave.startedWith(app.history().log().lines());
        CrashReport.install(app, dom, lessons.autosave);
        if (full != null) {
            full.install(app, dom, lessons.player);
        }
        app.addListener((a, what) -> {
            if ((what & App.MACHINE) != 0) {
                lessons.autosave();
            }
        });
        // Only on the default machine: a share link, a lesson or restored work opens as itself.
        if (fresh && !embed && !"1".equals(Js.load(START_CARD_KEY)) && !lessons.player.isLoaded()) {
            lessons.showStartCard();
        }
    }

    /** Brings the machine to its first state; true if that is the default machine (nothing shared, loaded or restored). */
    private boolean firstState() {
        restoring = true;
        try {
            String hash = Js.hash();
            if (hash.startsWith("#run=")) {
                String problem = runShared(hash.substring(5));
                if (problem != null) {
                    status("This share link cannot be opened (" + problem + "); Pagewalk started from the default machine instead.");
                } else {
                    resumeLesson();
                }
                return false;
            }
            String file = Js.queryParameter("scenario");
            if (file != null && !file.isEmpty()) {
                defaultBoot();
                Library.Entry e = Library.find(file);
                if (e == null) {
                    status("No built-in scenario is called '" + file + "'; the lessons are listed under Lessons.");
                } else {
                    String error = Tour.FILE.equals(e.file) ? tour.start() : player.load(e.text, e.title);
                    if (error != null) {
                        status(error);
                    } else if ("1".equals(Js.queryParameter("run"))) {
                        player.runToEnd();
                        app.showLastAccess();
                    }
                }
                return false;
            }
            String saved = autosave.load();
            if (saved != null) {
                restoreSaved(saved);
                return false;
            }
            defaultBoot();
            return true;
        } finally {
            restoring = false;
            app.flush();
        }
    }

    /** After a link rebuilt the machine: its lesson ({@code scenario=}) back at its line ({@code at=}), nothing rerun. */
    private void resumeLesson() {
        String file = Js.queryParameter("scenario");
        Library.Entry e = file == null || file.isEmpty() ? null : Library.find(file);
        if (e != null && player.load(e.text, e.title) == null) {
            int[] at = new int[1];
            String atText = Js.queryParameter("at");
            player.skipTo(atText != null && org.pagewalk.text.Hex.parseUnsigned(atText, at) == null ? at[0] : 0);
        }
    }

    private void defaultBoot() {
        for (String l : DEFAULT_BOOT) {
            app.run(l);
        }
        app.clearHistory();
    }

    /** Runs the lines of a share link's {@code #run=} value (ShareText); returns {@code null}, or why not, on the default machine. */
    private String runShared(String fragment) {
        String text;
        try {
            text = ShareText.decode(fragment);
        } catch (IllegalArgumentException e) {
            defaultBoot();
            return "it is damaged: " + e.getMessage();
        }
        SavedSession.Reading r = SavedSession.read(text);
        if (r.problem() != null) {
            defaultBoot();
            return r.problem();
        }
        return replayOrDefault(r.scenario());
    }

    /** Restores the autosave; one that cannot be read is kept and the notice says why. */
    private void restoreSaved(String saved) {
        SavedSession.Reading r = SavedSession.read(saved);
        String problem = r.problem() != null ? r.problem() : replayOrDefault(r.scenario());
        if (problem != null) {
            if (r.problem() != null) {
                defaultBoot();
            }
            autosave.keepUnreadable(saved, problem);
        } else if (r.isLegacy()) {
            autosave.migrated();
            autosave.save(app.history().log().text());
        }
    }

    /**
     * Runs a saved session's commands as actions; returns null, or what the first failing line
     * said (the machine is then the default one).
     */
    private String replayOrDefault(Scenario saved) {
        StepResult r = app.replay(saved.steps());
        if (r != null) {
            app.clearHistory();
            defaultBoot();
            return Notice.clip("line " + r.line() + ": " + r.message());
        }
        app.clearHistory();
        return null;
    }

    /** The lines that rebuild the current machine: the session log, every action since the last boot. */
    List<String> currentLines() {
        return app.history().log().lines();
    }

    private void autosave() {
        if (restoring || !autosave.stores()) {
            return;
        }
        autosave.changed();
    }

    /** A link that rebuilds the machine and the lesson's position (Links); also "Open in Pagewalk". */
    String shareLink() {
        return link(null);
    }

    private String link(String embedParameters) {
        // With the format line, so a page of a later version can tell what it is reading.
        return Links.of(Js.pageUrl(), embedParameters, lessonFile(), player.position(),
                ShareText.encode(SavedSession.encode(String.join("\n", currentLines()))));
    }

    /** The built-in lesson that is open (found by its text), or null. */
    private String lessonFile() {
        String text = player.text();
        if (text != null) {
            for (Library.Entry e : Library.entries()) {
                if (e.text.equals(text)) {
                    return e.file;
                }
            }
        }
        return null;
    }

    private void status(String text) {
        HTMLElement s = dom.byId("status");
        if (s != null) {
            s.setInnerText(text);
        }
    }

    // ---- top navigation and dialogs --------------------------------------------------------

    private void installNav() {
        HTMLElement nav = dom.byId("topnav");
        if (nav == null) {
            return;
        }
        nav.appendChild(dom.action("Lessons", "Built-in lessons and find-the-bug exercises", this::showLessons));
        nav.appendChild(dom.action("Exercise", "A random translation exercise with its answer key", this::showExercise));
        nav.appendChild(dom.action("Share", "A link that rebuilds this machine", this::showShare));
        nav.appendChild(dom.action("Export", "Save this machine as a scenario file", this::export));
        nav.appendChild(dom.action("Import", "Open a scenario file", this::showImport));
        nav.appendChild(dom.action("Embed", "An iframe snippet for course pages", this::showEmbed));
    }

    private void installDialog() {
        dialog = dom.el("dialog", "pw-dialog");
        dialog.setAttribute("aria-labelledby", "pw-dialog-title");
        dialogTitle = dom.el("h2", "pw-dialog-title", "");
        dialogTitle.setAttribute("id", "pw-dialog-title");
        HTMLElement head = dom.el("div", "pw-dialog-head", null);
        head.appendChild(dialogTitle);
        head.appendChild(dom.action("Close", "Close this dialog (Escape)", this::closeDialog));
        dialog.appendChild(head);
        dialogBody = dom.el("div", "pw-dialog-body", null);
        dialog.appendChild(dialogBody);
        dom.document().getBody().appendChild(dialog);
    }

    private HTMLElement openDialog(String title) {
        dialogTitle.setInnerText(title);
        Dom.clear(dialogBody);
        Js.showModal(dialog);
        return dialogBody;
    }

    private void closeDialog() {
        Js.close(dialog);
    }

    void showLessons() {
        HTMLElement body = openDialog("Lessons");
        body.appendChild(dom.el("p", null, "Each lesson boots its own machine and plays as steps: Next runs a step and "
                + "tells what it did beside the views, Back and Restart go back. Its checks check themselves."));
        HTMLElement list = dom.el("ul", "lesson-list", null);
        for (Library.Entry e : Library.entries()) {
            HTMLElement li = dom.el("li", null, null);
            HTMLElement b = dom.action(e.title, e.topic, () -> {
                closeDialog();
                String error = Tour.FILE.equals(e.file) ? tour.start() : player.load(e.text, e.title);
                if (error != null) {
                    status(error);
                }
            });
            b.setAttribute("data-file", e.file);
            li.appendChild(b);
            li.appendChild(dom.el("span", "lesson-topic", " " + e.topic));
            list.appendChild(li);
        }
        body.appendChild(list);
    }

    void showExercise() {
        HTMLElement body = openDialog("Exercise");
        body.appendChild(dom.el("p", null, "A random CeanOS address space and eight questions about it, answered and checked one by one. "
                + "The same seed always gives the same exercise, so a class can share one."));
        HTMLElement label = dom.el("label", null, "Seed ");
        HTMLInputElement seed = dom.el("input").cast();
        seed.setAttribute("inputmode", "numeric");
        seed.setValue(Integer.toString((int) (Math.random() * 100000)));
        label.appendChild(seed);
        body.appendChild(label);
        HTMLElement error = dom.el("p", "field-error", "");
        error.setAttribute("role", "alert");
        body.appendChild(error);
        body.appendChild(dom.action("Start the exercise", null, () -> {
            int[] out = new int[1];
            String bad = org.pagewalk.text.Hex.parseUnsigned(seed.getValue().trim(), out);
            if (bad != null) {
                error.setInnerText("The seed must be a number: " + bad);
                return;
            }
            closeDialog();
            // The exercise page lives at its own link, so the class can share it.
            Js.goToQuery("?exercise=" + Integer.toUnsignedString(out[0]) + "&level=1");
        }));
    }

    private void showShare() {
        HTMLElement body = openDialog("Share this machine");
        body.appendChild(dom.el("p", null, "This link rebuilds the machine as it is now, by replaying the actions since boot."));
        HTMLTextAreaElement area = dom.el("textarea").cast();
        area.setClassName("share-text");
        area.setAttribute("readonly", "");
        area.setAttribute("aria-label", "Share link");
        area.setValue(shareLink());
        body.appendChild(area);
        body.appendChild(dom.action("Copy link", null, () -> {
            boolean ok = Js.copy(area.getValue());
            status(ok ? "Share link copied." : "Select the link and copy it (the browser refused the clipboard).");
        }));
    }

    private void export() {
        Js.download(EXPORT_FILE, SavedSession.encode(app.history().log().text()));
        status("Exported the session as " + EXPORT_FILE + ": Import restores it exactly, and the command-line runner runs it.");
    }

    private void showImport() {
        HTMLElement body = openDialog("Open a scenario");
        body.appendChild(dom.el("p", null, "A scenario file (.pw) opens as a lesson: step through it or play it. "
                + "An exported session (or a crash report) restores its machine at once."));
        HTMLInputElement input = dom.el("input").cast();
        input.setAttribute("type", "file");
        input.setAttribute("accept", ".pw,.txt,text/plain");
        input.setAttribute("aria-label", "Scenario file");
        HTMLElement error = dom.el("p", "field-error", "");
        error.setAttribute("role", "alert");
        Guard.on(input, "change", e -> Js.readFile(input, text -> Guard.run(() -> {
            if (text == null) {
                error.setInnerText("The file could not be read.");
                return;
            }
            String problem = open(text, "Imported scenario");
            if (problem != null) {
                error.setInnerText("This scenario has an error, nothing was run: " + problem);
            } else {
                closeDialog();
            }
        })));
        body.appendChild(input);
        body.appendChild(error);
        HTMLTextAreaElement paste = dom.el("textarea").cast();
        paste.setAttribute("aria-label", "Or paste scenario text");
        paste.setAttribute("placeholder", "…or paste scenario text here");
        body.appendChild(paste);
        body.appendChild(dom.action("Open pasted text", null, () -> {
            String problem = open(paste.getValue(), "Pasted scenario");
            if (problem != null) {
                error.setInnerText("This scenario has an error, nothing was run: " + problem);
            } else {
                closeDialog();
            }
        }));
    }

    /** Opens imported text: a saved session is restored, anything else opens as a lesson. Returns an error or null. */
    String open(String text, String title) {
        String tooBig = org.pagewalk.web.embed.Limits.scenario(text);
        if (tooBig != null) {
            return tooBig;
        }
        if (!SavedSession.isSession(text)) {
            return player.load(text, title);
        }
        SavedSession.Reading r = SavedSession.read(text);
        if (r.problem() != null) {
            return r.problem();
        }
        String before = autosave.lastGood();
        restoring = true;
        try {
            String problem = replayOrDefault(r.scenario());
            if (problem != null) {
                // Back to the machine the user had: its session is good, it was the last one saved.
                SavedSession.Reading previous = SavedSession.read(before);
                if (previous.scenario() != null) {
                    replayOrDefault(previous.scenario());
                }
                return problem;
            }
        } finally {
            restoring = false;
        }
        autosave.save(app.history().log().text());
        status("Restored the imported session: " + app.history().log().size() + " actions since boot.");
        return null;
    }

    private void showEmbed() {
        HTMLElement body = openDialog("Embed in a course page");
        body.appendChild(dom.el("p", null, "Paste this into Moodle, Canvas, a Jupyter Book or a slide deck. Choose the views "
                + "with view= (" + Embed.known() + ") and a built-in lesson with scenario=. It starts with this machine and "
                + "lesson, as they are now. A script on the course page can drive it with postMessage; if that page is on "
                + "another origin (host or port) than Pagewalk, add &parent= and the page's origin to src. See the help "
                + "page (help/embedding.html)."));
        String src = link("embed=1&view=lesson,walk,directory,tlb");
        HTMLTextAreaElement area = dom.el("textarea").cast();
        area.setClassName("share-text");
        area.setAttribute("readonly", "");
        area.setAttribute("aria-label", "Embed snippet");
        area.setValue("<iframe src=\"" + src + "\" width=\"800\" height=\"600\" title=\"Pagewalk: x86 paging\" "
                + "style=\"border:1px solid #d1d5db;border-radius:8px\"></iframe>");
        body.appendChild(area);
        body.appendChild(dom.action("Copy snippet", null, () -> status(Js.copy(area.getValue()) ? "Snippet copied."
                : "Select the snippet and copy it (the browser refused the clipboard).")));
    }

    private void showStartCard() {
        HTMLElement main = dom.byId("app");
        HTMLElement card = dom.el("section", "panel start-card", null);
        card.setAttribute("aria-label", "Start here");
        card.setAttribute("id", "start-card");
        card.appendChild(dom.el("h2", null, "Start here"));
        HTMLElement first = dom.el("p", null, "The walk below shows a user read of 0x08048000.");
        first.setId("start-card-walk");
        card.appendChild(first);
        // True of the first state only: hidden once an action or another address changes what the walk
        // shows, shown again if undo (or selecting the address again) returns to it.
        int firstSize = app.history().log().size();
        String firstLog = app.history().log().text();
        app.addListener((a, what) -> {
            if ((what & (App.MACHINE | App.SELECTION)) != 0 && !card.isHidden()) {
                first.setHidden(a.currentAddress() != App.FIRST_ADDRESS || a.previewAccess() != Access.USER
                        || a.history().log().size() != firstSize || !a.history().log().text().equals(firstLog));
            }
        });
        HTMLElement row = dom.el("div", "start-actions", null);
        HTMLElement tourButton = dom.action("Take the two-minute tour", null, () -> {
            card.setHidden(true);
            String error = tour.start();
            if (error != null) {
                status(error);
            }
        });
        tourButton.setId("start-tour");
        row.appendChild(tourButton);
        row.appendChild(dom.action("Browse the lessons", null, () -> {
            card.setHidden(true);
            showLessons();
        }));
        row.appendChild(dom.action("Try an exercise", null, () -> {
            card.setHidden(true);
            showExercise();
        }));
        row.appendChild(dom.action("Don't show this again", null, () -> {
            card.setHidden(true);
            Js.store(START_CARD_KEY, "1");
        }));
        card.appendChild(row);
        HTMLElement status = dom.byId("status");
        if (main != null && status != null && status.getNextSibling() != null) {
            main.insertBefore(card, status.getNextSibling());
        }
    }
}
