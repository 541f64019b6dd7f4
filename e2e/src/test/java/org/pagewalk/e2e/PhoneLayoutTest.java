package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * A phone (390×844): the top bar is one row (Controls and a Menu holding the other actions), the
 * address and the walk come first, then tabs for Directory, Table, TLB, Memory and Log (UI.md),
 * nothing scrolls sideways and no text is under 12 px. Screenshots: target/screenshots/phone-*.png.
 */
@InBrowser
class PhoneLayoutTest {

    @Test
    void oneRowTopBarTabsAndReadableText(Browser browser) {
        browser.emulateViewport(390, 844, 3, true);
        browser.open("?engine=js");
        browser.waitForStillCanvases();
        LayoutProbe p = new LayoutProbe(browser);
        // One row: every visible item of the top bar shares its line, and the bar is one button high.
        List<?> tops = (List<?>) browser.script("return Array.prototype.filter.call(document.querySelector('.topbar').children,"
                + " function (e) { return e.getBoundingClientRect().height > 0; }).map(function (e) {"
                + " var r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });");
        for (Object t : tops) {
            assertEquals(((Number) tops.get(0)).doubleValue(), ((Number) t).doubleValue(), 4.0, "top bar items on one row: " + tops);
        }
        double[] bar = p.box(".topbar");
        assertTrue(bar[3] - bar[1] < 60, "the top bar is one row high: " + (bar[3] - bar[1]));
        assertFalse(browser.find("#topnav").isDisplayed(), "the actions wait in the menu");
        p.assertOnScreen("#address-split", "the address split");
        p.assertOnScreen("#menu-toggle", "the Menu button");
        p.assertOnScreen("#controls-toggle", "the Controls button");
        p.assertNoHorizontalOverflow();
        p.assertNoSmallText();
        browser.screenshot("phone-first-screen");

        // The tabs: one view at a time under the walk.
        for (String tab : new String[] {"directory", "table", "tlb", "memory", "log"}) {
            browser.find("#view-tab-" + tab).click();
            browser.waitUntil("document.body.dataset.viewTab === '" + tab + "'");
            assertEquals("true", browser.find("#view-tab-" + tab).getAttribute("aria-selected"));
            String shown = browser.find("#view-tab-" + tab).getAttribute("aria-controls");
            assertTrue(browser.find("#" + shown).isDisplayed(), tab + " shows #" + shown);
            for (String other : new String[] {"directory-view", "table-view", "tlb-view", "memory-view", "bottom"}) {
                if (!other.equals(shown)) {
                    assertFalse(browser.find("#" + other).isDisplayed(), tab + " hides #" + other);
                }
            }
            if (tab.equals("tlb")) {
                // The TLB tab lists the valid entries (empty ways behind a toggle), measured with getComputedStyle.
                assertTrue(browser.find("#tlb-show-empty").isDisplayed(), "the empty-ways toggle");
                assertEquals(5L, browser.script("return Array.prototype.filter.call(document.querySelectorAll('#tlb-table tr.tlb-row'),"
                        + " function (r) { return getComputedStyle(r).display !== 'none'; }).length;"), "the five valid entries show");
            }
            browser.waitForStillCanvases();
            p.assertNoHorizontalOverflow();
            p.assertNoSmallText();
            browser.screenshot("phone-tab-" + tab);
        }

        // The menu: every other action, in a drop-down that closes after a choice.
        browser.find("#menu-toggle").click();
        browser.waitUntil("document.getElementById('topnav').offsetHeight > 0");
        assertEquals("true", browser.find("#menu-toggle").getAttribute("aria-expanded"));
        assertTrue(browser.text("#topbar-menu").contains("Lessons"), browser.text("#topbar-menu"));
        assertTrue(browser.find("#theme-toggle").isDisplayed(), "the theme toggle is in the menu");
        p.assertNoSmallText();
        browser.screenshot("phone-menu");
        browser.find("#undo").click();
        browser.waitUntil("document.getElementById('topnav').offsetHeight === 0");
        assertEquals("false", browser.find("#menu-toggle").getAttribute("aria-expanded"));
        browser.assertClean();
    }
}
