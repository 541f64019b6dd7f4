package org.pagewalk.e2e.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The test's view of the page: open it over HTTP or from file://, wait until Java has started,
 * read DOM text and canvas pixels, take screenshots, and assert that nothing went wrong (console
 * errors, uncaught errors, exceptions caught by the page's guard, requests to other origins).
 */
public final class Browser {
    /** Installed before any page script runs; collects what never reaches chromedriver's log. */
    private static final String ERROR_HOOK = String.join("\n",
            "(function () {",
            "  var errors = window.__pagewalkErrors = [];",
            "  window.addEventListener('error', function (e) {",
            "    var t = e.target;",
            "    errors.push(t && t !== window && (t.src || t.href)",
            "        ? 'failed to load ' + (t.src || t.href)",
            "        : 'error: ' + e.message + ' at ' + e.filename + ':' + e.lineno);",
            "  }, true);",
            "  window.addEventListener('unhandledrejection', function (e) {",
            "    var r = e.reason;",
            "    errors.push('unhandled rejection: ' + (r && (r.stack || r.message) || r));",
            "  });",
            "})();");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    /** Frames a canvas must stay the same to count as still (a tween changes it every frame). */
    private static final int STILL_FRAMES = 3;
    /** About 10 s at 60 frames a second: longer than any animation of the page. */
    private static final int MAX_FRAMES = 600;

    private final ChromeDriver driver;
    private final URI site;
    private final Path siteDir;
    private final Path screenshots;
    private final PageLogs logs;
    private URI page;

    Browser(ChromeDriver driver, URI site, Path siteDir, Path screenshots) {
        this.driver = driver;
        this.site = site;
        this.siteDir = siteDir;
        this.screenshots = screenshots;
        this.logs = new PageLogs(driver);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_HOOK));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Runs {@code script} before any of the page's own in every page opened inside {@code body}, and no longer after it. */
    public void withInitScript(String script, Runnable body) {
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        try {
            body.run();
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
    }

    /** The served site's root, e.g. {@code http://localhost:41234/}. */
    public URI siteUrl() {
        return site;
    }

    /** Opens the served page with a query such as {@code "?engine=js"} (or "") and waits for Java. */
    public Browser open(String query) {
        return navigate(site.resolve("index.html" + query));
    }

    /** Opens another page of the served site, such as {@code "bench.html?engine=js"}, and waits for Java. */
    public Browser openPage(String pathAndQuery) {
        return navigate(site.resolve(pathAndQuery));
    }

    /** Opens the built site straight from disk, as someone double-clicking index.html would. */
    public Browser openFile(String query) {
        return navigate(URI.create(siteDir.resolve("index.html").toUri() + query));
    }

    /**
     * Like {@link #open} but does not insist that Java started: it returns once Java has run or
     * the loader gave up, for tests of what happens when an engine cannot load.
     */
    public Browser attempt(String query) {
        logs.clear();
        page = site.resolve("index.html" + query);
        driver.get(page.toString());
        waitUntilSettled();
        return this;
    }

    /** Like {@link #attempt} but from disk (file://), for what a forced engine says there. */
    public Browser attemptFile(String query) {
        logs.clear();
        page = URI.create(siteDir.resolve("index.html").toUri() + query);
        driver.get(page.toString());
        waitUntilSettled();
        return this;
    }

    private Browser navigate(URI url) {
        logs.clear();
        page = url;
        driver.get(url.toString());
        waitUntilSettled();
        assertEquals("1", script("return document.body.dataset.ready || null;"),
                () -> "the page did not start: " + text("#status") + problems());
        return this;
    }

    /**
     * Waits until Java has run (body[data-ready]) and every view has drawn (no body[data-drawing]:
     * those below the fold draw after the first screen is painted), or the loader gave up
     * (body[data-engine=none]).
     */
    private void waitUntilSettled() {
        // Polled often: the default half-second poll would double the time of every page test.
        new WebDriverWait(driver, READY_TIMEOUT, POLL).until(d -> Boolean.TRUE.equals(script(
                "var b = document.body; return !!b && ((b.dataset.ready === '1' && !b.dataset.drawing) || b.dataset.engine === 'none');")));
    }

    /** Makes requests whose URL matches a pattern ({@code *} wildcards) fail, until the next test. */
    public void blockUrls(String... patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    /**
     * Waits until a JavaScript expression is truthy, for effects that land a task later (media
     * query changes, animation frames, timers). Fails with the expression if it never is.
     */
    public void waitUntil(String jsExpression) {
        waitFor(jsExpression, () -> Boolean.TRUE.equals(script("return !!(" + jsExpression + ");")));
    }

    /** Waits until a condition the test reads holds; fails with {@code what} if it never does. */
    public void waitFor(String what, BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5), POLL).until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new AssertionError("still false after 5 s: " + what, e);
        }
    }

    /**
     * Waits until the page has stopped drawing: no CSS transition is running and every canvas
     * shows the same pixels for {@value #STILL_FRAMES} animation frames in a row, so a test
     * compares what an animation ends on, not one of its frames. A view animates by drawing a
     * new frame each animation frame, so unchanged frames mean it is done.
     */
    public void waitForStillCanvases() {
        Object outcome = script(String.join("\n",
                "return new Promise(function (resolve) {",
                "  function hash() {",
                "    return Array.prototype.map.call(document.querySelectorAll('canvas'), function (c) {",
                "      if (!c.width || !c.height || !c.getContext('2d')) { return ''; }",
                "      var d = new Uint32Array(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.buffer);",
                "      var x = c.width;",
                "      for (var i = 0; i < d.length; i++) { x = (x * 31 + d[i]) | 0; }",
                "      return x;",
                "    }).join(',');",
                "  }",
                "  function transitions() {",
                "    return document.getAnimations().some(function (a) {",
                "      return a.playState === 'running' && a instanceof CSSTransition; });",
                "  }",
                "  var last = null, still = 0, frames = 0;",
                "  function frame() {",
                "    var h = hash();",
                "    still = h === last && !transitions() ? still + 1 : 0;",
                "    last = h;",
                "    if (still >= " + STILL_FRAMES + ") { resolve('still'); }",
                "    else if (++frames > " + MAX_FRAMES + ") { resolve('moving'); }",
                "    else { requestAnimationFrame(frame); }",
                "  }",
                "  requestAnimationFrame(frame);",
                "});"));
        assertEquals("still", outcome, "the page was still drawing after " + MAX_FRAMES + " animation frames");
    }

    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /**
     * The RGBA of one canvas pixel, in the canvas's own (device) pixels: canvases drawn for the
     * device pixel ratio have devicePixelRatio times more pixels than CSS pixels.
     */
    public int[] pixel(String canvasCss, int x, int y) {
        List<?> rgba = (List<?>) script(
                "var c = document.querySelector(arguments[0]);"
                        + "var d = c.getContext('2d').getImageData(arguments[1], arguments[2], 1, 1).data;"
                        + "return [d[0], d[1], d[2], d[3]];",
                canvasCss, x, y);
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            out[i] = ((Number) rgba.get(i)).intValue();
        }
        return out;
    }

    /** Saves a PNG of the viewport as target/screenshots/NAME.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path target = screenshots.resolve(name + ".png");
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }

    void trySaveScreenshot(String name) {
        try {
            screenshot(name);
        } catch (RuntimeException e) {
            // The test already failed; a missing screenshot must not hide why.
        }
    }

    public void setWindowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Makes the page's viewport exactly {@code width}×{@code height} CSS pixels at the given
     * device pixel ratio (a phone is 360×740 at 3; a 4K monitor 1920×1080 at 2), as
     * {@link #setWindowSize} cannot: the window's size includes the browser's own chrome.
     */
    public void emulateViewport(int width, int height, double devicePixelRatio, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", devicePixelRatio, "mobile", mobile));
    }

    /** Pretends the system prefers "light" or "dark" (or "" for no preference). */
    public void emulateColorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Console entries at SEVERE level, errors the page did not handle, and guard reports. */
    public List<String> pageErrors() {
        List<String> errors = new ArrayList<>(logs.severeConsoleEntries());
        Object hooked = script("return window.__pagewalkErrors || null;");
        assertTrue(hooked instanceof List, "the error hook was not installed in this page");
        for (Object e : (List<?>) hooked) {
            errors.add(String.valueOf(e));
        }
        Object faults = script("return document.body.dataset.faults || null;");
        if (faults != null) {
            errors.add(faults + " Java exception(s) caught by Guard: " + text("#fault"));
        }
        return errors;
    }

    /** URLs requested since the page was opened that are not of the page's own origin. */
    public List<String> otherOriginRequests() {
        List<String> urls = new ArrayList<>(logs.requests());
        // Resource Timing as a second witness, in the page's own words.
        List<?> timed = (List<?>) script(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        for (Object url : timed) {
            urls.add(String.valueOf(url));
        }
        List<String> foreign = new ArrayList<>();
        for (String url : urls) {
            if (!PageLogs.sameOrigin(page, url) && !foreign.contains(url)) {
                foreign.add(url);
            }
        }
        return foreign;
    }

    /** All URLs the page requested since it was opened (for tests that expect a given file). */
    public List<String> requests() {
        return logs.requests();
    }

    public void assertNoPageErrors() {
        List<String> errors = pageErrors();
        assertTrue(errors.isEmpty(), () -> "errors on " + page + ":\n  " + String.join("\n  ", errors));
    }

    public void assertNoOtherOriginRequests() {
        List<String> foreign = otherOriginRequests();
        assertTrue(foreign.isEmpty(), () -> page + " requested other origins:\n  " + String.join("\n  ", foreign));
    }

    /** The checks every page test ends with. */
    public void assertClean() {
        assertNoPageErrors();
        assertNoOtherOriginRequests();
    }

    private String problems() {
        try {
            List<String> errors = pageErrors();
            return errors.isEmpty() ? "" : "\n  " + String.join("\n  ", errors);
        } catch (RuntimeException | AssertionError e) {
            return "";
        }
    }

    /** Back to a known state between tests: default size, no emulation, no stored settings. */
    void reset() {
        // Leave the page first: what it writes as it goes (its autosave on pagehide) is then cleared too.
        driver.get("about:blank");
        setWindowSize(1280, 800);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        String origin = site.getScheme() + "://" + site.getHost() + ":" + site.getPort();
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        // The page left may still write: its pagehide autosave (after an action, before the debounce
        // ran) reaches the browser's storage from the old renderer, which can be after the clear
        // above, and the next test then opens that saved work instead of a first visit. So clear
        // again from a page of the origin that runs no Pagewalk, one navigation later.
        driver.get(site.resolve("help/embedding.html").toString());
        driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        driver.get("about:blank");
        logs.clear();
        page = null;
    }

    void quit() {
        driver.quit();
    }
}
