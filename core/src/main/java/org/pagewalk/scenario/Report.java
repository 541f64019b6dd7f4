package org.pagewalk.scenario;

/**
 * What a line that ran has to report, put into words only when it is read: a restore replays
 * thousands of lines whose reports nobody reads, and in the JavaScript build building those
 * sentences cost more than running the lines.
 */
interface Report {
    String text();

    static Report of(String text) {
        return () -> text;
    }
}
