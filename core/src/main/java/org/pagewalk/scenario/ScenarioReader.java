package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a scenario a few lines at a time, so a page can parse a long one in slices and stay
 * responsive; the result is the {@link Scenario} that {@link Scenario#parse} gives for the same text.
 * Lines are cut from the text as they are read, not all at once: splitting a 20,000-line text
 * up front was itself a long task for a page.
 */
public final class ScenarioReader {
    private final ScenarioParser parser = new ScenarioParser();
    private final String text;
    /** The text's characters, which every line is tokenized from (one array, not one per line); made at the first read. */
    private char[] chars;
    private final List<Command> commands = new ArrayList<>();
    /** Where the next line starts in the text; -1 once the last line (the one after the last '\n') is read. */
    private int from;
    private int next;
    private int lineCount = -1;

    public ScenarioReader(String text) {
        this.text = text;
    }

    /** Parses up to {@code count} more lines; throws {@link ScenarioError} at the first bad one. */
    public void read(int count) {
        if (chars == null) {
            chars = text.toCharArray();
        }
        for (int i = 0; i < count && from >= 0; i++) {
            int end = text.indexOf('\n', from);
            int start = from;
            String line = end < 0 ? text.substring(from) : text.substring(from, end);
            from = end < 0 ? -1 : end + 1;
            next++;
            Command c = parser.next(next, line, chars, start);
            if (c != null) {
                commands.add(c);
            }
        }
    }

    public boolean isDone() {
        return from < 0;
    }

    public int linesRead() {
        return next;
    }

    /** The text's lines, as {@code Split.on(text, '\n')} counts them (a last empty one included); counted once. */
    public int lineCount() {
        if (lineCount < 0) {
            int n = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                n++;
            }
            lineCount = n;
        }
        return lineCount;
    }

    /** The scenario, once every line is read. */
    public Scenario scenario() {
        if (!isDone()) {
            throw new IllegalStateException("read every line first");
        }
        return new Scenario(parser.title(), parser.about(), commands, text);
    }
}
