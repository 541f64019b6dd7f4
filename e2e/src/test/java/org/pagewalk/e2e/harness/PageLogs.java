package org.pagewalk.e2e.harness;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What the browser logged since the last page was opened: console entries and the URL of every
 * request. Chromedriver hands each log out once, so entries are collected here as they are read.
 */
final class PageLogs {
    private static final Json JSON = new Json();

    private final WebDriver driver;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    PageLogs(WebDriver driver) {
        this.driver = driver;
    }

    /** Forgets everything logged so far (also what chromedriver still buffers). */
    void clear() {
        collect();
        console.clear();
        requests.clear();
    }

    List<LogEntry> console() {
        collect();
        return List.copyOf(console);
    }

    List<String> severeConsoleEntries() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : console()) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        return severe;
    }

    /** Every request URL the page made (documents, scripts, Wasm, fetches, icons). */
    List<String> requests() {
        collect();
        return List.copyOf(requests);
    }

    private void collect() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            String url = requestUrl(entry.getMessage());
            if (url != null) {
                requests.add(url);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String requestUrl(String performanceEntry) {
        Map<String, Object> entry = JSON.toType(performanceEntry, Map.class);
        Map<String, Object> message = (Map<String, Object>) entry.get("message");
        if (message == null || !"Network.requestWillBeSent".equals(message.get("method"))) {
            return null;
        }
        Map<String, Object> params = (Map<String, Object>) message.get("params");
        Map<String, Object> request = params == null ? null : (Map<String, Object>) params.get("request");
        return request == null ? null : (String) request.get("url");
    }

    /**
     * Same origin as the page, in the sense that matters offline: a file:// page may load only
     * file:// URLs; an http page only its own scheme, host and port. data: and blob: URLs are
     * made inside the page and never touch the network.
     */
    static boolean sameOrigin(URI page, String url) {
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false; // reported, so a person looks at it
        }
        String scheme = target.getScheme();
        if ("data".equals(scheme) || "blob".equals(scheme) || "about".equals(scheme)) {
            return true;
        }
        if ("file".equals(page.getScheme())) {
            return "file".equals(scheme);
        }
        return page.getScheme().equals(scheme)
                && page.getHost().equalsIgnoreCase(target.getHost())
                && effectivePort(page) == effectivePort(target);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
