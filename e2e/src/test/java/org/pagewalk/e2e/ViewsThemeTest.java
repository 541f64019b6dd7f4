package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The canvases follow the theme: the toggle and the system setting both redraw them in the theme's tokens. */
@InBrowser
class ViewsThemeTest {

    @Test
    void canvasesRedrawInTheOtherTheme(Browser browser) {
        browser.emulateColorScheme("light");
        browser.open("?engine=js");
        ViewProbe v = new ViewProbe(browser);
        int[] light4m = v.entry("#directory-canvas", 769);
        int[] lightFree = v.frame(0x1000);
        v.assertColour("--pw-directory-4m", light4m, "light 4 MiB entry");
        browser.find("#theme-toggle").click();
        browser.waitUntil("document.documentElement.dataset.theme === 'dark'");
        browser.waitFor("PDE 769 is redrawn", () -> !ViewProbe.same(light4m, v.entry("#directory-canvas", 769)));
        int[] dark4m = v.entry("#directory-canvas", 769);
        v.assertColour("--pw-directory-4m", dark4m, "dark 4 MiB entry (the dark token)");
        assertFalse(ViewProbe.same(light4m, dark4m), "light and dark differ");
        assertFalse(ViewProbe.same(lightFree, v.frame(0x1000)), "the frame map follows too");
        v.assertColour("--pw-free", v.frame(0x1000), "dark free frame");

        // Back to the system's light setting through the media query, with the toggle unpinned.
        browser.script("localStorage.clear(); document.documentElement.removeAttribute('data-theme');");
        browser.waitFor("PDE 769 is light again", () -> ViewProbe.same(light4m, v.entry("#directory-canvas", 769)));
        browser.emulateColorScheme("dark");
        browser.waitFor("PDE 769 is dark again", () -> ViewProbe.same(dark4m, v.entry("#directory-canvas", 769)));
        browser.assertClean();
    }
}
