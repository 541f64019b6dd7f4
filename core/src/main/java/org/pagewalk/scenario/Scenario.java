package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A parsed scenario: its title, explanation and commands (one per line that does something). Immutable. */
public final class Scenario {
    private final String title;
    private final String about;
    private final List<Command> steps;
    private final String source;

    Scenario(String title, String about, List<Command> steps, String source) {
        this.title = title;
        this.about = about;
        this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
        this.source = source;
    }

    /** Parses scenario text; throws {@link ScenarioError} at the first bad line. */
    public static Scenario parse(String text) {
        return new ScenarioParser().parse(text);
    }

    public String title() {
        return title;
    }

    public String about() {
        return about;
    }

    public List<Command> steps() {
        return steps;
    }

    public String source() {
        return source;
    }

    public int expectCount() {
        int n = 0;
        for (Command s : steps) {
            if (s.isExpect()) {
                n++;
            }
        }
        return n;
    }
}
