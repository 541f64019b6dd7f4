package org.pagewalk.web.lessons;

import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.ScenarioError;

/**
 * The saved-session format (docs/SAVES.md): a first line {@code # pagewalk-session 1}, then the
 * session log, one action a line, starting at a boot. The header is a scenario comment, so an
 * autosave, an export and a crash report are all scenario files the runner and Import open.
 * A text without the header is the format autosave wrote before it had versions (the same lines):
 * it is read as version 1.
 */
public final class SavedSession {
    public static final int VERSION = 1;
    static final String HEADER_PREFIX = "# pagewalk-session ";
    static final String HEADER = HEADER_PREFIX + VERSION;

    private SavedSession() {
    }

    /** The saved text of a session log ({@code SessionLog.text()}). */
    public static String encode(String logText) {
        return HEADER + "\n" + logText;
    }

    /** Whether the text says it is a saved session (any version): Import restores it rather than opening a lesson. */
    static boolean isSession(String text) {
        return header(text) != null;
    }

    /** The commands a saved text holds, or why it cannot be read; nothing runs here. */
    public static Reading read(String text) {
        String version = header(text);
        if (version != null && !version.equals(Integer.toString(VERSION))) {
            return Reading.problem("it was saved by another version of Pagewalk (session format '" + Notice.clip(version)
                    + "'; this page reads format " + VERSION + ")");
        }
        Scenario parsed;
        try {
            parsed = Scenario.parse(text);
        } catch (ScenarioError e) {
            return Reading.problem("line " + e.line() + ": " + e.detail());
        }
        if (parsed.steps().isEmpty()) {
            return Reading.problem("it holds no actions (a saved session starts with a boot line)");
        }
        if (!parsed.steps().get(0).isBoot()) {
            return Reading.problem("line " + parsed.steps().get(0).line() + ": a saved session starts with a boot line");
        }
        return new Reading(parsed, null, version == null);
    }

    /** The version word of the header among the leading comment lines, or null when there is none. */
    private static String header(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).trim();
            if (line.startsWith(HEADER_PREFIX)) {
                return line.substring(HEADER_PREFIX.length()).trim();
            }
            if (!line.isEmpty() && !line.startsWith("#")) {
                return null;
            }
            start = end + 1;
        }
        return null;
    }

    /** The outcome of reading a saved text: a scenario to replay, or a problem for the notice. */
    public static final class Reading {
        private final Scenario scenario;
        private final String problem;
        private final boolean legacy;

        private Reading(Scenario scenario, String problem, boolean legacy) {
            this.scenario = scenario;
            this.problem = problem;
            this.legacy = legacy;
        }

        static Reading problem(String problem) {
            return new Reading(null, Notice.clip(problem), false);
        }

        /** The parsed session, or null when it cannot be read. */
        public Scenario scenario() {
            return scenario;
        }

        /** What is wrong ("line 3: …"), or null. */
        public String problem() {
            return problem;
        }

        /** Whether it was written before the format had a version line (read as version 1). */
        boolean isLegacy() {
            return legacy;
        }
    }
}
