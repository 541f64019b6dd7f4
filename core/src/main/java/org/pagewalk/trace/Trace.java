package org.pagewalk.trace;

/**
 * The machine's one trace hub: listeners attach and detach here. With none attached the hub
 * holds {@link TraceListener#NONE} and an event costs one test of a flag (no call: a virtual call
 * is cheap on the JVM, not in TeaVM's JavaScript and WebAssembly, where the machine's events are
 * half the work of a TLB hit); with one it forwards straight to it.
 */
public final class Trace implements TraceListener {
    private TraceListener[] listeners = new TraceListener[0];
    private TraceListener target = TraceListener.NONE;
    private boolean listening;

    public void attach(TraceListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        TraceListener[] next = new TraceListener[listeners.length + 1];
        System.arraycopy(listeners, 0, next, 0, listeners.length);
        next[listeners.length] = listener;
        listeners = next;
        retarget();
    }

    public void detach(TraceListener listener) {
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] == listener) {
                TraceListener[] next = new TraceListener[listeners.length - 1];
                System.arraycopy(listeners, 0, next, 0, i);
                System.arraycopy(listeners, i + 1, next, i, listeners.length - i - 1);
                listeners = next;
                retarget();
                return;
            }
        }
    }

    private void retarget() {
        listening = listeners.length > 0;
        if (listeners.length == 0) {
            target = TraceListener.NONE;
        } else if (listeners.length == 1) {
            target = listeners[0];
        } else {
            final TraceListener[] all = listeners;
            target = new TraceListener() {
                @Override
                public void event(EventKind kind, int a, int b, int c, int d) {
                    for (TraceListener l : all) {
                        l.event(kind, a, b, c, d);
                    }
                }

                @Override
                public void text(EventKind kind, String text, int a, int b) {
                    for (TraceListener l : all) {
                        l.text(kind, text, a, b);
                    }
                }
            };
        }
    }

    /** Whether anyone listens: a caller that must build text for an event can skip it when not. */
    public boolean isListening() {
        return listening;
    }

    @Override
    public void event(EventKind kind, int a, int b, int c, int d) {
        if (listening) {
            target.event(kind, a, b, c, d);
        }
    }

    @Override
    public void text(EventKind kind, String text, int a, int b) {
        if (listening) {
            target.text(kind, text, a, b);
        }
    }
}
