package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * A page opens with one redraw of its views, in both engines: the state it opens on, the
 * selection included, is set before the views first draw it (App picks the last access's address
 * when it sets the events; the walk view no longer selects it while drawing, which made every view
 * draw a second time). {@code window.pagewalkRedraws} counts complete redraws; by the time every
 * view has drawn (the harness waits for that: the views below the fold draw after the first screen
 * is painted, {@code data-painted}), a redraw scheduled during the first one would have run.
 */
@InBrowser
class FirstRedrawTest {
    /** The default machine (Lessons.DEFAULT_BOOT), then a kernel read in the heap: PDE 832, not the first screen's 0x08048000. */
    private static final String LINK = String.join("\n", "boot ceanos", "init_mm", "page = pmmAllocPageFrame",
            "memMapPage 0x08048000 page WRITE|USER", "read kernel 0xD0000010");

    @Test
    void aShareLinkOpensOnItsLastAccessWithOneRedraw(Browser b) {
        String hash = "#run=" + Base64.getUrlEncoder().withoutPadding().encodeToString(LINK.getBytes(StandardCharsets.UTF_8));
        for (String engine : new String[] {"js", "wasm"}) {
            b.open("?engine=" + engine + hash);
            b.waitUntil("document.body.dataset.painted === '1'");
            assertEquals(1L, b.script("return window.pagewalkRedraws;"), engine + ": the views drew once");
            assertEquals("Last access: kernel read of 0xD0000010.", b.text("#walk-mode"), engine);
            assertEquals("access", b.script("return document.getElementById('walk').dataset.mode;"), engine);
            // Every view follows the one selection: 0xD0000010 is directory index 832 (0xD0000010 >>> 22).
            assertEquals("0xD0000010", b.script("return document.getElementById('address-split').dataset.address;"), engine);
            assertEquals("0xD0000010", b.find("#address-input").getAttribute("value"), engine);
            assertEquals("832", b.script("return document.getElementById('table-view').dataset.directoryIndex;"), engine);
            b.assertClean();
        }
    }

    @Test
    void aPlainLoadDrawsOnce(Browser b) {
        for (String engine : new String[] {"js", "wasm"}) {
            b.script("try { localStorage.clear(); } catch (e) {}");
            b.open("?engine=" + engine);
            b.waitUntil("document.body.dataset.painted === '1'");
            assertEquals(1L, b.script("return window.pagewalkRedraws;"), engine + ": the views drew once");
            assertEquals("preview", b.script("return document.getElementById('walk').dataset.mode;"), engine);
            assertEquals("0x08048000", b.script("return document.getElementById('address-split').dataset.address;"), engine);
            b.assertClean();
        }
    }

    @Test
    void aLessonRunToItsEndOpensOnItsLastAccessWithOneRedraw(Browser b) {
        // ?run=1 runs the lesson's lines, then shows its last access again (App.showLastAccess).
        b.open("?engine=js&scenario=03-first-mapping.pw&run=1");
        b.waitUntil("document.body.dataset.painted === '1'");
        assertEquals(1L, b.script("return window.pagewalkRedraws;"), "the views drew once");
        assertEquals("access", b.script("return document.getElementById('walk').dataset.mode;"));
        String mode = b.text("#walk-mode");
        String address = mode.substring(mode.lastIndexOf(' ') + 1, mode.length() - 1);
        assertEquals(address, b.script("return document.getElementById('address-split').dataset.address;"), mode);
        b.assertClean();
    }
}
