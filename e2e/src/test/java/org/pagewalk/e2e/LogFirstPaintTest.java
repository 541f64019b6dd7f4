package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The first screen's log (the default boot: init_mm's thousands of events) is painted first with
 * only its newest lines, the ones its box can show; the older ones of the 300 it keeps arrive just
 * after, above them. Once they have, the reader finds exactly the log a full build gives: the same
 * 300 lines in the same order, the newest one in view, and the oldest at the top when scrolled back.
 */
@InBrowser
class LogFirstPaintTest {
    /** Records how many log lines the page held when its first complete render was painted. */
    private static final String AT_PAINT_HOOK = "(function () { var mark = performance.mark.bind(performance);"
            + " performance.mark = function (name) { if (name === 'pagewalk-painted') {"
            + " window.logLinesAtPaint = document.querySelectorAll('#log-list li').length; }"
            + " return mark.apply(null, arguments); }; })();";
    private static final String LINES = "return Array.prototype.map.call(document.querySelectorAll('#log-list li'),"
            + " function (li) { return li.getAttribute('data-tag') + ' ' + li.textContent; });";
    private static final String AT_END = "var l = document.getElementById('log-list');"
            + " return l.scrollTop + l.clientHeight >= l.scrollHeight - 2;";
    /** The text of the line at a point near the top (dy > 0) or the bottom (dy < 0) of the list's box. */
    private static final String LINE_AT = "var l = document.getElementById('log-list'), r = l.getBoundingClientRect();"
            + " var e = document.elementFromPoint(r.left + r.width / 2, (arguments[0] > 0 ? r.top : r.bottom) + arguments[0]);"
            + " while (e && !e.hasAttribute('data-seq')) { e = e.parentElement; }"
            + " return e ? e.getAttribute('data-tag') + ' ' + e.textContent : null;";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theFirstPaintShowsTheNewestLinesAndTheRestFollowAsAFullBuildHasThem(String engine, Browser browser) {
        browser.withInitScript(AT_PAINT_HOOK, () -> {
            browser.open("?engine=" + engine);
            browser.script("try { localStorage.clear(); } catch (e) {}");
            browser.driver().get("about:blank");
            browser.open("?engine=" + engine);
            browser.waitUntil("document.body.dataset.painted === '1' && document.querySelectorAll('#log-list li').length === 300");
            browser.script("document.getElementById('log-list').scrollIntoView();");
            settle(browser);

            long atPaint = ((Number) browser.script("return window.logLinesAtPaint;")).longValue();
            assertTrue(atPaint > 10 && atPaint < 300, "the first paint held only the newest lines, not " + atPaint);
            String note = browser.text("#log-note");
            assertTrue(note.startsWith("Showing the last 300 matching lines of "), note);
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) browser.script(LINES);
            assertEquals(Boolean.TRUE, browser.script(AT_END), "the log shows its newest line");
            assertEquals(lines.get(lines.size() - 1), browser.script(LINE_AT, -6), "the newest line is at the bottom of the box");

            // A full build of the same log (a filter turned off and on again builds every line at once).
            browser.find("#log-chip-walk").click();
            browser.find("#log-chip-walk").click();
            settle(browser);
            assertEquals(lines, browser.script(LINES), "the lines built after the paint are the ones a full build has, in order");
            assertEquals(note, browser.text("#log-note"));

            browser.script("document.getElementById('log-list').scrollTop = 0;");
            settle(browser);
            assertEquals(lines.get(0), browser.script(LINE_AT, 8), "scrolled back, the oldest line shown is at the top");
            browser.assertClean();
        });
    }

    private static void settle(Browser browser) {
        browser.script("return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { r(null); }); }); });");
    }
}
