package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The walk view asks whether the user prefers reduced motion on every action; the media query is
 * made once (a matchMedia per draw parsed and evaluated a new query every time) and its answer is
 * read live: a preference that changes after the page opened is followed by the next action.
 */
@InBrowser
class MotionQueryTest {
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void actionsMakeNoNewMediaQueryAndFollowAChangedPreference(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        for (int i = 0; i < 6; i++) {
            assertTrue(page.api("memMapPage 0x" + Integer.toHexString(0x08048000 + i * 4096) + " 0x"
                    + Integer.toHexString(0x00300000 + i * 4096) + " USER|WRITE").startsWith("ok"));
        }
        assertTrue(page.api("read kernel 0xC0000000").startsWith("ok"), "a first walk drawn, which makes the query");
        browser.script("window.matchMediaCalls = 0; var m = window.matchMedia.bind(window);"
                + " window.matchMedia = function (q) { window.matchMediaCalls++; return m(q); };");
        for (int i = 0; i < 5; i++) {
            // A page not read before: a TLB miss and a walk of several steps to animate.
            assertTrue(page.api("read user 0x" + Integer.toHexString(0x08048000 + i * 4096)).contains("TLB miss"));
        }
        assertEquals(1L, browser.script("return document.getElementById('walk').dataset.playing === '1' ? 1 : 0;"),
                "the walk animates (no reduced motion asked for)");
        assertEquals(0L, browser.script("return window.matchMediaCalls;"), "no action made a media query");

        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        assertTrue(page.api("read user 0x0804D000").contains("TLB miss"));
        assertEquals("0", browser.script("return document.getElementById('walk').dataset.playing;"), "reduced motion: no animation");
        assertEquals(browser.script("return String(document.getElementById('walk').dataset.steps - 1);"),
                browser.script("return document.getElementById('walk').dataset.step;"), "the whole walk at once");
        browser.assertClean();
    }
}
