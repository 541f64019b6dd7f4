package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** Explain on a result: the reasoning in full sentences with the numbers, in both engines. */
@InBrowser
class ExplainTest {
    /** 0x08048000 mapped to 0x00300000 (user, writable), then a user read of 0x08048123 from the Access tab. */
    private static PanelsPage userReadOfAMappedPage(Browser browser, String engine) {
        PanelsPage page = PanelsPage.open(browser, engine);
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        page.tab("access");
        page.type("access-address", "0x08048123");
        browser.find("#access-who-user").click();
        page.press("access-translate");
        return page;
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aTranslationAndAFaultAreExplained(String engine, Browser browser) {
        PanelsPage page = userReadOfAMappedPage(browser, engine);
        browser.find("#access-outcome .outcome-explain summary").click();
        String t = browser.text("#access-outcome .explain-text");
        // 0x08048123: bits 31-22 = 32, bits 21-12 = 0x48 = 72, bits 11-0 = 0x123.
        assertTrue(t.contains("directory index 32 (bits 31-22), table index 72 (bits 21-12) and offset 0x123"), t);
        assertTrue(t.contains("Physical = frame 0x00300000 + offset 0x123 = 0x00300123."), t);

        page.type("access-address", "0x30000010");
        page.press("access-translate");
        String f = browser.text("#access-outcome .explain-text");
        assertTrue(f.contains("Its P bit (bit 0) is 0"), f);
        assertTrue(f.contains("error code 0x4: P = 0 (not present), W/R = 0 (a read), U/S = 1 (from user mode); CR2 = 0x30000010"), f);
        browser.assertClean();
    }

    /**
     * Explain on a TLB row and on a log line. 0x08048000 is mapped to 0x00300000 with a new page
     * table (the frame after the heap's 0x00250000..0x00254000: 0x00255000); its page number
     * 0x08048 puts it in set 0x08048 mod 16 = 8. Then its PTE (72, reached through the recursive
     * window at 0xFFC00000 + 32 x 4096 + 72 x 4 = 0xFFC20120) is rewritten to frame 0x00400000
     * without INVLPG, so the next read hits a stale entry.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aTlbRowAndALogLineAreExplained(String engine, Browser browser) {
        PanelsPage page = userReadOfAMappedPage(browser, engine);
        WebElement row = browser.driver().findElements(By.cssSelector("#tlb-table tr.tlb-row")).stream()
                .filter(r -> r.getText().contains("0x08048000")).findFirst().orElseThrow();
        assertEquals("8", row.getAttribute("data-set"));
        row.click();
        page.settle();
        browser.find("#tlb-explain summary").click();
        String t = browser.text("#tlb-explain .explain-text");
        assertTrue(t.contains("caches the translation of the 4 KiB page at linear 0x08048000 (up to 0x08048FFF) to "
                + "physical 0x00300000"), t);
        assertTrue(t.contains("Its set is the page number mod 16: 0x08048 mod 16 = 8."), t);
        assertTrue(t.contains("and PTE 72 at 0x00255120"), t);

        page.api("write kernel 0xFFC20120 0x00400007");
        page.type("access-address", "0x08048123");
        page.press("access-translate");
        String stale = browser.text("#tlb-explain .explain-text");
        assertTrue(stale.contains("The last action hit this row"), stale);
        assertTrue(stale.contains("This row is stale: the TLB says 0x08048000 -> 0x00300000; memory says 0x08048000 -> "
                + "0x00400000."), stale);

        page.bottomTab("log");
        WebElement hit = browser.driver().findElements(By.cssSelector("#log-list .log-line")).stream()
                .filter(l -> l.getText().startsWith("TLB hit for 0x08048123")).reduce((a, b) -> b).orElseThrow();
        hit.click();
        hit.findElement(By.cssSelector(".log-explain-button")).click();
        String line = browser.text("#log-list .log-explain");
        assertTrue(line.contains("The TLB already held page 0x08048000 in set 8"), line);
        assertTrue(line.contains("That entry is stale: the TLB says 0x08048000 -> 0x00300000; memory says 0x08048000 -> "
                + "0x00400000."), line);
        assertTrue(line.contains("so the CPU read no entry: physical 0x00300123."), line);
        browser.assertClean();
    }
}
