package org.pagewalk.web.embed;

import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.StepResult;

/** What the API asks of the page's lesson player (web.lessons implements it). */
public interface LessonControl {
    /** Makes a parsed scenario the lesson the frame runs (nothing runs yet). */
    void load(Scenario scenario, String title);

    /** The text of the built-in scenario called {@code name} (with or without .pw), or null. */
    String library(String name);

    /** The built-in scenarios' file names, for an error message. */
    String libraryNames();

    boolean hasNext();

    /** Runs the lesson's next line as the student's Step button does; null when it was a pause. */
    StepResult step();

    /** Lines run so far (the next line's index) and the lesson's length; 0 and 0 with no lesson. */
    int position();

    int length();

    /** Back to the lesson's first line and the default machine (CeanOS booted). */
    void reset();
}
