package org.pagewalk.web;

import java.util.function.Consumer;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.browser.AnimationFrameCallback;
import org.teavm.jso.browser.TimerHandler;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.EventTarget;
import org.teavm.jso.dom.html.HTMLBodyElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Every way into Java from the browser (main, event handlers, timers, animation frames) goes
 * through here, so that no Java exception ever reaches the browser console: a bug is shown on
 * the page instead, where a user can report it, and the page keeps working.
 *
 * <p>Wasm GC traps (division by zero, null dereference) cannot be caught in Java; guarding the
 * inputs that reach them is the caller's job.
 */
public final class Guard {
    private Guard() {
    }

    /** Runs {@code action}, turning any exception into an on-page report. */
    public static void run(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            report(t);
        }
    }

    /** Wraps an event handler; use it for every listener the page installs. */
    public static <E extends Event> EventListener<E> listener(EventListener<E> handler) {
        return event -> {
            try {
                handler.handleEvent(event);
            } catch (Throwable t) {
                report(t);
            }
        };
    }

    /** {@code target.addEventListener(type, handler)}, guarded. */
    public static <E extends Event> void on(EventTarget target, String type, EventListener<E> handler) {
        target.addEventListener(type, listener(handler));
    }

    /** {@code requestAnimationFrame}, guarded. */
    public static int frame(AnimationFrameCallback callback) {
        return Window.requestAnimationFrame(timestamp -> {
            try {
                callback.onAnimationFrame(timestamp);
            } catch (Throwable t) {
                report(t);
            }
        });
    }

    /** {@code setTimeout}, guarded. */
    public static int later(int millis, Runnable action) {
        TimerHandler handler = () -> run(action);
        return Window.setTimeout(handler, millis);
    }

    /**
     * Calls {@code handler} with each internal error's description, after it is shown (the crash
     * report listens here). A handler that fails is ignored: a report must never cause another.
     */
    public static void onFault(Consumer<String> handler) {
        Js.onFault(description -> {
            try {
                handler.accept(description);
            } catch (Throwable ignored) {
                // Reporting the report's own failure would loop.
            }
        });
    }

    /** Counts the fault in {@code <body data-faults>} (the e2e suite expects none) and shows it. */
    private static void report(Throwable t) {
        try {
            HTMLDocument document = HTMLDocument.current();
            HTMLBodyElement body = document.getBody();
            String before = body.getAttribute("data-faults");
            int faults = before == null ? 1 : Integer.parseInt(before) + 1;
            body.setAttribute("data-faults", Integer.toString(faults));
            HTMLElement box = document.getElementById("fault");
            if (box != null) {
                box.setInnerText("Pagewalk hit an internal error and ignored it: " + describe(t)
                        + ". The page may be out of date; reload it to go back to the last saved state.");
                box.setHidden(false);
            }
            Js.dispatchFault(describe(t));
        } catch (Throwable ignored) {
            // Reporting must never throw: the page without a report is better than a console error.
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String type = t.getClass().getName();
        return message == null || message.isEmpty() ? type : type + ": " + message;
    }
}
