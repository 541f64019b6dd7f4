package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a scenario a few lines at a time, so a page can parse a long one in slices and stay
 * responsive; the result is the {@link Scenario} that {@link Scenario#parse} gives for the same text.
 */
public final class ScenarioReader {
    private final ScenarioParser parser = new ScenarioParser();
    private final String text;
    private final String[] lines;
    private final List<Command> commands = new ArrayList<>();
    private int next;

    public ScenarioReader(String text) {
        this.text = text;
        this.lines = org.pagewalk.text.Split.on(text, '\n');
    }

    /** Parses up to {@code count} more lines; throws {@link ScenarioError} at the first bad one. */
    public void read(int count) {
        int end = Math.min(lines.length, next + Math.max(0, count));
        for (; next < end; next++) {
            Command c = parser.next(next + 1, lines[next]);
            if (c != null) {
                commands.add(c);
            }
        }
    }

    public boolean isDone() {
        return next >= lines.length;
    }

    public int linesRead() {
        return next;
    }

    public int lineCount() {
        return lines.length;
    }

    /** The scenario, once every line is read. */
    public Scenario scenario() {
        if (!isDone()) {
            throw new IllegalStateException("read every line first");
        }
        return new Scenario(parser.title(), parser.about(), commands, text);
    }
}
