package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** axe-core (bundled, no network) finds no serious or critical problem in either theme. */
@InBrowser
class AccessibilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void noSeriousViolations(String scheme, Browser browser) {
        browser.emulateColorScheme(scheme);
        browser.open("");
        Results results = new AxeBuilder().analyze(browser.driver());
        List<Rule> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .collect(Collectors.toList());
        assertTrue(bad.isEmpty(), () -> scheme + " theme: " + bad.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + " " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
        browser.screenshot("main-" + scheme + "-desktop");
        browser.assertClean();
    }

    /** The panels in their busiest state: a stale TLB row, messages beside fields, the inspector pinned. */
    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void panelsInUseHaveNoSeriousViolations(String scheme, Browser browser) {
        browser.emulateColorScheme(scheme);
        PanelsPage page = PanelsPage.open(browser, "js");
        page.api("memMapPage 0x08048000 0x00300000 WRITE|USER");
        page.api("read user 0x08048000");
        page.api("write kernel 0xFFC20120 0x00700007");
        page.press("log-clear"); // a few log lines are enough: axe's time grows with the page
        page.api("read user 0x08048000");
        page.tab("kernel");
        page.type("kernel-memMapPage-virtual", "0x08048010");
        page.press("kernel-memMapPage-submit");
        page.tlbRow("0x08048000").click();
        page.settle();
        assertNoSeriousViolations(scheme + " theme, kernel tab and inspector", browser);
        page.bottomTab("log");
        // The forms share their look; the dark theme is checked on two of them, the light on all.
        for (String tab : scheme.equals("light") ? new String[] {"access", "cpu", "processes"} : new String[] {"access"}) {
            page.tab(tab);
            assertNoSeriousViolations(scheme + " theme, " + tab + " tab", browser);
        }
        page.bottomTab("console");
        page.tab("boot");
        browser.find("#boot-variant-as-written").click();
        assertNoSeriousViolations(scheme + " theme, boot tab and console", browser);
        browser.screenshot("panels-" + scheme + "-busy");
        browser.assertClean();
    }

    private static void assertNoSeriousViolations(String what, Browser browser) {
        Results results = new AxeBuilder().analyze(browser.driver());
        List<Rule> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .collect(Collectors.toList());
        assertTrue(bad.isEmpty(), () -> what + ": " + bad.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + " " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }
}
