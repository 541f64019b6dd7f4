package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The log's 300 lines sit in blocks of at most 20, each laid out on its own (layout containment):
 * an action puts its lines in the last blocks and takes the oldest out of the first, and every
 * block between keeps its very elements, so the browser lays out at most two blocks' lines of the
 * 300. A screen reader still finds one list of lines: the list is a list, each line a list item,
 * and the blocks have no role of their own.
 */
@InBrowser
class LogBlocksTest {
    /** Each block's line count and whether its layout is contained; marks every block and line with its place. */
    private static final String BLOCKS = "var out = []; var bs = document.getElementById('log-list').children;"
            + " for (var i = 0; i < bs.length; i++) { var b = bs[i];"
            + "   out.push([b.className, b.querySelectorAll('.log-line').length, getComputedStyle(b).contain]); }"
            + " return out;";
    private static final String MARK = "var bs = document.getElementById('log-list').children;"
            + " for (var i = 0; i < bs.length; i++) { bs[i].pwBlock = i; for (var j = 0; j < bs[i].children.length; j++) {"
            + "   bs[i].children[j].pwItem = i + '.' + j; } }";
    /** Per block after the action: whether it is one marked before, with the same items in the same places. */
    private static final String UNCHANGED = "var out = []; var bs = document.getElementById('log-list').children;"
            + " for (var i = 0; i < bs.length; i++) { var b = bs[i], same = b.pwBlock !== undefined;"
            + "   for (var j = 0; same && j < b.children.length; j++) { same = b.children[j].pwItem === b.pwBlock + '.' + j; }"
            + "   out.push(same && b.children.length > 0 && b.pwBlock !== undefined); }"
            + " return out;";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void anActionChangesTheFirstAndLastBlocksOnlyAndTheLinesStayAList(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        page.fillLog();
        browser.waitUntil("document.querySelectorAll('#log-list .log-line').length === 300");
        @SuppressWarnings("unchecked")
        List<List<Object>> blocks = (List<List<Object>>) browser.script(BLOCKS);
        int lines = 0;
        for (List<Object> b : blocks) {
            assertEquals("log-block", b.get(0), () -> "the list holds blocks only: " + blocks.subList(0, Math.min(3, blocks.size())));
            long n = ((Number) b.get(1)).longValue();
            assertTrue(n >= 1 && n <= 20, "a block holds 1 to 20 lines: " + blocks);
            assertTrue(String.valueOf(b.get(2)).contains("layout"), "a block lays out on its own: " + b.get(2));
            lines += n;
        }
        assertEquals(300, lines);

        // One more action: its walk's lines go at the end and as many of the oldest leave the front.
        browser.script(MARK);
        page.api("read kernel 0xC0100000");
        @SuppressWarnings("unchecked")
        List<Boolean> unchanged = (List<Boolean>) browser.script(UNCHANGED);
        @SuppressWarnings("unchecked")
        List<List<Object>> after = (List<List<Object>>) browser.script(BLOCKS);
        int changedLines = 0;
        int changedBlocks = 0;
        for (int i = 0; i < after.size(); i++) {
            if (!unchanged.get(i)) {
                changedLines += ((Number) after.get(i).get(1)).intValue();
                changedBlocks++;
            }
        }
        // The first block (the trim), the last one filled and at most one new one.
        assertTrue(changedBlocks >= 2 && changedBlocks <= 3 && changedLines <= 60,
                "only the first and the last blocks changed (" + changedLines + " of 300 lines): " + unchanged);
        assertTrue(unchanged.subList(1, unchanged.size() - 2).stream().allMatch(b -> b),
                "every block between kept its lines: " + unchanged);
        assertTrue(String.valueOf(browser.script("var bs = document.getElementById('log-list').children;"
                + " return bs[bs.length - 2].textContent + bs[bs.length - 1].textContent;")).contains("\u25b6 read kernel 0xC0100000"),
                "the action's lines are in the last blocks");

        // What a screen reader is told: one list of lines (Chromium's computed roles).
        assertEquals("list", browser.find("#log-list").getAriaRole());
        assertEquals("listitem", browser.find("#log-list .log-line").getAriaRole());
        assertEquals("none", browser.find("#log-list .log-block").getAriaRole());
        assertEquals(300, browser.driver().findElements(By.cssSelector("#log-list [role=listitem]")).size());

        // What a reader copies: selecting the whole list gives its lines, one a line, nothing between blocks.
        assertEquals(Boolean.TRUE, browser.script("var l = document.getElementById('log-list'), sel = getSelection();"
                + " sel.selectAllChildren(l); var got = sel.toString().split('\\n').filter(function (t) { return t; }); sel.removeAllRanges();"
                + " var want = Array.prototype.map.call(l.querySelectorAll('.log-line'), function (li) { return li.textContent; });"
                + " return got.length === 300 && got.join('\\n') === want.join('\\n');"), "the selection's text is the lines' text");
        // Find in page reaches a line in the first block, out of view.
        assertEquals(Boolean.TRUE, browser.script("return window.find(document.querySelector('#log-list .log-line').textContent, false, false, true);"));
        browser.assertClean();
    }
}
