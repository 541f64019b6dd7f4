package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The console runs scenario lines as user actions; the editor runs or steps a whole scenario; the log shows it all. */
@InBrowser
class ConsoleTest {

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void consoleLinesRunAndRecall(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        page.bottomTab("console");
        WebElement input = browser.find("#console-input");
        input.sendKeys("memMapPage 0x08048000 0x00300000 WRITE|USER", Keys.ENTER);
        input.sendKeys("read user 0x08048000", Keys.ENTER);
        input.sendKeys("expect last miss", Keys.ENTER);
        input.sendKeys("memMapPage 0x08048000", Keys.ENTER);
        page.settle();
        List<String> out = outputs(browser);
        assertEquals(4, out.size(), out.toString());
        assertEquals("\u2713 memMapPage done", out.get(0));
        assertTrue(out.get(1).startsWith("\u2713 user read 0x08048000 -> physical 0x00300000 (TLB miss, walked)"), out.get(1));
        assertEquals("\u2713 expect held", out.get(2));
        assertTrue(out.get(3).startsWith("\u2715 column 22: missing argument 2 of memMapPage"), out.get(3));
        assertEquals("5", page.global("mem_num_vpages"), "the console's lines changed the machine");
        assertTrue(page.tlbRow("0x08048000") != null);

        input.sendKeys(Keys.ARROW_UP);
        assertEquals("memMapPage 0x08048000", input.getAttribute("value"));
        input.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
        assertEquals("read user 0x08048000", input.getAttribute("value"));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertEquals("", input.getAttribute("value"));

        page.bottomTab("log");
        String log = page.text("#log-list");
        assertTrue(log.contains("\u25b6 read user 0x08048000"), "each action's line");
        assertTrue(log.contains("TLB miss for 0x08048000 (set 8): walk the page tables"), "and its events");
        browser.find("#log-chip-walk").click();
        assertFalse(page.text("#log-list").contains("PTE 72 at physical"), "the walk chip hides walk steps");
        assertTrue(page.text("#log-list").contains("TLB miss for 0x08048000"), "other kinds stay");
        assertEquals("false", browser.find("#log-chip-walk").getAttribute("aria-pressed"));
        browser.assertClean();
    }

    @Test
    void editorStepsAndRunsAScenario(Browser browser) {
        PanelsPage page = PanelsPage.open(browser, "js");
        page.bottomTab("console");
        WebElement editor = browser.find("#console-editor");
        editor.clear();
        editor.sendKeys("title Stale\nmemMapPage 0x08048000 0x00300000 WRITE\nread 0x08048000\npause\n"
                + "write 0xFFC20120 0x00301003\nexpect tlb stale 0x08048000\nmemMapPage 0x08048000 0x00302000 WRITE\n"
                + "expect refused \"already mapped\"\n");
        page.press("editor-step");
        assertTrue(page.text("#editor-status").startsWith("Next: line 3"), page.text("#editor-status"));
        page.press("editor-run");
        assertTrue(page.text("#editor-status").startsWith("Next: line 5"), "Run stops after pause: " + page.text("#editor-status"));
        page.press("editor-run");
        assertEquals("Done: all 7 steps ran.", page.text("#editor-status"));
        List<String> out = outputs(browser);
        assertEquals("\u2713 expect held", out.get(out.size() - 3));
        assertTrue(out.get(out.size() - 2).startsWith("\u2713 refused, as the next line expects"), out.get(out.size() - 2));
        assertEquals("\u2713 expect held", out.get(out.size() - 1));
        assertEquals("1", page.text("#tlb-stale"), "the views follow the scenario");

        editor.sendKeys("memMapPage 0x0804\n");
        page.press("editor-run");
        assertTrue(page.text("#editor-status").startsWith("Not run: line 9, column"), page.text("#editor-status"));
        assertEquals("true", editor.getAttribute("aria-invalid"));
        browser.assertClean();
    }

    private static List<String> outputs(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#console-output .console-out")).stream()
                .map(e -> e.getAttribute("textContent")).collect(java.util.stream.Collectors.toList());
    }
}
