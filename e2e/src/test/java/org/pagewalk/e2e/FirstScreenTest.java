package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The first screen a new student sees (issue 15): the default walk is instructive (a user read
 * through a 4 KiB page table: a TLB miss and all four stations), at 1280×800 the address, the
 * walk, the TLB and the directory grid fit without scrolling, at 1920×1080 every view does and
 * the columns fill the width, nothing scrolls sideways and no text is under 12 px. Screenshots:
 * target/screenshots/first-screen-*.png.
 */
@InBrowser
class FirstScreenTest {

    @Test
    void theFirstWalkIsAUserReadThroughAPageTable(Browser browser) {
        browser.open("?engine=js");
        browser.waitForStillCanvases();
        assertEquals("0x08048000", browser.find("#address-input").getAttribute("value"));
        // The preview reads as the Access form's "who": User is selected, and the walk says so.
        assertTrue(browser.find("#access-who-user").isSelected(), "the Access tab starts as User (CPL 3)");
        assertTrue(browser.text("#walk").contains("what a user read of 0x08048000 would do now"), browser.text("#walk"));
        // A TLB miss, then CR3, the PDE, the PTE and the frame: PDE 32 points to the table memMapPage
        // allocated (frame 0x256: the page itself took 0x255, the first free frame after the heap).
        String steps = browser.text(".walk-steps");
        assertTrue(steps.contains("TLB miss"), steps);
        assertTrue(steps.contains("CR3 holds the page directory's physical address: 0x0010B000"), steps);
        assertTrue(steps.contains("PDE 32 at physical 0x0010B080"), steps);
        assertTrue(steps.contains("PTE 72 at physical 0x00256120"), steps);
        assertTrue(browser.text(".walk-sentence").contains("physical 0x00255000"), browser.text(".walk-sentence"));
        browser.assertClean();
    }

    @Test
    void at1280x800TheAddressWalkTlbAndDirectoryAreOnTheFirstScreen(Browser browser) {
        browser.emulateViewport(1280, 800, 1, false);
        browser.open("?engine=js");
        browser.waitForStillCanvases();
        LayoutProbe p = new LayoutProbe(browser);
        assertTrue(browser.find("#start-card").isDisplayed(), "a first visit shows the start card");
        p.assertOnScreen("#address-split", "the address split");
        p.assertOnScreen("#walk-canvas", "the walk's stations");
        p.assertOnScreen(".walk-sentence", "the walk's sentence");
        p.assertOnScreen("#directory-canvas", "the directory grid");
        p.assertOnScreen("#tlb-view .panel-title, #tlb-view h2", "the TLB's title");
        // The TLB shows its valid entries (empty ways hidden until asked for), all of them on the first screen.
        assertEquals("none", browser.script("return getComputedStyle(document.querySelector('#tlb-table tr.tlb-row.empty')).display;"),
                "empty ways are hidden by default");
        assertTrue(!browser.find("#tlb-show-empty").isSelected(), "the empty-ways toggle starts off");
        assertValidTlbRowsOnScreen(browser, 5);
        p.assertNoHorizontalOverflow();
        p.assertNoSmallText();
        browser.screenshot("first-screen-1280x800");
        browser.assertClean();
    }

    @Test
    void at1920x1080EveryViewIsOnTheFirstScreen(Browser browser) {
        browser.emulateViewport(1920, 1080, 1, false);
        browser.open("?engine=js");
        browser.waitForStillCanvases();
        LayoutProbe p = new LayoutProbe(browser);
        p.assertOnScreen("#controls", "the controls");
        p.assertOnScreen("#address-split", "the address split");
        p.assertOnScreen("#walk", "the walk");
        p.assertOnScreen("#directory-canvas", "the directory grid");
        p.assertOnScreen("#table-canvas", "the table grid");
        p.assertOnScreen("#table-view ul.legend", "the table grid's key");
        p.assertOnScreen("#log-list", "the log's lines");
        assertValidTlbRowsOnScreen(browser, 5);
        p.assertOnScreen("#tlb-view .panel-title, #tlb-view h2", "the TLB's title");
        p.assertOnScreen("#registers-view", "the control registers");
        p.assertOnScreen("#globals-view", "the kernel globals");
        p.assertOnScreen("#memory-canvas", "the frame map");
        p.assertOnScreen("#bottom .tab-list", "the log's tabs");
        // No large empty gutter: the three columns span the width, and each reaches the lower part of the screen.
        double[] left = p.box(".col-left");
        double[] right = p.box(".col-right");
        assertTrue(left[0] < 20 && right[2] > p.viewportWidth() - 20, "the columns span the width");
        for (String col : new String[] {"#globals-view", "#bottom", "#memory-view", "#tlb-view"}) {
            assertTrue(p.box(col)[3] > 0.8 * p.viewportHeight(), col + " ends in the lower fifth of the screen, no empty gutter under it");
        }
        p.assertNoHorizontalOverflow();
        p.assertNoSmallText();
        browser.screenshot("first-screen-1920x1080");
        browser.assertClean();
    }

    /**
     * Every valid TLB row ({@code count} of them on the first machine: the kernel's 4 MiB page, the
     * heap's page, two window pages and the user page) lies inside the viewport and inside the
     * TLB's scroll box, measured with getBoundingClientRect.
     */
    static void assertValidTlbRowsOnScreen(Browser browser, int count) {
        browser.script("window.scrollTo(0, 0);");
        Object out = browser.script("var box = document.querySelector('#tlb-view .tlb-scroll').getBoundingClientRect();"
                + "var h = window.innerHeight; var rows = document.querySelectorAll('#tlb-table tr.tlb-row:not(.empty)'); var bad = [];"
                + "rows.forEach(function (r) { var b = r.getBoundingClientRect();"
                + "  if (b.height <= 0 || b.top < box.top - 0.5 || b.bottom > Math.min(h, box.bottom) + 0.5) {"
                + "    bad.push(r.getAttribute('aria-label') + ' at ' + Math.round(b.top) + '-' + Math.round(b.bottom)); } });"
                + "return rows.length + (bad.length ? ' ' + bad.join('; ') : '');");
        assertEquals(Integer.toString(count), out, "valid TLB rows, all on the first screen (else the ones that are not)");
    }

