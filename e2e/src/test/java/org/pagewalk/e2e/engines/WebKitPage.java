package org.pagewalk.e2e.engines;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.net.UrlChecker;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * WebKitGTK, the engine Safari uses, through Debian's {@code webkit2gtk-driver}: its
 * WebKitWebDriver speaks W3C WebDriver and starts WebKitGTK's MiniBrowser in automation mode.
 * MiniBrowser needs an X display, so the driver runs under {@code xvfb-run -a} (a private Xvfb
 * on a free display number, gone when the driver exits).
 */
final class WebKitPage {
    static final String DRIVER_PROPERTY = "pagewalk.webkitdriver";
    static final String BROWSER_PROPERTY = "pagewalk.minibrowser";

    private WebKitPage() {
    }

    static String driver() {
        return System.getProperty(DRIVER_PROPERTY, "/usr/bin/WebKitWebDriver");
    }

    static String browser() {
        return System.getProperty(BROWSER_PROPERTY, "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser");
    }

    static WebPage start(Path logDir) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(logDir);
        Process process = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1600x1200x24", driver(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("webkitwebdriver.log").toFile())
                .start();
        Runnable stop = () -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        };
        try {
            URL base = new URL("http://127.0.0.1:" + port);
            new UrlChecker().waitUntilAvailable(30, TimeUnit.SECONDS, new URL(base, "/status"));
            MutableCapabilities caps = new MutableCapabilities(Map.of(
                    "browserName", "MiniBrowser",
                    "webkitgtk:browserOptions", Map.of("binary", browser(), "args", List.of("--automation"))));
            return new SeleniumPage("webkit", new RemoteWebDriver(base, caps), stop);
        } catch (UrlChecker.TimeoutException | RuntimeException e) {
            stop.run();
            throw new IOException("WebKitWebDriver did not start: " + e.getMessage(), e);
        }
    }
}
