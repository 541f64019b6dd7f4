package org.pagewalk.web.views;

import java.util.function.Consumer;
import org.pagewalk.web.Guard;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A two-finger pinch on a grid, from pointer events: fingers moving apart by a quarter zoom in,
 * closing by a fifth zoom out (the same ×2 as + and -). The element takes pinches itself
 * ({@code touch-action: pan-x pan-y}: one finger still scrolls the page), so the browser does not
 * zoom the whole page instead.
 */
final class Pinch {
    /** A pointer event: a mouse event with the pointer's id (TeaVM's JSO has no PointerEvent). */
    interface PointerEvent extends MouseEvent {
        @JSProperty
        int getPointerId();
    }

    private final Consumer<Boolean> zoom;
    private final int[] ids = {-1, -1};
    private final double[] x = new double[2];
    private final double[] y = new double[2];
    /** The fingers' distance when the second one came down, or after the last zoom step. */
    private double start;

    private Pinch(Consumer<Boolean> zoom) {
        this.zoom = zoom;
    }

    /** Calls {@code zoom} with true (in) or false (out) when two fingers pinch on {@code element}. */
    static void install(HTMLElement element, Consumer<Boolean> zoom) {
        Pinch p = new Pinch(zoom);
        element.getStyle().setProperty("touch-action", "pan-x pan-y");
        Guard.on(element, "pointerdown", e -> p.down((PointerEvent) e));
        Guard.on(element, "pointermove", e -> p.move((PointerEvent) e));
        Guard.on(element, "pointerup", e -> p.up((PointerEvent) e));
        Guard.on(element, "pointercancel", e -> p.up((PointerEvent) e));
    }

    private void down(PointerEvent e) {
        int slot = ids[0] == -1 ? 0 : ids[1] == -1 ? 1 : -1;
        if (slot < 0) {
            return;
        }
        ids[slot] = e.getPointerId();
        x[slot] = e.getClientX();
        y[slot] = e.getClientY();
        if (ids[0] != -1 && ids[1] != -1) {
            start = distance();
        }
    }

    private void move(PointerEvent e) {
        int slot = e.getPointerId() == ids[0] ? 0 : e.getPointerId() == ids[1] ? 1 : -1;
        if (slot < 0) {
            return;
        }
        x[slot] = e.getClientX();
        y[slot] = e.getClientY();
        if (ids[0] == -1 || ids[1] == -1 || start <= 0) {
            return;
        }
        double d = distance();
        if (d > start * 1.25) {
            start = d;
            zoom.accept(Boolean.TRUE);
        } else if (d < start * 0.8) {
            start = d;
            zoom.accept(Boolean.FALSE);
        }
    }

    private void up(PointerEvent e) {
        for (int i = 0; i < 2; i++) {
            if (ids[i] == e.getPointerId()) {
                ids[i] = -1;
            }
        }
        start = 0;
    }

    private double distance() {
        double dx = x[0] - x[1];
        double dy = y[0] - y[1];
        return Math.sqrt(dx * dx + dy * dy);
    }
}