    @Test
    void theEngineIsOneSmallIndicatorNotAStatusLine(Browser browser) {
        browser.open("?engine=js");
        assertEquals("JavaScript", browser.text("#engine"));
        assertFalse(browser.find("#status").isDisplayed(), "no status line while there is nothing to say");
        double[] badge = new LayoutProbe(browser).box(".engine-badge");
        double[] bar = new LayoutProbe(browser).box(".topbar");
        assertTrue(badge[1] >= bar[1] && badge[3] <= bar[3], "the indicator sits in the top bar");
        browser.assertClean();
    }

    @Test
    void clickingADirectoryCellMakesItsRegionTheCurrentAddress(Browser browser) {
        browser.open("?engine=js");
        // PDE 832 holds the kernel heap's table: clicking it keeps the table index and offset (72, 0x000).
        DirectoryGridTest.clickEntry(browser, "#directory-canvas", 832);
        browser.waitUntil("document.getElementById('address-input').value === '0xD0048000'");
        browser.waitUntil("document.querySelector('#walk').textContent.indexOf('user read of 0xD0048000') >= 0");
        assertTrue(browser.text("#table-view").contains("PDE 832"), browser.text("#table-view"));
        browser.assertClean();
    }

    @Test
    void theWalkPreviewFollowsTheAccessTabsWho(Browser browser) {
        browser.open("?engine=js");
        browser.find("#access-who-kernel").click();
        browser.waitUntil("document.querySelector('#walk').textContent.indexOf('kernel read of 0x08048000') >= 0");
        browser.find("#access-who-user").click();
        browser.waitUntil("document.querySelector('#walk').textContent.indexOf('user read of 0x08048000') >= 0");
        browser.assertClean();
    }

    @Test
    void theTlbShowsPagesAndFramesAsEightHexDigits(Browser browser) {
        browser.open("?engine=js");
        String tlb = browser.text("#tlb-view");
        // Set 0 way 0 is the kernel's 4 MiB page at 0xC0000000 on frame 0 (kmallocInit's walk filled it).
        assertTrue(tlb.contains("0xC0000000 0x00000000 4M"), tlb);
        assertFalse(tlb.matches("(?s).*\\b0x[0-9A-F]{5}\\b.*"), "no 5-digit page or frame numbers: " + tlb);
        browser.assertClean();
    }

    @Test
    void theStartCardSaysWhatTheWalkShowsOnlyWhileItShowsIt(Browser browser) {
        browser.open("?engine=js");
        assertTrue(browser.find("#start-card-walk").isDisplayed(), "the first screen's walk is the read the card names");
        assertTrue(browser.text("#walk-mode").contains("a user read of 0x08048000"), browser.text("#walk-mode"));
        // Another address: the walk previews that one.
        WebElement input = browser.find("#address-input");
        input.clear();
        input.sendKeys("0xC0000000" + Keys.ENTER);
        browser.waitUntil("document.getElementById('start-card-walk').hidden");
        input.clear();
        input.sendKeys("0x08048000" + Keys.ENTER);
        browser.waitUntil("!document.getElementById('start-card-walk').hidden");
        // A student's first action (the Read button reads the address in the form: the same user read, again)
        // changes the machine: the walk shows a TLB hit now, not the walk the card describes.
        browser.find("#access-read").click();
        browser.waitUntil("document.getElementById('start-card-walk').hidden");
        assertTrue(browser.find("#start-card").isDisplayed(), "the card's buttons stay");
        browser.find("#undo").click();
        browser.waitUntil("!document.getElementById('start-card-walk').hidden");
        assertTrue(browser.text("#walk-mode").contains("a user read of 0x08048000"), browser.text("#walk-mode"));
        browser.assertClean();
    }

    @Test
    void aShareLinkOpensWithoutTheStartCard(Browser browser) {
        String link = "#run=" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("boot ceanos\ninit_mm\nread 0xC0000000".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // From another page: a hash change alone would not reload a page that is already open.
        browser.driver().get("about:blank");
        browser.open("?engine=js" + link);
        assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("start-card")).isEmpty(),
                "a share link opens as the shared machine, with no start card above it");
        browser.assertClean();
    }

    @Test
    void plusZoomsAGridSoEverySecondCueIsDrawnAndMinusZoomsBack(Browser browser) {
        browser.emulateViewport(1280, 800, 1, false);
        browser.open("?engine=js");
        int cell = Integer.parseInt((String) browser.script("return document.getElementById('directory-canvas').dataset.cell;"));
        assertTrue(cell >= 12, "at 1280×800 a directory cell is 12 device pixels or more: " + cell);
        browser.script("document.getElementById('directory-canvas').focus();");
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys("+").perform();
        browser.waitUntil("document.getElementById('directory-canvas').dataset.zoom === '2'");
        browser.waitUntil("+document.getElementById('directory-canvas').dataset.cell >= 24");
        new LayoutProbe(browser).assertNoHorizontalOverflow();
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys("-").perform();
        browser.waitUntil("+document.getElementById('directory-canvas').dataset.cell === " + cell);
        browser.assertClean();
    }
}
