package org.pagewalk.e2e.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A browser test on a machine without Chromium fails, with the reason and the fix; it is never
 * skipped (aborted), which would leave the suite green while testing nothing. The browser test
 * runs inside this one through the JUnit launcher, so it gets its own harness, pointed at a
 * Chromium that does not exist. No browser is needed here.
 */
class MissingBrowserTest {
    private static final String NO_SUCH_CHROMIUM = "/nonexistent/pagewalk-test/chromium";

    /** Run only from {@link #aBrowserTestFailsWhenChromiumIsMissing} (surefire skips nested classes). */
    @InBrowser
    static class NeedsABrowser {
        @Test
        void opensThePage(Browser browser) {
            browser.open("");
        }
    }

    @Test
    void aBrowserTestFailsWhenChromiumIsMissing() {
        List<TestExecutionResult> results = new ArrayList<>();
        String before = System.getProperty(Chromium.BINARY_PROPERTY);
        System.setProperty(Chromium.BINARY_PROPERTY, NO_SUCH_CHROMIUM);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(NeedsABrowser.class)).build(),
                    new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (test.isTest()) {
                                results.add(result);
                            }
                        }
                    });
        } finally {
            if (before == null) {
                System.clearProperty(Chromium.BINARY_PROPERTY);
            } else {
                System.setProperty(Chromium.BINARY_PROPERTY, before);
            }
        }
        assertEquals(1, results.size(), "the one browser test ran");
        TestExecutionResult result = results.get(0);
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(),
                () -> "failed, not " + result.getStatus() + ": " + result.getThrowable());
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains(NO_SUCH_CHROMIUM + " is missing"), message);
        assertTrue(message.contains("./test.sh"), () -> "the fix is named: " + message);
    }
}
