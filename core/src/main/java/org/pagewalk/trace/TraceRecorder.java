package org.pagewalk.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the most recent events it hears, in order, in a ring of fixed capacity: past it the
 * oldest go, at no cost to the newest (no shifting). Events are numbered from 0 in the order
 * heard; {@link #size()} is how many were ever heard, so a caller can mark a point and later
 * ask for everything {@link #since} it.
 */
public final class TraceRecorder implements TraceListener {
    private final TraceEvent[] ring;
    private int total;

    public TraceRecorder() {
        this(1 << 20);
    }

    public TraceRecorder(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.ring = new TraceEvent[limit];
    }

    @Override
    public void event(EventKind kind, int a, int b, int c, int d) {
        add(new TraceEvent(kind, a, b, c, d, null));
    }

    @Override
    public void text(EventKind kind, String text, int a, int b) {
        add(new TraceEvent(kind, a, b, 0, 0, text));
    }

    private void add(TraceEvent event) {
        ring[total % ring.length] = event;
        total++;
    }

    /** The events still held, oldest first. */
    public List<TraceEvent> events() {
        return since(0);
    }

    /** How many events were ever recorded (the number the next one gets). */
    public int size() {
        return total;
    }

    /** Events heard but no longer held. */
    public int dropped() {
        return Math.max(0, total - ring.length);
    }

    /** The held events numbered {@code mark} and later. */
    public List<TraceEvent> since(int mark) {
        int from = Math.max(Math.max(0, mark), dropped());
        List<TraceEvent> out = new ArrayList<>(Math.max(0, total - from));
        for (int i = from; i < total; i++) {
            out.add(ring[i % ring.length]);
        }
        return out;
    }

    public void clear() {
        java.util.Arrays.fill(ring, null);
        total = 0;
    }
}
