package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The TLB's rows are laid out as blocks (a row that appears lays out itself, not a table of every
 * way), and still read and look as a table: each cell under its header, the header kept at the top
 * of the scrolled box, a filled way's page, frame and flags in its cells with a stale entry marked,
 * and a table's roles for a screen reader.
 */
@InBrowser
class TlbRowsTest {
    /**
     * For every shown row (body and header): each cell's left edge and width against its header's,
     * as the text "bad: ..." for the first that differs by more than half a pixel, else the count of rows.
     */
    private static final String ALIGNED = "var heads = document.querySelectorAll('#tlb-table thead th'); var n = 0;"
            + "var rows = document.querySelectorAll('#tlb-table tbody tr.tlb-row');"
            + "for (var i = 0; i < rows.length; i++) { if (rows[i].getBoundingClientRect().height === 0) continue; n++;"
            + "  var cells = rows[i].querySelectorAll('td'); if (cells.length !== heads.length) return 'bad: row ' + i + ' has ' + cells.length + ' cells';"
            + "  for (var c = 0; c < cells.length; c++) { var a = cells[c].getBoundingClientRect(), h = heads[c].getBoundingClientRect();"
            + "    if (Math.abs(a.left - h.left) > 0.5 || Math.abs(a.width - h.width) > 0.5)"
            + "      return 'bad: row ' + i + ' cell ' + c + ' at ' + a.left + '+' + a.width + ', header at ' + h.left + '+' + h.width; } }"
            + "return String(n);";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void rowsAreBlocksThatReadAndLineUpAsATable(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        assertTrue(page.api("memMapPage 0x08048000 0x00300000 USER|WRITE").startsWith("ok"));
        assertTrue(page.api("write user 0x08048000 5").startsWith("ok"), "fills the way, dirty");
        // The PTE of 0x08048000 (directory index 0x20, table index 0x48) through the recursive window,
        // repointed to frame 0x700 without INVLPG: the cached entry is stale.
        assertTrue(page.api("write kernel 0xFFC20120 0x00700007").startsWith("ok"));
        assertTrue(page.api("read user 0x08048000").contains("TLB hit"));

        WebElement row = page.tlbRow("0x08048000");
        assertNotNull(row, "the filled way has its row");
        List<WebElement> cells = row.findElements(By.tagName("td"));
        StringBuilder texts = new StringBuilder();
        for (WebElement cell : cells) {
            texts.append(cell.getAttribute("textContent")).append('|');
        }
        // 64 entries, 4 ways: 16 sets; page 0x08048 is in set 0x08048 mod 16 = 8.
        assertEquals("\u2713|8|" + row.getAttribute("data-way") + "|0x08048000|0x00300000|4K|W U|\u00b7|D|0|", texts.toString());
        assertTrue(row.getAttribute("class").contains("stale"), "the stale row is marked");
        assertTrue(String.valueOf(browser.script("return getComputedStyle(arguments[0]).backgroundImage;", cells.get(3)))
                .contains("repeating-linear-gradient"), "and hatched");
        WebElement detail = browser.find("#tlb-table tr.tlb-stale-detail:not([hidden])");
        assertTrue(detail.isDisplayed(), "the stale sentence shows under its row");
        assertEquals(row, browser.script("return arguments[0].previousElementSibling;", detail));
        assertTrue(detail.getText().contains("memory says 0x08048000 -> 0x00700000"), detail.getText());
        assertTrue(detail.getRect().getWidth() >= row.getRect().getWidth() - 1, "the sentence is as wide as the row");

        // Blocks, not table rows: a row that appears or changes lays out alone.
        assertNotEquals("table-row", browser.script("return getComputedStyle(arguments[0]).display;", row));
        assertNotEquals("table", browser.script("return getComputedStyle(document.getElementById('tlb-table')).display;"));

        // Every cell under its header, with the filled rows only and with every way shown.
        assertTrue(!String.valueOf(browser.script(ALIGNED)).startsWith("bad") && !"0".equals(browser.script(ALIGNED)),
                String.valueOf(browser.script(ALIGNED)));
        browser.find("#tlb-show-empty").click();
        page.settle();
        assertEquals("64", browser.script(ALIGNED), "all 64 ways' rows line up with the header");

        // The header stays at the top of the box when the rows scroll under it.
        browser.script("document.querySelector('#tlb-view .tlb-scroll').scrollTop = 100000;");
        page.settle();
        assertEquals(Boolean.TRUE, browser.script("var box = document.querySelector('#tlb-view .tlb-scroll');"
                + "var head = document.querySelector('#tlb-table thead').getBoundingClientRect();"
                + "return box.scrollTop > 0 && Math.abs(head.top - box.getBoundingClientRect().top - box.clientTop) < 1;"));

        // A screen reader reads a table: rows of cells under column headers, each row named.
        assertEquals("table", browser.find("#tlb-table").getAriaRole());
        assertEquals("columnheader", browser.find("#tlb-table thead th:nth-child(4)").getAriaRole());
        assertEquals("Page", browser.find("#tlb-table thead th:nth-child(4)").getAccessibleName());
        assertEquals("row", row.getAriaRole());
        assertEquals("cell", cells.get(3).getAriaRole());
        assertEquals("set 8 way " + row.getAttribute("data-way") + ": page 0x08048000 to frame 0x00300000, stale",
                row.getAccessibleName());
        browser.assertClean();
    }
}
