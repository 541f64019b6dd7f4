package org.pagewalk.scenario;

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

    StepResult(int line, String source, Status status, String message) {
        this.line = line;
        this.source = source;
        this.status = status;
        this.message = message;
    }

    StepResult(int line, String source, Status status, Report report) {
        this.line = line;
        this.source = source;
        this.status = status;
        this.report = report;
    }

    public int line() {
        return line;
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
        return "line " + line + " " + status.name().toLowerCase() + (message().isEmpty() ? "" : ": " + message());
    }
}
