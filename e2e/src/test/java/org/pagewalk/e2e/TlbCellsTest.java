package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The TLB table's cells hold their text in boxes of fixed size that lay out on their own (so an
 * action that changes one row's page re-lays out that box, not the table of every way): every
 * text still shows whole, at the widest numbers the geometry allows, and a box's text does not
 * size its column.
 */
@InBrowser
class TlbCellsTest {
    /** Every shown row's cells: [text of the cell, whether the text is wider than its box]. */
    private static final String CELLS = "var out = [];"
            + "document.querySelectorAll('#tlb-table tr.tlb-row').forEach(function (tr) {"
            + "  if (getComputedStyle(tr).display === 'none') { return; }"
            + "  tr.querySelectorAll('td').forEach(function (td) { var box = td.querySelector('.tlb-cell');"
            + "    out.push([td.textContent, box.scrollWidth > box.clientWidth]); });"
            + "});"
            + "return out;";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void everyCellShowsItsWholeTextAndItsTextDoesNotSizeItsColumn(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        // 1,024 sets of one way: set numbers up to 1023, four digits.
        assertTrue(page.api("boot ceanos tlb=1024x1").startsWith("ok"));
        assertTrue(page.api("init_mm").startsWith("ok"));
        // Page 0x083FF is in set 0x3FF = 1023; written, so D.
        assertTrue(page.api("memMapPage 0x083FF000 0x00300000 USER|WRITE").startsWith("ok"));
        assertTrue(page.api("write user 0x083FF000 5").startsWith("ok"));
        assertTrue(page.api("read kernel 0xC0000000").startsWith("ok"));
        page.api("read user 0x083FF000");
        browser.find("#tlb-show-empty").click();
        page.settle();

        @SuppressWarnings("unchecked")
        List<List<Object>> cells = (List<List<Object>>) browser.script(CELLS);
        assertEquals(1024 * 10, cells.size(), "every way's row is shown, ten cells each");
        for (List<Object> c : cells) {
            assertEquals(Boolean.FALSE, c.get(1), () -> "a cell's text is wider than its box: " + c.get(0));
        }
        String rows = String.valueOf(browser.script("return Array.prototype.map.call(document.querySelectorAll('#tlb-table tr.tlb-row'),"
                + " function (tr) { return Array.prototype.map.call(tr.cells, function (td) { return td.textContent; }).join('|'); }).join('\\n');"));
        assertTrue(rows.contains("\u2713|1023|0|0x083FF000|0x00300000|4K|W U|\u00b7|D|0"), rows);
        assertTrue(rows.contains("|0xC0000000|0x00000000|4M|W S|"), rows);
        assertTrue(rows.contains("|1022|0|empty|"), rows);

        // A box's text never sizes its column: a much longer text leaves every column where it was.
        String columns = "return Array.prototype.map.call(document.querySelector('#tlb-table tr.tlb-row').cells,"
                + " function (td) { return td.getBoundingClientRect().left + ':' + td.getBoundingClientRect().width; }).join(' ');";
        Object before = browser.script(columns);
        browser.script("document.querySelector('#tlb-table tr.tlb-row .tlb-addr').textContent = '0x00000000 0x00000000 0x00000000';");
        assertEquals(before, browser.script(columns));
        browser.assertClean();
    }
}
