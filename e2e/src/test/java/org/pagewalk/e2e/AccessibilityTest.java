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
import org.pagewalk.e2e.harness.BrowserTest;

/** axe-core (bundled, no network) finds no serious or critical problem in either theme. */
@BrowserTest
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
}
