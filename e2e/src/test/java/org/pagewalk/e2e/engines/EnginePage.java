package org.pagewalk.e2e.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Pagewalk's page as the cross-engine tests use it, in any engine: open it and wait until Java
 * has started, run scenario lines through {@code window.pagewalk}, read its state, wait for a
 * condition inside the page (a Promise the driver awaits: no polling from the test, no sleeps),
 * and check that nothing went wrong.
 */
public final class EnginePage {
    private final WebPage page;

    public EnginePage(WebPage page) {
        this.page = page;
    }

    public WebPage driver() {
        return page;
    }

    /** Opens {@code url} from a blank page (so a hash-only change still loads) and waits until Java runs. */
    public EnginePage open(String url) {
        page.navigate("about:blank");
        page.navigate(url);
        waitUntil("document.body && (document.body.dataset.ready === '1' || document.body.dataset.engine === 'none')");
        assertEquals("1", page.script("return document.body.dataset.ready || null;"),
                () -> page.engine() + " did not start " + url + ": " + page.script("var s = document.getElementById('status');"
                        + " return s ? s.textContent : document.documentElement.outerHTML.slice(0, 500);"));
        viewsDrawn();
        return this;
    }

    /** Waits up to 20 s until {@code jsExpression} is truthy in the page; fails with it if never. */
    public void waitUntil(String jsExpression) {
        Object held = page.script("return new Promise(function (resolve) {"
                + "  var start = Date.now();"
                + "  (function poll() {"
                + "    var ok = false; try { ok = !!(" + jsExpression + "); } catch (e) { ok = false; }"
                + "    if (ok) { resolve(true); } else if (Date.now() - start > 20000) { resolve(false); }"
                + "    else { setTimeout(poll, 20); }"
                + "  })();"
                + "});");
        assertEquals(Boolean.TRUE, held, () -> page.engine() + ": still false after 20 s: " + jsExpression);
    }

    /** Runs one scenario line as the student would; fails unless it ran ("ok ..." or "passed ..."). */
    public String run(String line) {
        String text = String.valueOf(page.script("return window.pagewalk.run(arguments[0]);", line));
        assertTrue(text.startsWith("ok") || text.startsWith("passed"), () -> page.engine() + ": " + line + " -> " + text);
        viewsDrawn();
        return text;
    }

    /**
     * Waits until every view has drawn the page's latest state: on a loaded machine the views past
     * one frame's budget draw in the next frames ({@code <body data-drawing>}).
     */
    public void viewsDrawn() {
        waitUntil("document.body.dataset.rendered === '1' && !document.body.hasAttribute('data-drawing')");
    }

    /** A field of {@code window.pagewalk.state()}. */
    public String state(String field) {
        return String.valueOf(page.script("return String(JSON.parse(window.pagewalk.state())[arguments[0]]);", field));
    }

    /** The whole state, as JSON text, for comparing two pages. */
    public String state() {
        return String.valueOf(page.script("return window.pagewalk.state();"));
    }

    public String text(String css) {
        return String.valueOf(page.script("var e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css));
    }

    /** Presses a top-bar button by its label, with a real click. */
    public void press(String label) {
        page.click("//*[@id='topnav']//button[normalize-space()='" + label + "']");
    }

    /** Lets the walk reach its last step (it plays on its own after an access). */
    public void walkToEnd() {
        page.script("var w = document.querySelector('#walk'), last = document.querySelector('#walk .walk-last');"
                + " if (w && last && w.dataset.steps && (w.dataset.playing === '1'"
                + " || +w.dataset.step !== +w.dataset.steps - 1)) { last.click(); }");
        waitUntil("document.querySelector('#walk').dataset.playing !== '1'"
                + " && +document.querySelector('#walk').dataset.step === +document.querySelector('#walk').dataset.steps - 1");
    }

    /**
     * How many pixels of the canvas inside {@code css} differ from its top-left pixel (its
     * background) by more than 48 in some channel: ink, whatever the theme and anti-aliasing.
     */
    public int ink(String css) {
        Object n = page.script("var c = document.querySelector(arguments[0]);"
                + " if (!c || !c.width || !c.height) { return -1; }"
                + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + " for (var i = 0; i < d.length; i += 4) {"
                + "   if (Math.abs(d[i] - d[0]) > 48 || Math.abs(d[i + 1] - d[1]) > 48 || Math.abs(d[i + 2] - d[2]) > 48) { n++; }"
                + " }"
                + " return n;", css);
        return ((Number) n).intValue();
    }

    /**
     * The colour at the plain fill of directory-grid entry {@code i} (ViewProbe.entry explains
     * where: clear of every mark), as {@code "r,g,b,a"}; and the theme token it should be, as
     * {@code "r,g,b,255"}. Exact: a filled rectangle has no anti-aliasing in any engine.
     */
    public String[] gridEntryAndToken(String canvasCss, int i, String token) {
        Object pair = page.script("var c = document.querySelector(arguments[0]), s = +c.dataset.cell, i = arguments[1];"
                + " var x = +c.dataset.x0 + (i % 32) * s + (s >> 1), y = +c.dataset.y0 + Math.floor(i / 32) * s + Math.floor(2 * s / 3);"
                + " var d = c.getContext('2d').getImageData(x, y, 1, 1).data;"
                + " var t = getComputedStyle(document.documentElement).getPropertyValue(arguments[2]).trim();"
                + " var v = parseInt(t.slice(1), 16);"
                + " return [[d[0], d[1], d[2], d[3]].join(','), [v >> 16 & 255, v >> 8 & 255, v & 255, 255].join(',')];",
                canvasCss, i, token);
        List<?> both = (List<?>) pair;
        return new String[] {String.valueOf(both.get(0)), String.valueOf(both.get(1))};
    }

    /** No exception caught by the page's guard and no internal-error banner. */
    public void assertClean() {
        Object faults = page.script("return document.body.dataset.faults || null;");
        assertEquals(null, faults, () -> page.engine() + ": Java exceptions caught by the page: " + text("#fault"));
    }

    /** Serious or critical axe-core findings on the current page, one line each. */
    public List<String> axeProblems(String axeSource) {
        page.script(axeSource);
        Object found = page.script("return window.axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " return r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' '"
                + " + v.nodes.map(function (n) { return String(n.target); }).join(', '); }); });");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) found;
        return problems;
    }
}
