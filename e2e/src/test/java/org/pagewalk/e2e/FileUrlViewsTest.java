package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** From file:// (the JavaScript build), the views draw and work as over HTTP. */
@InBrowser
class FileUrlViewsTest {

    @Test
    void viewsDrawFromDisk(Browser browser) {
        browser.openFile("");
        assertEquals("js", browser.script("return document.body.dataset.engine;"));
        ViewProbe v = new ViewProbe(browser);
        v.assertColour("--pw-directory-4m", v.entry("#directory-canvas", 770), "PDE 770");
        v.assertColour("--pw-kernel", v.frame(0x110), "a kernel frame");
        v.run("read 0xC0100000");
        v.walkToEnd();
        assertEquals("4 MiB page: frame 0x00000000 + offset 0x100000 (bits 21..0) = physical 0x00100000.",
                browser.text("#walk-sentence"));
        browser.assertClean();
    }
}
