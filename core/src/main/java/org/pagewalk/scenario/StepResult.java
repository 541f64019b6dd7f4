package org.pagewalk.scenario;

import org.pagewalk.text.Chars;

/** What running one scenario line came to. */
public final class StepResult {
    public enum Status {
        /** The line ran. */
        OK,
        /** An expect line held. */
        PASSED,
        /** An expect line did not hold: expected versus actual in the message. */
        FAILED,
        /** The line was refused; the machine is unchanged. */
        ERROR
    }

    private final int line;
    private final String source;
    private final Status status;
    private Report report;
    private String message;
    private final int column;
    private final org.pagewalk.machine.AccessResult access;
    private ExpectOutcome expect;

    StepResult(int line, String source, Status status, String message) {
        this(line, 0, source, status, message, null);
    }

    StepResult(int line, int column, String source, Status status, String message, org.pagewalk.machine.AccessResult access) {
        this.line = line;
        this.column = column;
        this.source = source;
        this.status = status;
        this.message = message;
        this.access = access;
    }

    /** An expect line's verdict: PASSED or FAILED, the outcome's sentence as the message. */
    StepResult(int line, String source, ExpectOutcome outcome) {
        this(line, 0, source, outcome.holds() ? Status.PASSED : Status.FAILED, outcome.message(), null);
        this.expect = outcome;
    }

    /** A line that ran: its report is put into words only if {@link #message()} is read. */
    StepResult(int line, int column, String source, Status status, Report report, org.pagewalk.machine.AccessResult access) {
        this.line = line;
        this.column = column;
        this.source = source;
        this.status = status;
        this.report = report;
        this.access = access;
    }

    public int line() {
        return line;
    }

    /** The 1-based column an error points at (where the parser or the check stopped); 0 when none applies. */
    public int column() {
        return column;
    }

    /**
     * What a read, write or translate line came to (a translation, hit or miss, or a page fault);
     * {@code null} for every other line and for a line that failed.
     */
    public org.pagewalk.machine.AccessResult access() {
        return access;
    }

    /** What an expect line came to (its kind, the values compared); {@code null} for every other line and for a check that could not be judged. */
    public ExpectOutcome expect() {
        return expect;
    }

    public String source() {
        return source;
    }

    public Status status() {
        return status;
    }

    /** What happened, in words: a result, a fault, an expect's verdict, or an error. */
    public String message() {
        if (message == null) {
            message = report.text();
            report = null;
        }
        return message;
    }

    @Override
    public String toString() {
        return "line " + line + " " + Chars.lower(status.name()) + (message().isEmpty() ? "" : ": " + message());
    }
}
