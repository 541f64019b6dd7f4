package org.pagewalk.e2e.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * The three engines of the cross-engine set, each started once, on first use, and closed when
 * the run ends ({@link EnginesExtension}). An engine that is not installed or does not start
 * fails every test that needs it with the reason and the fix: a skipped engine would look green
 * while testing nothing.
 */
public final class Engines {
    public static final List<String> ALL = List.of("chromium", "firefox", "webkit");

    private static final Map<String, Object> STARTED = new LinkedHashMap<>();

    private Engines() {
    }

    /** The running engine called {@code name}; fails the calling test if it cannot run. */
    public static synchronized WebPage page(String name) {
        Object state = STARTED.computeIfAbsent(name, Engines::startOrReason);
        if (state instanceof WebPage) {
            return (WebPage) state;
        }
        return Assertions.fail(name + " is not available (" + state + "), so the cross-engine tests cannot run in it."
                + " Run ./test.sh, which installs chromium, chromium-driver, firefox-esr, webkit2gtk-driver and xvfb,"
                + " or install them yourself with apt-get.");
    }

    /** Why {@code name} cannot start, or null when its programs are installed. */
    static String missing(String name) {
        List<String> needed;
        switch (name) {
            case "chromium":
                needed = List.of(System.getProperty("pagewalk.chromium", "/usr/bin/chromium"),
                        System.getProperty("pagewalk.chromedriver", "/usr/bin/chromedriver"));
                break;
            case "firefox":
                needed = List.of(FirefoxPage.binary());
                break;
            case "webkit":
                needed = List.of(WebKitPage.driver(), WebKitPage.browser(), "/usr/bin/xvfb-run", "/usr/bin/Xvfb");
                break;
            default:
                return "no engine called " + name;
        }
        for (String program : needed) {
            if (!Files.isExecutable(Path.of(program))) {
                return program + " is missing";
            }
        }
        return null;
    }

    private static Object startOrReason(String name) {
        String missing = missing(name);
        if (missing != null) {
            System.err.println("[e2e] " + name + ": " + missing);
            return missing;
        }
        Path logs = Path.of(System.getProperty("pagewalk.logs", "target")).toAbsolutePath();
        try {
            switch (name) {
                case "chromium":
                    return ChromiumPage.start(logs);
                case "firefox":
                    return FirefoxPage.start(logs);
                default:
                    return WebKitPage.start(logs);
            }
        } catch (IOException | RuntimeException e) {
            return name + " did not start: " + e.getMessage();
        }
    }

    static synchronized void closeAll() {
        for (Object state : STARTED.values()) {
            if (state instanceof WebPage) {
                ((WebPage) state).close();
            }
        }
        STARTED.clear();
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
