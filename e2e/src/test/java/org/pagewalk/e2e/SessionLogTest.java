package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The session log behind autosave and share links holds every action since the last boot, however
 * many: more actions than the undo depth (500) must still rebuild the same machine, not the
 * default CeanOS one with the first actions lost.
 */
@InBrowser
class SessionLogTest {
    private static final int POKES = 600;

    private static String run(Browser b, String line) {
        return (String) b.script("return window.pagewalk.run(arguments[0]);", line);
    }

    /** A 4 MiB bare machine with a word at 0x1000, then more actions than undo keeps. */
    private static void buildLongSession(Browser b) {
        assertTrue(run(b, "boot bare ram=4M").startsWith("ok"));
        assertTrue(run(b, "poke 0x1000 0x11111111").startsWith("ok"));
        // In batches: each run redraws the page, and one script call must end within the driver's timeout.
        for (int from = 0; from < POKES; from += 100) {
            Object failures = b.script("var bad = 0; for (var n = arguments[0]; n < arguments[0] + 100; n++) {"
                    + " if (window.pagewalk.run('poke 0x2000 ' + n).indexOf('ok') !== 0) bad++; } return bad;", from);
            assertEquals(0L, failures, "every poke from " + from + " ran");
        }
        assertSameMachine(b);
    }

    /** What the page shows and reads: the bare 4 MiB machine, the first poke still there. */
    private static void assertSameMachine(Browser b) {
        String summary = b.text("#machine-summary");
        assertTrue(summary.startsWith("Bare machine") && summary.contains("4 MiB"), summary);
        String state = (String) b.script("return window.pagewalk.state();");
        assertFalse(state.contains("variant"), "no CeanOS kernel: " + state);
        assertEquals("ok: 0x00001000: 0x11111111", run(b, "peek 0x1000"));
        assertEquals("ok: 0x00002000: " + String.format("0x%08X", POKES - 1), run(b, "peek 0x2000"));
    }

    @Test
    void aReloadAfterMoreActionsThanUndoKeepsRebuildsTheSameMachine(Browser b) {
        b.open("?engine=js");
        buildLongSession(b);
        b.driver().navigate().refresh();
        b.waitUntil("document.body.dataset.ready === '1'");
        assertSameMachine(b);
        b.assertClean();
    }

    @Test
    void aShareLinkAfterMoreActionsThanUndoKeepsRebuildsTheSameMachine(Browser b) {
        b.open("?engine=wasm");
        buildLongSession(b);
        PanelsPage.followShareLink(b);
        assertSameMachine(b);
        b.assertClean();
    }
}
