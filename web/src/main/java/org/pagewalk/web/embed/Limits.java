package org.pagewalk.web.embed;

import org.pagewalk.scenario.SessionLog;
import org.pagewalk.text.Printable;

/**
 * How much the page takes in one go (docs/EMBEDDING.md, "Limits"): a message's line, a scenario
 * sent, imported or pasted. Each limit is checked before the text is copied or parsed, and the
 * error says the limit and what to do instead.
 */
public final class Limits {
    /** One scenario line (pagewalk:run, a console line): long notes fit, a flood does not. */
    public static final int LINE_CHARS = 4000;
    /** A whole scenario (pagewalk:load, Import, pasted text). */
    public static final int SCENARIO_CHARS = 1_000_000;
    /** The session log's own limit: a longer scenario could never be shared or saved. */
    public static final int SCENARIO_LINES = SessionLog.LIMIT;
    /** How many lines pagewalk:step runs in one message. */
    public static final int STEP_COUNT = SCENARIO_LINES;
    /** How much of a bad input an error reply quotes. */
    public static final int ECHO = Printable.TOKEN;

    private Limits() {
    }

    /** Null when {@code text} fits a scenario's limits, else why not. */
    public static String scenario(String text) {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        return scenario(text.length(), lines);
    }

    /** As {@link #scenario(String)}, for a text measured already ({@code lines}: its line breaks plus one). */
    static String scenario(int chars, int lines) {
        if (chars > SCENARIO_CHARS) {
            return "the scenario is " + chars + " characters long; at most " + SCENARIO_CHARS
                    + " are taken (split it into several scenarios)";
        }
        if (lines > SCENARIO_LINES) {
            return "the scenario has " + lines + " lines; at most " + SCENARIO_LINES
                    + " are taken, the session log's limit (split it into several scenarios)";
        }
        return null;
    }
}
