package org.pagewalk.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pagewalk.web.server.SiteServer;

/**
 * One site server and one browser for the whole test run: Chromium takes about a second to
 * start, a page load a few milliseconds. Closed by JUnit when the run ends.
 */
final class Harness implements AutoCloseable {
    /** Selenium logs through java.util.logging; a strong reference keeps the level set. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    /** Debian's Chromium is newer than any CDP module Selenium ships; the tests use none. */
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private final SiteServer server;
    private final Path profile;
    private final Browser browser;

    private Harness(SiteServer server, Path profile, Browser browser) {
        this.server = server;
        this.profile = profile;
        this.browser = browser;
    }

    static Path siteDir() {
        return Path.of(System.getProperty("pagewalk.site", "../web/target/site")).toAbsolutePath().normalize();
    }

    static Path outputDir(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    /** Throws BrowserUnavailable when Chromium cannot run; the extension fails the tests with the reason. */
    static Harness start() throws Exception {
        SELENIUM_LOG.setLevel(Level.WARNING);
        CDP_LOG.setLevel(Level.SEVERE);
        String missing = Chromium.missing();
        if (missing != null) {
            throw new BrowserUnavailable(missing, null);
        }
        SiteServer server = SiteServer.start(siteDir(), 0);
        Path profile = Files.createTempDirectory("pagewalk-chromium-");
        ChromeDriver driver;
        try {
            driver = Chromium.start(profile, outputDir("pagewalk.logs", "target"));
        } catch (RuntimeException | IOException e) {
            server.close();
            delete(profile);
            throw new BrowserUnavailable("Chromium did not start: " + e.getMessage(), e);
        }
        Browser browser = new Browser(driver, server.uri(), siteDir(),
                outputDir("pagewalk.screenshots", "target/screenshots"));
        return new Harness(server, profile, browser);
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() throws Exception {
        try {
            browser.quit();
        } finally {
            server.close();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }

    /** Chromium or its driver is missing or would not start. */
    static final class BrowserUnavailable extends Exception {
        BrowserUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
