package org.pagewalk.web.lessons;

import org.pagewalk.text.Split;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.browser.Window;

/**
 * The session in localStorage (docs/SAVES.md). Every storage call goes through a {@link Js}
 * native that catches and answers with a status, so a refusing browser gives a notice, never a
 * console error, and the page keeps working. A save that cannot be read is kept under its own
 * key before anything can overwrite it; a storage that refuses is said once, and the notice goes
 * when a later save succeeds.
 *
 * <p>An action does not write the session at once: joining the whole log and writing it to
 * localStorage after every action was a fifth of an action's time on a long session. The first
 * save of a page is written at once; later ones wait {@link #SAVE_DELAY_MS} (actions in between
 * share it) and are written at once when the page is hidden or left ({@code visibilitychange},
 * {@code pagehide}: a reload right after an action keeps it), or when something reads the last
 * good state.
 */
final class Autosave {
    static final String KEY = "pagewalk.session.v1";
    /** Where unreadable saves are kept, followed by the time they were found (ms since 1970). */
    static final String KEPT_PREFIX = "pagewalk.session.unreadable.";
    /** Keys like {@code pagewalk.session.v2}: what a later format would be stored under. */
    private static final String VERSIONED_PREFIX = "pagewalk.session.v";

    /** Embedded frames keep their own saves ({@code ?save=NAME}) or none, never the full page's. */
    static final String EMBED_PREFIX = "pagewalk.embed.";

    /** Where this page saves: {@link #KEY}, an embed's own key, or null (an embed without ?save=: no saving). */
    private final String key;
    private final Notice unreadable;
    private final Notice storage;
    /**
     * The saved text of the last action that completed: what a crash report carries. Null while
     * it is {@link #startLines}, not yet joined.
     */
    private String lastGood = SavedSession.encode("");
    /**
     * The session log the page started with, joined only if something reads it before the first
     * action completes: a share link of 10,000 lines opened and closed never needs its text.
     */
    private java.util.List<String> startLines;
    /** The unreadable save could not be copied: keep it where it is until the user starts fresh. */
    private boolean guardOriginal;
    /** How long a completed action waits to be saved, so that a burst of actions is saved once. */
    static final int SAVE_DELAY_MS = 400;
    /** An action completed since the last save. */
    private boolean dirty;
    /** A delayed save is scheduled. */
    private boolean scheduled;
    /** This page has written its save at least once. */
    private boolean stored;

    Autosave(Dom dom) {
        key = keyFor("1".equals(Js.queryParameter("embed")), Js.queryParameter("save"));
        unreadable = new Notice(dom, "save-notice");
        storage = new Notice(dom, "storage-notice");
        if (key != null) {
            Guard.on(Window.current(), "pagehide", e -> flush());
            Guard.on(Window.current().getDocument(), "visibilitychange", e -> flush());
        }
    }

    /** The saved text to restore, or null (none, or storage unavailable: then the notice says so). */
    String load() {
        if (key == null) {
            return null;
        }
        String problem = Js.storageProblem();
        if (problem != null) {
            refused(problem);
            return null;
        }
        if (key.equals(KEY)) {
            explainOtherVersions();
        }
        String saved = Js.load(key);
        return saved == null || saved.isEmpty() ? null : saved;
    }

    private void explainOtherVersions() {
        for (String key : Split.on(Js.storedKeys(VERSIONED_PREFIX), '\n')) {
            if (key.isEmpty() || key.equals(KEY)) {
                continue;
            }
            String text = Js.load(key);
            unreadable.show("A session saved by another version of Pagewalk is stored under '" + Notice.clip(key)
                    + "'. This page reads only its own format (" + KEY + "), so it left that save untouched "
                    + "and did not restore it.")
                    .action("Download that save", () -> Js.download("pagewalk-other-version.pw", text == null ? "" : text))
                    .action("Dismiss", unreadable::hide);
            return;
        }
    }

    /**
     * Keeps a save that could not be restored under {@link #KEPT_PREFIX}{@code <time>} and says
     * what was wrong; the page has started from the default machine.
     */
    void keepUnreadable(String text, String problem) {
        String kept = KEPT_PREFIX + Long.toString(System.currentTimeMillis());
        String refused = Js.store(kept, text);
        guardOriginal = refused != null;
        String where = refused == null ? "It is kept under '" + kept + "' in this browser's storage"
                : "It stays under '" + KEY + "' (copying it failed: " + Notice.clip(refused) + ") and will not be "
                        + "overwritten until you start fresh";
        unreadable.show("Your saved session could not be restored: " + problem + ". " + where
                + ". Pagewalk started from the default machine.")
                .action("Download the unreadable save", () -> Js.download("pagewalk-unreadable-save.pw", text))
                .action("Start fresh", () -> {
                    guardOriginal = false;
                    unreadable.hide();
                    store(good());
                });
    }

