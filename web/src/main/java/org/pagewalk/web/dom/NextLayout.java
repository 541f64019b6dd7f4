package org.pagewalk.web.dom;

import org.pagewalk.web.Guard;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Runs a task once the browser has next laid out one element, before it paints that frame. A
 * ResizeObserver's first notification of a new observation comes after the frame's own layout,
 * so reading a size or setting a scroll position there lays nothing out again; the same read from
 * an animation frame callback (before the frame's layout) forces the whole page's layout. An
 * element that is not laid out (display: none) is notified as well, in the same frame. Without
 * ResizeObserver the task runs in the next animation frame.
 */
public final class NextLayout {
    private final HTMLElement element;
    private final JSObject observer;
    /** The task waiting for the layout, or null; a second request before it runs replaces it. */
    private Runnable task;

    public NextLayout(HTMLElement element) {
        this.element = element;
        this.observer = Js.layoutObserver(element, this::fire);
    }

    /** Runs {@code next} after the element's next layout (once, however often it is asked for before). */
    public void then(Runnable next) {
        boolean waiting = task != null;
        task = next;
        if (waiting) {
            return;
        }
        if (observer == null) {
            Guard.frame(t -> fire());
        } else {
            Js.observe(observer, element);
        }
    }

    private void fire() {
        Runnable r = task;
        task = null;
        if (r != null) {
            Guard.run(r);
        }
    }
}
