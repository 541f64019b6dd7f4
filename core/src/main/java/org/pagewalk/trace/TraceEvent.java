package org.pagewalk.trace;

/** One recorded event: its kind, its four ints (see {@link EventKind}) and optional text. */
public final class TraceEvent {
    private final EventKind kind;
    private final int a;
    private final int b;
    private final int c;
    private final int d;
    private final String text;

    public TraceEvent(EventKind kind, int a, int b, int c, int d, String text) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.text = text;
    }

    public EventKind kind() {
        return kind;
    }

    public int a() {
        return a;
    }

    public int b() {
        return b;
    }

    public int c() {
        return c;
    }

    public int d() {
        return d;
    }

    /** The words of a text event, or {@code null}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return TraceFormatter.describe(this);
    }
}
