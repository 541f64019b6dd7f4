package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The texts that change with every action outside the log (the TLB's counters, the address split's
 * level buttons, the address fields) sit in boxes that lay out on their own, so an action re-lays
 * out those boxes instead of the page: every text still shows whole at its widest, and a box's text
 * never moves what is around it.
 */
@InBrowser
class ContainedTextsTest {
    /** Whether the element's text is wider or taller than its box. */
    private static final String OVERFLOWS = "var e = document.querySelector(arguments[0]);"
            + "return e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight;";
    private static final String LEFT = "return document.querySelector(arguments[0]).getBoundingClientRect().left;";

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theTlbCountersShowFiveDigitCountsWholeAndTheirTextMovesNothing(String engine, Browser browser) {
        List<String> lines = new ArrayList<>(List.of("boot ceanos", "init_mm", "read kernel 0xC0100000"));
        open(browser, engine, lines);
        int hits = counter(browser, "tlb-hits");
        int misses = counter(browser, "tlb-misses");
        // 9,999 more reads of the same page: each one a hit, none a miss.
        for (int i = 0; i < 9_999; i++) {
            lines.add("read kernel 0xC0100000");
        }
        open(browser, engine, lines);
        assertEquals(hits + 9_999, counter(browser, "tlb-hits"), "the hits shown: " + text(browser, "#tlb-hits"));
        assertEquals(misses, counter(browser, "tlb-misses"));
        assertTrue(text(browser, "#tlb-hits").contains("\u2009"), "five digits and more in groups of three: " + text(browser, "#tlb-hits"));
        for (String id : new String[] {"tlb-hits", "tlb-misses", "tlb-evictions", "tlb-valid", "tlb-stale"}) {
            assertEquals(Boolean.FALSE, browser.script(OVERFLOWS, "#" + id), () -> id + "'s text is wider than its box: " + text(browser, "#" + id));
        }
        // The box, not its text, places the next counter.
        Object misses0 = browser.script(LEFT, "#tlb-counters .counter:nth-child(2)");
        browser.script("var t = document.getElementById('tlb-hits').firstChild; t.nodeValue = t.nodeValue + ' 000 000 000';");
        assertEquals(misses0, browser.script(LEFT, "#tlb-counters .counter:nth-child(2)"));
        browser.assertClean();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theLevelButtonsAndTheAddressFieldsShowTheWidestAddressWhole(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        browser.script("var a = document.getElementById('address-input'); a.value = '0xFFFFFFFF'; a.dispatchEvent(new Event('change'));");
        browser.waitUntil("JSON.parse(window.pagewalk.state()).address === '0xFFFFFFFF'");
        page.settle();
        assertEquals("D  directory index 1023", text(browser, "#address-split .level-d"));
        assertEquals("T  table index 1023", text(browser, "#address-split .level-t"));
        assertEquals("F  offset 0xFFF = 4095", text(browser, "#address-split .level-f"));
        for (String level : new String[] {"d", "t", "f"}) {
            String box = "#address-split .level-" + level + " .level-text";
            assertEquals(Boolean.FALSE, browser.script(OVERFLOWS, box), () -> level + ": the text is wider than its box");
        }
        assertEquals("0xFFFFFFFF", browser.script("return document.getElementById('address-input').value;"));
        assertEquals(Boolean.FALSE, browser.script(OVERFLOWS, "#address-input"), "the address field shows 0xFFFFFFFF whole");
        // The Access form's address follows the selection.
        assertEquals("0xFFFFFFFF", browser.script("return document.getElementById('access-address').value;"));
        assertEquals(Boolean.FALSE, browser.script(OVERFLOWS, "#access-address"), "the Access form's field shows 0xFFFFFFFF whole");

        // The boxes, not their texts, place the buttons.
        Object t0 = browser.script(LEFT, "#address-split .level-t");
        Object f0 = browser.script(LEFT, "#address-split .level-f");
        browser.script("var t = document.querySelector('#address-split .level-d .level-text').firstChild; t.nodeValue = t.nodeValue + ' and much more';");
        assertEquals(t0, browser.script(LEFT, "#address-split .level-t"));
        assertEquals(f0, browser.script(LEFT, "#address-split .level-f"));
        browser.assertClean();
    }

    private static void open(Browser browser, String engine, List<String> lines) {
        browser.driver().get("about:blank");
        browser.open("?engine=" + engine + "#run=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        browser.waitUntil("document.body.dataset.rendered === '1'");
        new PanelsPage(browser).settle();
    }

    private static String text(Browser browser, String css) {
        return String.valueOf(browser.script("return document.querySelector(arguments[0]).textContent;", css));
    }

    private static int counter(Browser browser, String id) {
        return new PanelsPage(browser).counter(id);
    }
}
