package org.pagewalk.trace;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it hears, in order, up to a limit (the oldest go first past it). */
public final class TraceRecorder implements TraceListener {
    private final int limit;
    private final ArrayList<TraceEvent> events = new ArrayList<>();
    private int dropped;

    public TraceRecorder() {
        this(1 << 20);
    }

    public TraceRecorder(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
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
        if (events.size() >= limit) {
            events.remove(0);
            dropped++;
        }
        events.add(event);
    }

    public List<TraceEvent> events() {
        return new ArrayList<>(events);
    }

    public int size() {
        return events.size();
    }

    /** Events dropped because the limit was reached. */
    public int dropped() {
        return dropped;
    }

    public List<TraceEvent> since(int index) {
        return new ArrayList<>(events.subList(Math.max(0, Math.min(index, events.size())), events.size()));
    }

    public void clear() {
        events.clear();
    }
}
