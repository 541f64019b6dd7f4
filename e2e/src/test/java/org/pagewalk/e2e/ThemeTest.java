package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** Light and dark themes: the system setting by default, the toggle pins and remembers one. */
@InBrowser
class ThemeTest {
    private static final String BACKGROUND = "return getComputedStyle(document.body).backgroundColor;";

    @Test
    void followsTheSystemSetting(Browser browser) {
        browser.emulateColorScheme("light");
        browser.open("?engine=js");
        String light = (String) browser.script(BACKGROUND);
        assertEquals("false", browser.find("#theme-toggle").getAttribute("aria-pressed"));
        browser.emulateColorScheme("dark");
        String dark = (String) browser.script(BACKGROUND);
        assertEquals("rgb(255, 255, 255)", light);
        assertNotEquals(light, dark);
        // The toggle learns of the change from a "change" event, a task after the switch.
        browser.waitUntil("document.getElementById('theme-toggle').getAttribute('aria-pressed') === 'true'");
        browser.assertClean();
    }

    @Test
    void toggleSwitchesAndIsRemembered(Browser browser) {
        browser.emulateColorScheme("light");
        browser.open("");
        browser.find("#theme-toggle").click();
        assertEquals("dark", browser.script("return document.documentElement.dataset.theme;"));
        assertEquals("true", browser.find("#theme-toggle").getAttribute("aria-pressed"));
        String dark = (String) browser.script(BACKGROUND);
        assertNotEquals("rgb(255, 255, 255)", dark);

        browser.open("?engine=js");
        assertEquals(dark, browser.script(BACKGROUND), "the choice survives a reload and an engine change");
        browser.find("#theme-toggle").click();
        assertEquals("rgb(255, 255, 255)", browser.script(BACKGROUND));
        browser.assertClean();
    }
}
