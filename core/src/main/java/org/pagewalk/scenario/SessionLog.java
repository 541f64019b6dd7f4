package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Every action since the last boot, in order: the lines that rebuild the session from nothing
 * (what share links, autosave and export carry). Unlike the undo stack it never drops its
 * beginning; instead it has a size limit, and {@link History} refuses an action that would pass
 * it, with {@link #fullMessage()}, rather than lose the start silently. Undo takes lines back off
 * the end (and undoing a boot brings back the log from before it).
 */
public final class SessionLog {
    /** About 1 MB of share link or autosave: far beyond a lesson, well inside a URL and localStorage. */
    public static final int LIMIT = 20000;

    private final int limit;
    private List<String> lines = new ArrayList<>();

    /** Where the log stood: which log (a boot starts a new one) and how long it was. */
    static final class Mark {
        final List<String> lines;
        final int size;

        Mark(List<String> lines, int size) {
            this.lines = lines;
            this.size = size;
        }
    }

    SessionLog(int limit) {
        this.limit = limit;
    }

    /** The lines since the last boot, oldest first (a copy). */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The lines as one text, one per line: a share link's or autosave's payload. */
    public String text() {
        return String.join("\n", lines);
    }

    public int size() {
        return lines.size();
    }

    /** The last line, or {@code null} when the log is empty. */
    public String last() {
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }

    /** Whether one more action that is not a boot would pass the limit. */
    public boolean isFull() {
        return lines.size() >= limit;
    }

    String fullMessage() {
        return "the session log is full: " + limit + " actions since the last boot, the most a share link or autosave "
                + "carries; boot a machine to start a new log (Export saves this machine's state as it is)";
    }

    Mark mark() {
        return new Mark(lines, lines.size());
    }

    void record(String line, boolean boot) {
        if (boot) {
            // The old list stays untouched: an undo entry's mark may bring it back.
            lines = new ArrayList<>();
        }
        lines.add(line);
    }

    void reset(Mark m) {
        lines = m.lines;
        while (lines.size() > m.size) {
            lines.remove(lines.size() - 1);
        }
    }
}
