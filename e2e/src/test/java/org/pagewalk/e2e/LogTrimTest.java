package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * After every action the log appends its new lines and takes out its oldest at once, keeping the
 * newest 300: after many actions it holds exactly the lines a full build of the same log gives, in
 * order, the last action's lines at its end. Its lines are blocks, not list items (an item put in
 * or taken out of a list renumbers every item after it).
 */
@InBrowser
class LogTrimTest {
    private static final String LINES = "return Array.prototype.map.call(document.querySelectorAll('#log-list li'),"
            + " function (li) { return li.getAttribute('data-tag') + ' ' + li.textContent; });";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void manyActionsLeaveTheNewest300LinesAsAFullBuildHasThem(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        assertTrue(page.api("memMapPage 0x08048000 0x00300000 USER|WRITE").startsWith("ok"));
        for (int i = 0; i < 40; i++) {
            // A miss, a walk and a fill (or a hit): a handful of lines each, trimmed after each action.
            page.api("read user 0x" + Integer.toHexString(0x08048000 + (i % 3) * 4).toUpperCase());
            page.api("read kernel 0x" + Integer.toHexString(0xC0000000 + i * 4096).toUpperCase());
        }
        browser.waitUntil("document.querySelectorAll('#log-list li').length === 300");
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) browser.script(LINES);
        assertEquals(300, lines.size());
        String last = lines.get(lines.size() - 1);
        int header = -1;
        for (int i = lines.size() - 1; i >= 0 && header < 0; i--) {
            if (lines.get(i).startsWith("action \u25b6 ")) {
                header = i;
            }
        }
        assertTrue(header >= 0 && lines.get(header).startsWith("action \u25b6 read kernel 0xC0027000"),
                () -> "the last action's line heads the newest lines: " + lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        assertTrue(header > lines.size() - 20, "and its events follow it at the end: " + last);

        // A full build of the same log (a filter turned off and on again builds every line at once).
        browser.find("#log-chip-walk").click();
        browser.find("#log-chip-walk").click();
        page.settle();
        assertEquals(lines, browser.script(LINES), "the lines kept action by action are the ones a full build has, in order");
        assertEquals("block", browser.script("return getComputedStyle(document.querySelector('#log-list li.log-line')).display;"),
                "a line is a block, not a list item");
        browser.assertClean();
    }
}
