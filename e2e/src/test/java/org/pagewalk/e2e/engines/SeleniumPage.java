package org.pagewalk.e2e.engines;

import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.remote.RemoteWebDriver;

/** Chromium (chromedriver) or WebKit (WebKitWebDriver) through Selenium's W3C WebDriver client. */
final class SeleniumPage implements WebPage {
    private final String engine;
    private final RemoteWebDriver driver;
    private final Runnable afterQuit;

    SeleniumPage(String engine, RemoteWebDriver driver, Runnable afterQuit) {
        this.engine = engine;
        this.driver = driver;
        this.afterQuit = afterQuit;
        driver.manage().timeouts().pageLoadTimeout(java.time.Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public String version() {
        Map<String, Object> caps = driver.getCapabilities().asMap();
        return String.valueOf(caps.getOrDefault("browserVersion", "?"));
    }

    @Override
    public void navigate(String url) {
        driver.get(url);
    }

    @Override
    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    @Override
    public void click(String xpath) {
        driver.findElement(By.xpath(xpath)).click();
    }

    @Override
    public void type(String xpath, String text) {
        driver.findElement(By.xpath(xpath)).sendKeys(text);
    }

    @Override
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void setWindowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            afterQuit.run();
        }
    }
}
