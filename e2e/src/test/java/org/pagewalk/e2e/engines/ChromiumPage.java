package org.pagewalk.e2e.engines;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium for the cross-engine set, with the same flags as the main suite's. */
final class ChromiumPage {
    private ChromiumPage() {
    }

    static WebPage start(Path logDir) throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("pagewalk-chromium-x-");
        Files.createDirectories(logDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("pagewalk.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withLogFile(logDir.resolve("chromedriver-cross.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("pagewalk.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--window-size=1280,800", "--user-data-dir=" + profile);
        return new SeleniumPage("chromium", new ChromeDriver(service, options), () -> Engines.delete(profile));
    }
}
