package org.pagewalk.e2e.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts Debian's headless Chromium through its own chromedriver. Both paths are given
 * explicitly so Selenium Manager is never consulted (the machines have no internet).
 */
final class Chromium {
    /** Read when the harness starts, so a test can point them at a wrong path (HarnessStartTest). */
    static final String BINARY_PROPERTY = "pagewalk.chromium";
    static final String DRIVER_PROPERTY = "pagewalk.chromedriver";

    private Chromium() {
    }

    /** Why Chromium cannot be started at all, or null when both binaries are there. */
    static String missing() {
        if (!Files.isExecutable(Path.of(binary()))) {
            return binary() + " is missing";
        }
        if (!Files.isExecutable(Path.of(driver()))) {
            return driver() + " is missing";
        }
        return null;
    }

    private static String binary() {
        return System.getProperty(BINARY_PROPERTY, "/usr/bin/chromium");
    }

    private static String driver() {
        return System.getProperty(DRIVER_PROPERTY, "/usr/bin/chromedriver");
    }

    static ChromeDriver start(Path profile, Path logDir) throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        Files.createDirectories(logDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver()))
                .usingAnyFreePort()
                .withLogFile(logDir.resolve("chromedriver.log").toFile())
                // INFO would copy every performance-log entry into the file, megabytes per run.
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options(profile));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // needed as root (CI runs as root)
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                // Without these, Chromium keeps trying to reach outside hosts and each start is slow.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--mute-audio",
                "--window-size=1280,800",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        // Network.* events for every request the page makes: the other-origin check reads them.
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // Network events only: Page.* events would only make every log read slower.
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        return options;
    }
}
