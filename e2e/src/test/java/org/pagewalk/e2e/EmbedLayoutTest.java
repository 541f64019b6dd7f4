package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * Embedded frames (?embed=1&view=...): each view alone fills a frame of 800×600 or 320×240 under a
 * one-line header, and at 800×600 the first of two chosen views lies wholly in the frame; nothing
 * scrolls sideways, no text is under 11 px, and the walk's canvas draws no number cut at 320×240.
 * With run=1 the walk shows the lesson's last access, not a preview.
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
        // Each view alone at both sizes, and at 800×600 also first of two (the second may scroll below it).
        int[][] sizes = {{800, 600, 1}, {800, 600, 2}, {320, 240, 1}};
        for (int[] size : sizes) {
            b.emulateViewport(size[0], size[1], 1, false);
            for (int i = 0; i < VIEWS.length; i++) {
                String query = "?engine=js&embed=1&scenario=03-first-mapping.pw&view=" + VIEWS[i]
                        + (size[2] == 2 ? "," + (VIEWS[i].equals("walk") ? "tlb" : "walk") : "");
                b.open(query);
                b.waitUntil("document.body.dataset.ready === '1'");
                b.waitForStillCanvases();
                String name = "embed-" + VIEWS[i] + (size[2] == 2 ? "-first-of-two-" : "-") + size[0] + "x" + size[1];
                b.screenshot(name);
                LayoutProbe p = new LayoutProbe(b);
                p.assertOnScreen("#" + IDS[i], name + ": the view");
                p.assertNoHorizontalOverflow();
                assertEquals(List.of(), b.script(TINY_TEXT), name + ": visible text under 11 px");
                double[] bar = p.box(".topbar");
                assertTrue(bar[3] - bar[1] <= 34, name + ": the header is one line: " + (bar[3] - bar[1]) + " px high");
                if (size[2] == 1) {
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

    /**
     * Records every text the walk's canvas draws, with its left and right edge (its measured width
     * and alignment), and every filled shape's bounding box (the boxes the texts sit in), each with
     * the redraw it belongs to (a redraw starts by filling the whole canvas).
     */
    private static final String RECORD_WALK_TEXT = String.join("\n",
            "var c = document.querySelector('#walk canvas'); var g = c.getContext('2d');",
            "window.__texts = []; window.__boxes = []; window.__draw = 0; var path = null;",
            "function wrap(name, before) { var f = g[name]; g[name] = function () { before.apply(this, arguments);",
            "  return f.apply(this, arguments); }; }",
            "function extend(x, y) { if (!path) { path = {l: x, r: x, t: y, b: y}; } else { path.l = Math.min(path.l, x);",
            "  path.r = Math.max(path.r, x); path.t = Math.min(path.t, y); path.b = Math.max(path.b, y); } }",
            "wrap('fillRect', function (x, y, w, h) { if (x === 0 && y === 0 && w >= c.clientWidth - 1) { window.__draw++; } });",
            "wrap('beginPath', function () { path = null; });",
            "wrap('moveTo', extend); wrap('lineTo', extend);",
            "wrap('arcTo', function (x1, y1, x2, y2) { extend(x1, y1); extend(x2, y2); });",
            "wrap('fill', function () { if (path && path.r > path.l && path.b > path.t) {",
            "  window.__boxes.push({draw: window.__draw, l: path.l, r: path.r, t: path.t, b: path.b}); } });",
            "wrap('fillText', function (t, x, y) { var w = this.measureText(t).width, a = this.textAlign;",
            "  var l = a === 'center' ? x - w / 2 : (a === 'right' || a === 'end') ? x - w : x;",
            "  window.__texts.push({draw: window.__draw, text: String(t), left: l, right: l + w, y: y}); });");

    /**
     * Texts of the last redraw that are cut: past the canvas's edges, or past the edges of the
     * smallest filled box around their middle (a station, a chip, the TLB bar).
     */
    private static final String CUT_WALK_TEXT = String.join("\n",
            "var c = document.querySelector('#walk canvas'); var last = window.__draw; var out = [];",
            "var boxes = window.__boxes.filter(function (x) { return x.draw === last; });",
            "var texts = window.__texts.filter(function (x) { return x.draw === last; });",
            "texts.forEach(function (x) {",
            "  var where = x.text + ' at ' + Math.round(x.left) + '..' + Math.round(x.right);",
            "  if (x.left < -0.5 || x.right > c.clientWidth + 0.5) { out.push(where + ' of a canvas ' + c.clientWidth + ' px wide'); }",
            "  var mid = (x.left + x.right) / 2, box = null;",
            "  boxes.forEach(function (o) { if (o.l <= mid && mid <= o.r && o.t <= x.y && x.y <= o.b",
            "      && (!box || (o.r - o.l) * (o.b - o.t) < (box.r - box.l) * (box.b - box.t))) { box = o; } });",
            "  if (box && (x.left < box.l - 0.5 || x.right > box.r + 0.5)) {",
            "    out.push(where + ' in a box at ' + Math.round(box.l) + '..' + Math.round(box.r)); } });",
            "return texts.length === 0 ? ['nothing drawn'] : out;");

    @Test
    void theWalksNumbersAreWholeInAFrameOf320By240(Browser b) {
        b.emulateViewport(320, 240, 1, false);
        b.open("?engine=js&embed=1&view=walk&scenario=03-first-mapping.pw&run=1");
        b.waitUntil("document.getElementById('walk').dataset.mode === 'access'");
        b.waitForStillCanvases();
        b.script(RECORD_WALK_TEXT);
        assertTrue(((String) b.script("return window.pagewalk.run('invlpg 0x08048000');")).startsWith("ok"));
        // A walk through both tables, the same page again from the TLB, and a page fault: each fills other boxes.
        String[] lines = {"read user 0x08048000", "read user 0x08048004", "write user 0xC0100000 1"};
        for (String line : lines) {
            String r = (String) b.script("return window.pagewalk.run(arguments[0]);", line);
            assertTrue(r.startsWith("ok"), line + ": " + r);
            b.waitForStillCanvases();
            assertEquals(List.of(), b.script(CUT_WALK_TEXT), "after " + line + ": the walk's texts that are cut");
        }
        b.screenshot("embed-walk-fault-320x240");
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
