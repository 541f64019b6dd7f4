package org.pagewalk.scenario;

/**
 * What an {@code expect} line came to, as values: its kind, whether it held, the value it asserted
 * and the value found, each as short text a grader compares ("0x00255000", "hit", "used",
 * "fault 0x7", "12"), and the sentence a student reads.
 */
public final class ExpectOutcome {
    private final ExpectKind kind;
    private final boolean holds;
    private final String expected;
    private final String actual;
    private final String message;

    private ExpectOutcome(ExpectKind kind, boolean holds, String expected, String actual, String message) {
        this.kind = kind;
        this.holds = holds;
        this.expected = expected;
        this.actual = actual;
        this.message = message;
    }

    /** A check that held; {@code actual} may say more than {@code expected} (the error code of a fault that was asserted without one). */
    static ExpectOutcome held(ExpectKind kind, String expected, String actual) {
        return new ExpectOutcome(kind, true, expected, actual, "ok");
    }

    /** A check that did not hold; {@code sentence} is "expected ..., actual ..." (what the student reads). */
    static ExpectOutcome failed(ExpectKind kind, String expected, String actual, String sentence) {
        return new ExpectOutcome(kind, false, expected, actual, sentence);
    }

    public ExpectKind kind() {
        return kind;
    }

    public boolean holds() {
        return holds;
    }

    /** The value the check asserted. */
    public String expected() {
        return expected;
    }

    /** The value found. */
    public String actual() {
        return actual;
    }

    /** "ok", or "expected ..., actual ..." for a check that did not hold. */
    public String message() {
        return message;
    }
}
