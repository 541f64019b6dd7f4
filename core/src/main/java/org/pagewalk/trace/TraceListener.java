package org.pagewalk.trace;

/**
 * Receives the machine's events. The machine calls it with ints and enums only, never formatted
 * strings, so that tracing costs nothing but a call when nobody records.
 */
public interface TraceListener {
    /** The listener that ignores everything: the machine's default, so no null checks. */
    TraceListener NONE = new TraceListener() {
        @Override
        public void event(EventKind kind, int a, int b, int c, int d) {
        }

        @Override
        public void text(EventKind kind, String text, int a, int b) {
        }
    };

    void event(EventKind kind, int a, int b, int c, int d);

    /** Events that need words: guest function entry/exit and notes. */
    void text(EventKind kind, String text, int a, int b);
}
