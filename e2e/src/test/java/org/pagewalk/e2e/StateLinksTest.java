package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** Share, Open in Pagewalk and the Embed snippet carry the machine and the lesson's position. */
@InBrowser
class StateLinksTest {
    private static String run(Browser b, String line) {
        return (String) b.script("return window.pagewalk.run(arguments[0]);", line);
    }

    private static String state(Browser b) {
        return (String) b.script("return window.pagewalk.state();");
    }

    /** Presses the guided lesson's Next: each press runs one step (the lines up to the next pause). */
    private static void clickNext(Browser b, int times) {
        for (int i = 0; i < times; i++) {
            b.find("#lesson-next").click();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void shareRebuildsTheMachineAndTheLessonPosition(Browser b) {
        b.open("?engine=js&scenario=03-first-mapping.pw");
        clickNext(b, 2);
        String step = b.text(".lesson-step-count");
        assertTrue(step.startsWith("Step 2 of "), step);
        String before = state(b);
        String link = PanelsPage.followShareLink(b);
        assertEquals(1, count(link, "scenario="), link);
        assertTrue(link.matches(".*[?&]at=[1-9][0-9]*[&#].*"), "the lesson's line position: " + link);
        assertEquals(before, state(b), "the machine comes back exactly");
        // The step comes back; the tally of checks does not (checks are not actions, so the log has none).
        assertEquals(step, b.text(".lesson-step-count"));
        b.assertClean();
    }

    @Test
    void openInPagewalkCarriesWhatTheFrameDid(Browser b) {
        b.open("?engine=js&embed=1&view=walk");
        assertTrue(run(b, "boot ceanos ram=64M").startsWith("ok"));
        assertTrue(run(b, "init_mm").startsWith("ok"));
        assertTrue(run(b, "read kernel 0xC0100000").startsWith("ok"));
        String before = state(b);
        assertTrue(before.contains("\"pageFrameMax\":16384"), "64 MiB is 16,384 frames: " + before);
        String link = (String) b.script("var a = document.querySelector('.embed-open');"
                + "a.dispatchEvent(new MouseEvent('mousedown')); return a.href;");
        assertFalse(link.contains("embed="), "the full page, not the frame: " + link);
        b.driver().get("about:blank");
        b.driver().get(link);
        b.waitUntil("document.body.dataset.ready === '1'");
        assertFalse((Boolean) b.script("return document.body.classList.contains('embed');"));
        assertEquals(before, state(b));
        b.assertClean();
    }

    @Test
    void theEmbedSnippetHasOneScenarioAndTheMachine(Browser b) {
        b.open("?engine=js&scenario=03-first-mapping.pw");
        clickNext(b, 1);
        b.find("#topnav").findElements(By.tagName("button")).stream()
                .filter(e -> e.getText().equals("Embed")).findFirst().orElseThrow().click();
        String snippet = (String) b.script("return document.querySelector('.pw-dialog .share-text').value;");
        assertEquals(1, count(snippet, "scenario="), snippet);
        assertTrue(snippet.contains("embed=1") && snippet.matches("(?s).*[?&]at=[1-9][0-9]*[&#].*") && snippet.contains("#run="), snippet);
        assertTrue(b.text(".pw-dialog").contains("help/embedding.html"), "points to the help page inside the site");
        b.assertClean();
    }

    @Test
    void theEmbedSnippetRebuildsTheMachineAndTheLessonPosition(Browser b) {
        b.open("?engine=js&scenario=03-first-mapping.pw");
        clickNext(b, 2);
        assertTrue(run(b, "read user 0x08048004").startsWith("ok"));
        String before = state(b);
        String step = b.text(".lesson-step-count");
        b.find("#topnav").findElements(By.tagName("button")).stream()
                .filter(e -> e.getText().equals("Embed")).findFirst().orElseThrow().click();
        String snippet = (String) b.script("return document.querySelector('.pw-dialog .share-text').value;");
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("src=\"([^\"]+)\"").matcher(snippet);
        assertTrue(src.find(), snippet);
        String url = src.group(1).replace("&amp;", "&");
        b.script("window.localStorage.clear();");
        b.driver().get("about:blank");
        b.driver().get(url);
        b.waitUntil("document.body.dataset.ready === '1'");
        assertTrue((Boolean) b.script("return document.body.classList.contains('embed');"), "the snippet opens a frame");
        assertEquals(before, state(b), "the machine comes back exactly");
        assertEquals(step, b.text(".lesson-step-count"), "the lesson is back at its step");
        b.assertClean();
    }

    @Test
    void openInPagewalkCarriesTheFramesLessonPosition(Browser b) {
        b.open("?engine=js&embed=1&view=lesson,walk&scenario=03-first-mapping.pw");
        clickNext(b, 2);
        String before = state(b);
        String step = b.text(".lesson-step-count");
        assertTrue(step.startsWith("Step 2 of "), step);
        String link = (String) b.script("var a = document.querySelector('.embed-open');"
                + "a.dispatchEvent(new MouseEvent('mousedown')); return a.href;");
        assertEquals(1, count(link, "scenario="), link);
        b.driver().get("about:blank");
        b.driver().get(link);
        b.waitUntil("document.body.dataset.ready === '1'");
        assertFalse((Boolean) b.script("return document.body.classList.contains('embed');"));
        assertEquals(before, state(b), "the machine comes back exactly");
        assertEquals(step, b.text(".lesson-step-count"), "the lesson is back at its step");
        b.assertClean();
    }
}
