package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.pagewalk.e2e.harness.Browser;

/**
 * What a screen shows, measured in the page: whether an element lies inside the viewport,
 * whether anything makes the page scroll sideways, and every visible piece of text whose
 * computed font size is under 12 px (UI.md: text a student can read on a phone).
 */
final class LayoutProbe {
    /** Visible elements that hold text of their own, with their computed font size under 12 px. */
    private static final String SMALL_TEXT = String.join("\n",
            "var out = [];",
            "var all = document.body.querySelectorAll('*');",
            "for (var i = 0; i < all.length; i++) {",
            "  var el = all[i];",
            "  var own = '';",
            "  for (var n = el.firstChild; n; n = n.nextSibling) { if (n.nodeType === 3) { own += n.nodeValue; } }",
            "  if (!own.trim()) { continue; }",
            "  if (el.closest('.visually-hidden, [hidden], noscript, option, script, style')) { continue; }",
            "  var r = el.getBoundingClientRect();",
            "  if (r.width === 0 || r.height === 0) { continue; }",
            "  var cs = getComputedStyle(el);",
            "  if (cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) { continue; }",
            "  var px = parseFloat(cs.fontSize);",
            "  if (px < 12) { out.push((el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + el.className) + ' '",
            "      + px + 'px: ' + own.trim().slice(0, 40)); }",
            "}",
            "return out;");

    private final Browser browser;

    LayoutProbe(Browser browser) {
        this.browser = browser;
    }

    /** The element's box in viewport pixels: left, top, right, bottom. */
    double[] box(String css) {
        List<?> r = (List<?>) browser.script("var e = document.querySelector(arguments[0]);"
                + "if (!e) { return null; } var b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom];", css);
        assertTrue(r != null, css + " is on the page");
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = ((Number) r.get(i)).doubleValue();
        }
        return out;
    }

    double viewportWidth() {
        return ((Number) browser.script("return document.documentElement.clientWidth;")).doubleValue();
    }

    double viewportHeight() {
        return ((Number) browser.script("return window.innerHeight;")).doubleValue();
    }

    /** The element is drawn (has a size) and lies wholly inside the viewport, without scrolling. */
    void assertOnScreen(String css, String what) {
        browser.script("window.scrollTo(0, 0);");
        double[] b = box(css);
        double w = viewportWidth();
        double h = viewportHeight();
        String where = what + " (" + css + ") at left " + b[0] + " top " + b[1] + " right " + b[2] + " bottom " + b[3]
                + " in a " + w + "×" + h + " viewport";
        assertTrue(b[2] - b[0] > 0 && b[3] - b[1] > 0, where + ": not drawn");
        assertTrue(b[0] >= -0.5 && b[1] >= -0.5 && b[2] <= w + 0.5 && b[3] <= h + 0.5, where + ": not on the first screen");
    }

    /** Nothing is wider than the viewport: the page never scrolls sideways. */
    void assertNoHorizontalOverflow() {
        Object wide = browser.script("var w = document.documentElement.clientWidth; var out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && r.right > w + 0.5 && !e.closest('.tlb-scroll, .grid-zoomed, .visually-hidden, dialog, .view-tabs'))"
                + "  { out.push((e.id ? '#' + e.id : e.tagName + '.' + e.className) + ' right ' + Math.round(r.right)); } });"
                + "return out.slice(0, 8);");
        assertEquals(List.of(), wide, "elements past the right edge of the viewport");
        Number scroll = (Number) browser.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.doubleValue() <= viewportWidth() + 0.5, "the page scrolls sideways: " + scroll + " > " + viewportWidth());
    }

    /** No visible text under 12 px, measured with getComputedStyle. */
    void assertNoSmallText() {
        assertEquals(List.of(), browser.script(SMALL_TEXT), "visible text under 12 px");
    }
}
