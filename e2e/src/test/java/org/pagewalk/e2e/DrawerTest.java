package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** Under 900 px the controls are a drawer behind a button; on a desktop the button is not there. */
@InBrowser
class DrawerTest {

    @Test
    void narrowScreensOpenTheControlsAsADrawer(Browser browser) {
        browser.emulateViewport(360, 740, 3, true);
        PanelsPage page = PanelsPage.open(browser, "js");
        assertTrue(browser.find("#controls-toggle").isDisplayed(), "the toggle shows on a phone");
        assertFalse(browser.find("#controls-tabs-tab-access").isDisplayed(), "the drawer starts closed");
        page.press("controls-toggle");
        // The drawer slides in: wait until its transition has ended.
        browser.waitForStillCanvases();
        assertEquals("true", browser.find("#controls-toggle").getAttribute("aria-expanded"));
        assertTrue(browser.find("#controls-tabs-tab-access").isDisplayed(), "the drawer is open");
        page.assertFocused("controls-tabs-tab-access");
        browser.screenshot("panels-drawer-phone");
        page.tab("kernel");
        page.press("kernel-memMapPage-submit");
        assertEquals("ok", page.outcomeKind("kernel-outcome"), "the forms work in the drawer");
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        page.settle();
        assertEquals("false", browser.find("#controls-toggle").getAttribute("aria-expanded"));
        page.assertFocused("controls-toggle");
        browser.assertClean();
    }

    @Test
    void desktopHasNoDrawerButton(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        assertFalse(browser.find("#controls-toggle").isDisplayed());
        assertTrue(browser.find("#controls-tabs-tab-access").isDisplayed());
        page.settle();
        browser.assertClean();
    }
}
