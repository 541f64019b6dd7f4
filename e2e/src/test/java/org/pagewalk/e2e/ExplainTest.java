package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** Explain on a result: the reasoning in full sentences with the numbers, in both engines. */
@InBrowser
class ExplainTest {
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aTranslationAndAFaultAreExplained(String engine, Browser browser) {
        PanelsPage page = PanelsPage.open(browser, engine);
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        page.tab("access");
        page.type("access-address", "0x08048123");
        browser.find("#access-who-user").click();
        page.press("access-translate");
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
}
