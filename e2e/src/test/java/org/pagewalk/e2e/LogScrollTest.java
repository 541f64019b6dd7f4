package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The log follows its end while the reader leaves it there, without the browser's scroll
 * anchoring (the list is scrolled to its end after each action; anchoring only cost a search for
 * an anchor at every layout); a reader who scrolled back keeps anchoring, so the oldest lines
 * leaving the top do not move the line they read.
 */
@InBrowser
class LogScrollTest {
    private static final String AT_END = "var l = document.getElementById('log-list');"
            + " return l.scrollTop + l.clientHeight >= l.scrollHeight - 2;";
    private static final String ANCHORING = "return getComputedStyle(document.getElementById('log-list')).overflowAnchor;";
    /** The seq of the line at the top of the list's view. */
    private static final String TOP_LINE = "var l = document.getElementById('log-list'), r = l.getBoundingClientRect();"
            + " var e = document.elementFromPoint(r.left + r.width / 2, r.top + 12);"
            + " while (e && !e.hasAttribute('data-seq')) { e = e.parentElement; } return e ? e.getAttribute('data-seq') : null;";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theLogFollowsItsEndWithoutAnchoringAndKeepsAReadersLineWithIt(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        page.fillLog();
        browser.script("document.getElementById('log-list').scrollIntoView();");
        page.settle();
        assertEquals(300L, browser.script("return document.querySelectorAll('#log-list li').length;"));
        assertEquals(Boolean.TRUE, browser.script(AT_END), "the log shows its newest line");
        assertEquals("none", browser.script(ANCHORING), "no anchoring while it follows its end");

        // The reader scrolls back to the middle: anchoring is back, and their line stays at the top.
        browser.script("var l = document.getElementById('log-list'); l.scrollTop = l.scrollHeight / 2;");
        browser.waitUntil("getComputedStyle(document.getElementById('log-list')).overflowAnchor === 'auto'");
        Object top = browser.script(TOP_LINE);
        assertTrue(top != null, "a line at the top of the view");
        page.api("read kernel 0xC0100000");
        assertEquals(top, browser.script(TOP_LINE), "the line read stays where it was");
        assertEquals(Boolean.FALSE, browser.script(AT_END), "the log did not jump to its end");

        // Back at the end: it follows again.
        browser.script("var l = document.getElementById('log-list'); l.scrollTop = l.scrollHeight;");
        browser.waitUntil("getComputedStyle(document.getElementById('log-list')).overflowAnchor === 'none'");
        page.api("read kernel 0xC0200000");
        assertEquals(Boolean.TRUE, browser.script(AT_END), "the newest line shows");
        browser.assertClean();
    }
}
