package org.pagewalk.e2e.harness;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives tests a {@link Browser} parameter. The server and Chromium start once per run, on first
 * use, and stop when the run ends. If Chromium cannot start, every browser test fails with the
 * reason and the fix: a skipped end-to-end suite would look green while testing nothing.
 */
public final class BrowserExtension implements ParameterResolver, BeforeEachCallback, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final String KEY = "harness";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Each test starts from a clean page state, whatever the test before it did.
        browser(context).reset();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Object state = context.getRoot().getStore(NAMESPACE).get(KEY);
        if (state instanceof Harness) {
            String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            ((Harness) state).browser().trySaveScreenshot(name);
        }
    }

    private static Browser browser(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        // The outcome (a harness or the reason there is none) is computed once, so a missing
        // browser costs one attempt per run, not one per test.
        Object state = store.getOrComputeIfAbsent(KEY, key -> startOrReason());
        if (state instanceof Harness) {
            return ((Harness) state).browser();
        }
        return Assertions.fail(unavailable(String.valueOf(state)));
    }

    /** The failure message: what is wrong and how to fix it. */
    static String unavailable(String reason) {
        return "Headless Chromium is not available (" + reason + "), so the end-to-end tests cannot run."
                + " Run ./test.sh, which installs chromium and chromium-driver, or install them yourself"
                + " (apt-get install chromium chromium-driver).";
    }

    private static Object startOrReason() {
        try {
            return Harness.start();
        } catch (Harness.BrowserUnavailable e) {
            // Said once on the console too: every browser test fails with the same message.
            System.err.println("[e2e] " + unavailable(e.getMessage()));
            return e.getMessage();
        } catch (Exception e) {
            // Anything else (no site built, a port problem) fails with its own cause.
            throw new IllegalStateException("The e2e harness could not start: " + e.getMessage(), e);
        }
    }
}
