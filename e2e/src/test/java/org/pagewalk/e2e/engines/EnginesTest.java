package org.pagewalk.e2e.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A missing engine is named, so its tests fail with the reason instead of being skipped. */
class EnginesTest {

    @Test
    void aMissingProgramIsNamed() {
        String before = System.getProperty(FirefoxPage.BINARY_PROPERTY);
        System.setProperty(FirefoxPage.BINARY_PROPERTY, "/nonexistent/firefox-esr");
        try {
            assertEquals("/nonexistent/firefox-esr is missing", Engines.missing("firefox"));
        } finally {
            if (before == null) {
                System.clearProperty(FirefoxPage.BINARY_PROPERTY);
            } else {
                System.setProperty(FirefoxPage.BINARY_PROPERTY, before);
            }
        }
        assertNull(Engines.missing("firefox"), "installed by test.sh");
        assertNull(Engines.missing("webkit"), "installed by test.sh");
        assertEquals("no engine called lynx", Engines.missing("lynx"));
    }
}
