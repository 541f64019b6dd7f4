package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * Two fingers on a grid, as a phone sends them (CDP Input.dispatchTouchEvent, which the page
 * receives as pointer events): spreading them zooms the grid ×2, as + does; pinching them
 * together zooms it back, as - does.
 */
@InBrowser
class PinchZoomTest {

    /** Two touch points {@code gap} CSS pixels either side of (x, y). */
    private static List<Map<String, Object>> fingers(double x, double y, double gap) {
        return List.of(Map.of("x", x - gap, "y", y, "id", 1), Map.of("x", x + gap, "y", y, "id", 2));
    }

    private static void pinch(Browser b, double x, double y, double from, double to) {
        b.driver().executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", fingers(x, y, from)));
        for (int i = 1; i <= 4; i++) {
            double gap = from + (to - from) * i / 4;
            b.driver().executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchMove", "touchPoints", fingers(x, y, gap)));
        }
        b.driver().executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    @Test
    void spreadingTwoFingersZoomsTheGridAndPinchingZoomsBack(Browser b) {
        b.emulateViewport(390, 844, 3, true);
        b.driver().executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        b.open("?engine=js");
        b.find("#view-tab-directory").click();
        b.waitUntil("document.getElementById('directory-canvas').getBoundingClientRect().height > 0");
        b.script("document.getElementById('directory-canvas').scrollIntoView({block: 'center'});");
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) b.script("var r = document.getElementById('directory-canvas').getBoundingClientRect();"
                + "return [r.left + r.width / 2, r.top + r.height / 2];");
        double x = box.get(0).doubleValue();
        double y = box.get(1).doubleValue();
        assertEquals("1", b.script("return document.getElementById('directory-canvas').dataset.zoom || '1';"));
        pinch(b, x, y, 20, 90);
        b.waitUntil("document.getElementById('directory-canvas').dataset.zoom === '2'");
        new LayoutProbe(b).assertNoHorizontalOverflow();
        pinch(b, x, y, 90, 20);
        b.waitUntil("document.getElementById('directory-canvas').dataset.zoom === '1'");
        b.assertClean();
    }
}
