package org.pagewalk.scenario;

/** Scenario text one line at a time (the command line reads a file through one), so no one holds it all. */
public interface LineSource {
    /** The next line without its line break, or {@code null} at the end. */
    String next();
}
