package org.pagewalk.e2e.engines;

/**
 * What the cross-engine tests do with a browser, the same in every engine: navigate, run a
 * script (a returned Promise is awaited, as W3C WebDriver and Marionette both do), click and
 * type as a user would, take a screenshot. Chromium and WebKit implement it over Selenium's
 * W3C WebDriver, Firefox over its built-in Marionette protocol ({@link Marionette}).
 */
public interface WebPage extends AutoCloseable {
    /** "chromium", "firefox" or "webkit". */
    String engine();

    /** The browser's version as its driver reports it, for the test report. */
    String version();

    /** Loads {@code url} and returns when its load event has fired. */
    void navigate(String url);

    /** Runs {@code javascript} as a function body with {@code arguments}; awaits a returned Promise. */
    Object script(String javascript, Object... args);

    /** A real click (the driver moves the pointer and presses) on the first element {@code xpath} finds. */
    void click(String xpath);

    /** Types {@code text} into the first element {@code xpath} finds, key by key. */
    void type(String xpath, String text);

    /** A PNG of the viewport. */
    byte[] screenshot();

    /** The outer window size; the viewport is smaller by the engine's own chrome. */
    void setWindowSize(int width, int height);

    @Override
    void close();
}
