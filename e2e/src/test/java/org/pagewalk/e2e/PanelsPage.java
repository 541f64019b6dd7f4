package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;

/**
 * What the panel tests do on the page, in a user's terms: open a controls tab, type into a
 * field, press a button, read what the panels show. Setup that is not under test goes through
 * window.pagewalk.run, as a course page would.
 */
final class PanelsPage {
    private final Browser browser;

    PanelsPage(Browser browser) {
        this.browser = browser;
    }

    static PanelsPage open(Browser browser, String engine) {
        openBare(browser, "?engine=" + engine);
        PanelsPage page = new PanelsPage(browser);
        page.settle();
        return page;
    }

    /**
     * Opens the page on CeanOS as kernel.c leaves it (boot ceanos, init_mm), without the user page
     * the first screen maps: through a share link of those two lines, so undo starts empty and no
     * start card shows; the Access form set to Kernel and the address to 0xC0100000, as these
     * tests' golden values assume (the arithmetic: ViewProbe's class comment). The first screen
     * itself is FirstScreenTest's.
     */
    static Browser openBare(Browser browser, String query) {
        browser.driver().get("about:blank");
        browser.open(query + "#run=" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("boot ceanos\ninit_mm".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        browser.script("var k = document.getElementById('access-who-kernel'); if (k && !k.checked) { k.click(); }"
                // The address these tests start from: the kernel image's first byte, a 4 MiB page.
                + "var a = document.getElementById('address-input');"
                + "if (a) { a.value = '0xC0100000'; a.dispatchEvent(new Event('change')); }");
        browser.waitUntil("JSON.parse(window.pagewalk.state()).address === '0xC0100000'");
        browser.waitForStillCanvases();
        return browser;
    }

    Browser browser() {
        return browser;
    }

    /**
     * Presses Share, then opens the link it offers in a fresh page with no autosave, as a second
     * student would, and waits until that page is ready. Returns the link.
     */
    static String followShareLink(Browser b) {
        b.find("#topnav").findElements(org.openqa.selenium.By.tagName("button")).stream()
                .filter(e -> e.getText().equals("Share")).findFirst().orElseThrow().click();
        String link = (String) b.script("return document.querySelector('.share-text').value;");
        assertTrue(link.contains("#run="), link);
        b.script("window.localStorage.clear();");
        b.driver().get("about:blank");
        b.driver().get(link);
        b.waitUntil("document.body.dataset.ready === '1'");
        return link;
    }

    /** Waits two animation frames: every listener has redrawn. */
    void settle() {
        browser.script("return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { r(null); }); }); });");
    }

    /** Forty kernel reads: more lines than the log shows (300), so each action after them also takes out the oldest. */
    void fillLog() {
        for (int k = 0; k < 40; k++) {
            api("read kernel 0x" + Integer.toHexString(0xC0000000 + k * 4096));
        }
    }

    /** Runs a scenario line through window.pagewalk (setup, not the thing under test). */
    String api(String line) {
        String r = (String) browser.script("return window.pagewalk.run(arguments[0]);", line);
        settle();
        return r;
    }

    void tab(String key) {
        browser.find("#controls-tabs-tab-" + key).click();
        assertEquals("true", browser.find("#controls-tabs-tab-" + key).getAttribute("aria-selected"));
    }

    void bottomTab(String key) {
        browser.find("#bottom-tabs-tab-" + key).click();
    }

    void type(String id, String text) {
        WebElement e = browser.find("#" + id);
        e.clear();
        e.sendKeys(text);
    }

    void check(String id, boolean on) {
        WebElement e = browser.find("#" + id);
        if (e.isSelected() != on) {
            e.click();
        }
    }

    void press(String id) {
        browser.find("#" + id).click();
        settle();
    }

    String text(String css) {
        return (String) browser.script("var e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    String global(String name) {
        return text("#g-" + name);
    }

    String outcomeKind(String id) {
        return browser.find("#" + id).getAttribute("data-kind");
    }

    String error(String fieldId) {
        return text("#" + fieldId + "-error");
    }

    /** The TLB row (as its cells' texts) that holds a page number such as "0x08048", or null. */
    WebElement tlbRow(String page) {
        for (WebElement row : browser.driver().findElements(org.openqa.selenium.By.cssSelector("#tlb-table tr.tlb-row"))) {
            List<WebElement> cells = row.findElements(org.openqa.selenium.By.tagName("td"));
            if (cells.size() > 3 && page.equals(cells.get(3).getAttribute("textContent"))) {
                return row;
            }
        }
        return null;
    }

    int counter(String id) {
        return Integer.parseInt(text("#" + id).replace("\u2009", ""));
    }

    /** A pixel hash of every canvas on the page (views drawn by the canvas views, whatever they are). */
    @SuppressWarnings("unchecked")
    List<String> canvasHashes() {
        // The walk view animates after an access: compare what it settles on, not a frame of its tween.
        ViewProbe.settle(browser);
        return (List<String>) browser.script(
                "return Array.prototype.map.call(document.querySelectorAll('canvas'), function (c) {"
                        + " var w = c.width, h = c.height; if (!w || !h) { return (c.id || 'canvas') + ':empty'; }"
                        + " var g = c.getContext('2d'); if (!g) { return (c.id || 'canvas') + ':no-2d'; }"
                        + " var d = g.getImageData(0, 0, w, h).data, x = 0;"
                        + " for (var i = 0; i < d.length; i++) { x = (x * 31 + d[i]) | 0; }"
                        + " return (c.id || 'canvas') + ':' + w + 'x' + h + ':' + x; });");
    }

    /** Everything the panels show of the machine (texts only: marks of the last action are attributes). */
    Map<String, String> viewTexts() {
        Map<String, String> v = new LinkedHashMap<>();
        for (String css : new String[] {"#tlb-view", "#registers-view", "#globals-view", "#machine-summary"}) {
            v.put(css, text(css));
        }
        // The machine's state; the current address is a selection, not machine state, and undo keeps it.
        v.put("state", ((String) browser.script("return window.pagewalk.state();")).replaceAll(",\"address\":\"[^\"]*\"", ""));
        return v;
    }

    /** Texts and canvas pixels together: what "every view unchanged" compares. */
    Map<String, Object> views() {
        Map<String, Object> v = new LinkedHashMap<>(viewTexts());
        v.put("canvases", new ArrayList<>(canvasHashes()));
        return v;
    }

    void assertFocused(String id) {
        assertEquals(id, browser.script("return document.activeElement ? document.activeElement.id : null;"), "focused element");
    }

    void assertInvalid(String fieldId, String messagePart) {
        String message = error(fieldId);
        assertTrue(message != null && message.contains(messagePart), () -> fieldId + ": expected a message with '"
                + messagePart + "', found '" + message + "'");
        WebElement input = browser.find("#" + fieldId);
        assertEquals("true", input.getAttribute("aria-invalid"), fieldId + " is marked invalid");
        assertTrue(input.getAttribute("aria-describedby").contains(fieldId + "-error"), "the message describes the field");
        assertTrue(browser.find("#" + fieldId + "-error").isDisplayed(), "the message is shown beside the field");
    }
}