    /** Says that an older save was read and will be written back in the current format. */
    void migrated() {
        unreadable.show("Your saved session was written by an earlier Pagewalk; it was restored and is now saved "
                + "in the current format (" + SavedSession.HEADER + ").")
                .action("Dismiss", unreadable::hide);
    }

    /**
     * The state the page started in (restored or default), as its session log's lines (a copy the
     * page no longer changes): the last good state until an action completes.
     */
    void startedWith(java.util.List<String> logLines) {
        startLines = logLines;
        lastGood = null;
    }

    /** The last good state's text, joining the start's lines the first time it is needed. */
    private String good() {
        if (lastGood == null) {
            lastGood = SavedSession.encode(String.join("\n", startLines));
            startLines = null;
        }
        return lastGood;
    }

    /** A new last good state: the start's lines are no longer it. */
    private void good(String text) {
        lastGood = text;
        startLines = null;
    }

    /**
     * Where an embed that stores nothing reads the session when a crash report or an import
     * needs it: building the text after every action would only be thrown away.
     */
    private java.util.function.Supplier<String> current;

    /** Whether this page stores its session at all (an embed without ?save= does not). */
    boolean stores() {
        return key != null;
    }

    void track(java.util.function.Supplier<String> logText) {
        current = logText;
    }

    /**
     * An action completed: the session is saved within {@link #SAVE_DELAY_MS}, or sooner if the
     * page is hidden or left.
     */
    void changed() {
        dirty = true;
        if (!stored) {
            // The first save of this page is written at once: from then on a missing key means
            // someone deleted it (see flush), never that nothing was saved yet.
            flush();
            return;
        }
        if (!scheduled) {
            scheduled = true;
            Guard.later(SAVE_DELAY_MS, () -> {
                scheduled = false;
                flush();
            });
        }
    }

    /**
     * Writes a save that is still waiting, unless the storage was cleared since this page last
     * wrote it (site data cleared, or a test starting afresh): a delayed save must not bring back
     * what someone deleted after the action.
     */
    void flush() {
        if (!dirty || current == null) {
            return;
        }
        if (stored && Js.load(key) == null) {
            // Deleted after this page wrote it: the next action writes again, at once.
            dirty = false;
            stored = false;
            good(SavedSession.encode(current.get()));
            return;
        }
        save(current.get());
    }

    /** Saves the session log now. */
    void save(String logText) {
        dirty = false;
        good(SavedSession.encode(logText));
        if (!guardOriginal) {
            store(lastGood);
        }
    }

    /** The saved text of the last action that completed. */
    String lastGood() {
        flush();
        return key == null && current != null ? SavedSession.encode(current.get()) : good();
    }

    /** The full page's key; an embed's own key from ?save= (letters, digits, '-', '_'), else none. */
    static String keyFor(boolean embedded, String saveName) {
        if (!embedded) {
            return KEY;
        }
        if (saveName == null || saveName.isEmpty() || saveName.length() > 64) {
            return null;
        }
        for (int i = 0; i < saveName.length(); i++) {
            char c = saveName.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return null;
            }
        }
        return EMBED_PREFIX + saveName + ".v1";
    }

    private void store(String text) {
        if (key == null) {
            return;
        }
        String refused = Js.store(key, text);
        if (refused == null) {
            stored = true;
            storage.hide();
        } else {
            refused(refused);
        }
    }

    private void refused(String reason) {
        boolean full = reason.startsWith("QuotaExceededError");
        String what = full ? "This browser's storage for Pagewalk is full, so this session is not being saved"
                : "This browser does not let Pagewalk use its storage (a private window, a file:// page or a privacy "
                        + "setting), so this session is not being saved";
        storage.show(what + " (" + Notice.clip(reason) + "). Everything else works; use Export to keep the machine in a file.")
                .action("Export now", () -> Js.download(Lessons.EXPORT_FILE, good()))
                .action("Dismiss", storage::hide);
    }
}
