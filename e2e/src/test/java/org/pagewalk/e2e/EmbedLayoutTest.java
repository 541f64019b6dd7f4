package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * Embedded frames (?embed=1&view=...): at 800×600 the first chosen view lies wholly in the frame,
 * at 320×240 one view fills the frame under a one-line header; nothing scrolls sideways and no text
 * is under 11 px. With run=1 the walk shows the lesson's last access, not a preview.
 * Screenshots: target/screenshots/embed-VIEW-WIDTHxHEIGHT.png.
 */
@InBrowser
class EmbedLayoutTest {
    private static final String[] VIEWS = {"split", "walk", "directory", "table", "tlb", "memory", "registers",
        "globals", "lesson", "controls", "log"};
    private static final String[] IDS = {"address-split", "walk", "directory-view", "table-view", "tlb-view",
        "memory-view", "registers-view", "globals-view", "lesson-view", "controls", "bottom"};

    /** Visible text of its own under 11 px, as "where size: text". */
    private static final String TINY_TEXT = String.join("\n",
            "var out = [];",
            "document.body.querySelectorAll('*').forEach(function (el) {",
            "  var own = '';",
            "  for (var n = el.firstChild; n; n = n.nextSibling) { if (n.nodeType === 3) { own += n.nodeValue; } }",
            "  if (!own.trim() || el.closest('.visually-hidden, [hidden], noscript, option, script, style')) { return; }",
            "  var r = el.getBoundingClientRect();",
            "  if (r.width === 0 || r.height === 0) { return; }",
            "  var px = parseFloat(getComputedStyle(el).fontSize);",
            "  if (px < 11) { out.push((el.id ? '#' + el.id : el.tagName + '.' + el.className) + ' ' + px + 'px: '",
            "      + own.trim().slice(0, 30)); }",
            "});",
            "return out;");

    @Test
    void eachViewFitsAFrameOf800By600And320By240(Browser b) {
        int[][] sizes = {{800, 600}, {320, 240}};
        for (int[] size : sizes) {
            b.emulateViewport(size[0], size[1], 1, false);
            for (int i = 0; i < VIEWS.length; i++) {
                // The first view of two is the one that must fit; the second may scroll below it.
                String query = "?engine=js&embed=1&scenario=03-first-mapping.pw&view=" + VIEWS[i]
                        + (size[0] == 800 ? "," + (VIEWS[i].equals("walk") ? "tlb" : "walk") : "");
                b.open(query);
                b.waitUntil("document.body.dataset.ready === '1'");
                b.waitForStillCanvases();
                String name = "embed-" + VIEWS[i] + "-" + size[0] + "x" + size[1];
                b.screenshot(name);
                LayoutProbe p = new LayoutProbe(b);
                p.assertOnScreen("#" + IDS[i], name + ": the view");
                p.assertNoHorizontalOverflow();
                assertEquals(List.of(), b.script(TINY_TEXT), name + ": visible text under 11 px");
                double[] bar = p.box(".topbar");
                assertTrue(bar[3] - bar[1] <= 34, name + ": the header is one line: " + (bar[3] - bar[1]) + " px high");
                if (size[0] == 320) {
                    // Fills the frame: the view takes the height under the header.
                    double[] v = p.box("#" + IDS[i]);
                    assertTrue(v[3] - v[1] >= (size[1] - bar[3]) * 0.75,
                            name + ": the view fills the frame, " + (v[3] - v[1]) + " px of " + (size[1] - bar[3]));
                }
                if (VIEWS[i].equals("lesson")) {
                    // The compact form: the title on one line and Next in view, the narrative scrolling inside.
                    p.assertOnScreen("#lesson-next", name + ": Next");
                    double[] title = p.box(".lesson-title");
                    assertTrue(title[3] - title[1] < 24, name + ": the title is one line: " + (title[3] - title[1]) + " px");
                }
            }
        }
        b.assertClean();
    }

    @Test
    void runToTheEndShowsTheLessonsLastAccessInTheWalk(Browser b) {
        b.emulateViewport(800, 600, 1, false);
        b.open("?engine=js&embed=1&view=walk,lesson&scenario=03-first-mapping.pw&run=1");
        b.waitUntil("document.body.dataset.ready === '1'");
        // 03-first-mapping.pw's last access is "read user 0x08048010 byte" (its last lines are checks).
        b.waitUntil("document.getElementById('walk').dataset.mode === 'access'");
        String walk = b.text("#walk");
        assertTrue(walk.contains("0x08048010"), "the walk of the lesson's last access: " + walk);
        assertTrue(!walk.contains("Preview"), walk);
        b.screenshot("embed-run-walk-800x600");
        b.assertClean();
    }
}
