package org.pagewalk.e2e.engines;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Firefox ESR, headless, driven through {@link Marionette}. Its profile is a fresh
 * temporary folder whose {@code user.js} sets {@code marionette.port} to 0: Firefox then picks a
 * free port and writes it to {@code MarionetteActivePort} in the profile, which this class waits
 * for (a file-system watch, not a poll).
 */
final class FirefoxPage implements WebPage {
    static final String BINARY_PROPERTY = "pagewalk.firefox";
    private static final String[] PREFS = {
        "marionette.port", "0",
        // No first-run pages, no update checks, no connections of its own: nothing but the page under test.
        "browser.shell.checkDefaultBrowser", "false",
        "browser.startup.homepage_override.mstone", "\"ignore\"",
        "datareporting.policy.dataSubmissionEnabled", "false",
        "toolkit.telemetry.reportingpolicy.firstRun", "false",
        "app.update.disabledForTesting", "true",
        "network.captive-portal-service.enabled", "false",
        "network.connectivity-service.enabled", "false",
        "browser.safebrowsing.update.enabled", "false",
        "extensions.update.enabled", "false",
    };

    private final Process process;
    private final Path profile;
    private final Marionette marionette;
    private final String version;

    private FirefoxPage(Process process, Path profile, Marionette marionette, String version) {
        this.process = process;
        this.profile = profile;
        this.marionette = marionette;
        this.version = version;
    }

    static String binary() {
        return System.getProperty(BINARY_PROPERTY, "/usr/bin/firefox-esr");
    }

    static FirefoxPage start(Path logDir) throws IOException {
        Path profile = Files.createTempDirectory("pagewalk-firefox-");
        StringBuilder userJs = new StringBuilder();
        for (int i = 0; i < PREFS.length; i += 2) {
            userJs.append("user_pref(\"").append(PREFS[i]).append("\", ").append(PREFS[i + 1]).append(");\n");
        }
        Files.writeString(profile.resolve("user.js"), userJs);
        Files.createDirectories(logDir);
        Path portFile = profile.resolve("MarionetteActivePort");
        Process process;
        int port;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            profile.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            process = new ProcessBuilder(binary(), "--headless", "--marionette", "--no-remote", "--profile",
                    profile.toString(), "about:blank")
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("firefox.log").toFile())
                    .start();
            port = awaitPort(watch, portFile, process);
        }
        Marionette m = new Marionette(port);
        Map<?, ?> session = (Map<?, ?>) m.command("WebDriver:NewSession", Map.of("capabilities",
                Map.of("alwaysMatch", Map.of("timeouts", Map.of("script", 30000, "pageLoad", 30000)))));
        String version = String.valueOf(((Map<?, ?>) session.get("capabilities")).get("browserVersion"));
        return new FirefoxPage(process, profile, m, version);
    }

    /** Waits up to 30 s for Firefox to write its Marionette port. */
    private static int awaitPort(WatchService watch, Path portFile, Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (Files.exists(portFile)) {
                String text = Files.readString(portFile).trim();
                if (!text.isEmpty()) {
                    return Integer.parseInt(text);
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Firefox exited with " + process.exitValue() + " before Marionette listened");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                process.destroyForcibly();
                throw new IOException("Firefox did not open Marionette within 30 s");
            }
            try {
                // Wakes on any change in the profile folder; the one second bounds a missed event.
                WatchKey key = watch.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Firefox started", e);
            }
        }
    }

    @Override
    public String engine() {
        return "firefox";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void navigate(String url) {
        marionette.command("WebDriver:Navigate", Map.of("url", url));
    }

    @Override
    public Object script(String javascript, Object... args) {
        return marionette.value("WebDriver:ExecuteScript", Map.of("script", javascript, "args", Arrays.asList(args)));
    }

    private String element(String xpath) {
        Map<?, ?> ref = (Map<?, ?>) marionette.value("WebDriver:FindElement", Map.of("using", "xpath", "value", xpath));
        return String.valueOf(ref.get(Marionette.ELEMENT));
    }

    @Override
    public void click(String xpath) {
        marionette.command("WebDriver:ElementClick", Map.of("id", element(xpath)));
    }

    @Override
    public void type(String xpath, String text) {
        marionette.command("WebDriver:ElementSendKeys", Map.of("id", element(xpath), "text", text));
    }

    @Override
    public byte[] screenshot() {
        return Base64.getDecoder().decode(String.valueOf(marionette.value("WebDriver:TakeScreenshot", Map.of("full", false))));
    }

    @Override
    public void setWindowSize(int width, int height) {
        marionette.command("WebDriver:SetWindowRect", Map.of("width", width, "height", height));
    }

    @Override
    public void close() {
        try {
            marionette.command("Marionette:Quit", Map.of("flags", List.of("eForceQuit")));
            marionette.close();
        } catch (RuntimeException | IOException e) {
            // Quitting a browser that already died: the process is destroyed below anyway.
        }
        process.destroyForcibly();
        Engines.delete(profile);
    }
}
