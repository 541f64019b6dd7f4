package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** Lessons, exercises, share links, autosave, embedding and the postMessage API, as a user or a course page uses them. */
@InBrowser
class LessonsTest {
    private static String run(Browser b, String line) {
        return (String) b.script("return window.pagewalk.run(arguments[0]);", line);
    }

    private static String state(Browser b) {
        return (String) b.script("return window.pagewalk.state();");
    }

    @Test
    void theLibraryLoadsFromDiskAndALessonChecksItself(Browser b) {
        b.openFile("");
        b.find("#topnav").findElements(By.tagName("button")).stream()
                .filter(e -> e.getText().equals("Lessons")).findFirst().orElseThrow().click();
        List<WebElement> lessons = b.driver().findElements(By.cssSelector(".lesson-list button"));
        assertEquals(20, lessons.size(), "the tour and every library scenario are listed, from file:// too");
        b.find(".lesson-list button[data-file='06-forgotten-invlpg.pw']").click();
        assertEquals("Lesson: The forgotten invlpg", b.text(".lesson-title"));
        // Next runs one step (the lines up to the next pause); keep pressing until the last step.
        for (int i = 0; i < 40 && b.find("#lesson-next").isEnabled(); i++) {
            b.find("#lesson-next").click();
        }
        String summary = b.text(".lesson-summary");
        assertTrue(summary.matches("Done: \\d+ checks held, 0 failed\\."), summary);
        assertTrue(b.driver().findElements(By.cssSelector(".lesson-line[data-state='failed']")).isEmpty());
        b.assertClean();
    }

    @Test
    void aScenarioInTheUrlRunsToTheEnd(Browser b) {
        b.open("?engine=js&scenario=10-global-pages.pw&run=1");
        String summary = b.text(".lesson-summary");
        assertTrue(summary.matches("Done: \\d+ checks held, 0 failed\\."), summary);
        b.assertClean();
    }

    @Test
    void aShareLinkRebuildsTheMachine(Browser b) {
        b.open("?engine=js");
        assertTrue(run(b, "memMapPage 0x08049000 0x00600000 WRITE|USER").startsWith("ok"));
        assertTrue(run(b, "pd = memAllocPageDir").startsWith("ok"));
        assertTrue(run(b, "memChangePageDir pd").startsWith("ok"));
        String before = state(b);
        PanelsPage.followShareLink(b);
        assertEquals(before, state(b));
        // pd is pageDirs[0], at 0x00150000 (the arithmetic: ViewProbe's class comment).
        assertTrue(state(b).contains("\"cr3\":\"0x00150000\""), state(b));
        b.assertClean();
    }

    @Test
    void theSessionIsSavedAcrossReloads(Browser b) {
        b.open("?engine=js");
        run(b, "memMapPage 0x40000000 0x00700000 WRITE");
        String before = state(b);
        b.driver().navigate().refresh();
        b.waitUntil("document.body.dataset.ready === '1'");
        assertEquals(before, state(b));
        // The default machine's 5 pages (4 of the heap, the first screen's user page) and this one.
        assertTrue(state(b).contains("\"mem_num_vpages\":6"), state(b));
        b.assertClean();
    }

    @Test
    void aDamagedShareLinkFallsBackToTheDefaultMachine(Browser b) {
        // From another page: a hash change alone would not reload a page that is already open.
        b.driver().get("about:blank");
        b.open("?engine=js#run=***not-base64");
        assertTrue(b.text("#status").contains("share link cannot be opened (it is damaged"), b.text("#status"));
        // init_mm's five frames and the two of the first screen's user page and its table.
        assertTrue(state(b).contains("\"totalAlloc\":7"), state(b));
        b.assertClean();
    }

    @Test
    void aShareLinkCarriesTheSessionFormatAndAnotherVersionIsExplained(Browser b) {
        b.open("?engine=js");
        run(b, "memMapPage 0x40000000 0x00700000 WRITE");
        String link = PanelsPage.followShareLink(b);
        String text = SharedLogs.read(link);
        assertTrue(text.startsWith("# pagewalk-session 1\nboot ceanos"), text);
        assertTrue(text.endsWith("memMapPage 0x40000000 0x00700000 WRITE"), text);

        String future = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "# pagewalk-session 7\nboot bare ram=1M".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.driver().get("about:blank");
        b.open("?engine=js#run=" + future);
        assertTrue(b.text("#status").contains("share link cannot be opened (it was saved by another version of Pagewalk"),
                b.text("#status"));
        assertTrue(state(b).contains("\"totalAlloc\":7"), "the default machine, not the link's 1 MiB one: " + state(b));
        b.assertClean();
    }

    @Test
    void aShareLinkIsPackedAndAPlainOneStillOpens(Browser b) {
        b.open("?engine=js");
        for (int k = 0; k < 40; k++) {
            run(b, "memMapPage " + String.format("0x%08X 0x%08X", 0x40000000 + k * 4096, 0x00700000 + k * 4096) + " WRITE");
        }
        String link = PanelsPage.followShareLink(b);
        String value = link.substring(link.indexOf("#run=") + 5);
        String text = SharedLogs.read(link);
        assertTrue(value.startsWith("~"), "the packed form: " + value);
        int plain = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).length();
        assertTrue(value.length() * 3 < plain, value.length() + " characters, against " + plain + " unpacked");
        assertTrue(run(b, "expect physical kernel 0x40027010 = 0x00727010").startsWith("passed"), "the 40th page came back");

        // A link packed by another DEFLATE encoder (the JDK's zlib), and the plain form links had before.
        String again = "# pagewalk-session 1\nboot ceanos\ninit_mm\nmemMapPage 0x40000000 0x00700000 WRITE";
        for (String fragment : List.of(SharedLogs.packed(again), SharedLogs.plain(again))) {
            b.driver().get("about:blank");
            b.open("?engine=js#run=" + fragment);
            assertTrue(!b.text("#status").contains("cannot be opened"), fragment + ": " + b.text("#status"));
            assertTrue(run(b, "expect physical kernel 0x40000ABC = 0x00700ABC").startsWith("passed"), fragment);
        }

        String cut = SharedLogs.packed(again);
        b.driver().get("about:blank");
        b.open("?engine=js#run=" + cut.substring(0, cut.length() / 2));
        assertTrue(b.text("#status").contains("share link cannot be opened (it is damaged: it ends in the middle of a block)"),
                b.text("#status"));
        b.assertClean();
    }

    @Test
    void theExerciseDialogOpensTheExerciseLink(Browser b) {
        b.open("?engine=js");
        b.find("#topnav").findElements(By.tagName("button")).stream()
                .filter(e -> e.getText().equals("Exercise")).findFirst().orElseThrow().click();
        WebElement seed = b.find(".pw-dialog input");
        seed.clear();
        seed.sendKeys("0x1G");
        b.driver().findElements(By.cssSelector(".pw-dialog button")).stream()
                .filter(e -> e.getText().equals("Start the exercise")).findFirst().orElseThrow().click();
        assertTrue(b.text(".pw-dialog .field-error").startsWith("The seed must be a number"), b.text(".pw-dialog .field-error"));
        seed.clear();
        seed.sendKeys("5");
        b.driver().findElements(By.cssSelector(".pw-dialog button")).stream()
                .filter(e -> e.getText().equals("Start the exercise")).findFirst().orElseThrow().click();
        b.waitUntil("location.search === '?exercise=5&level=1' && document.body.dataset.ready === '1'"
                + " && document.querySelector('.exercise-title')");
        assertEquals("Exercise 5, level 1: 4 KiB pages", b.text(".exercise-title"));
        assertTrue(b.driver().findElements(By.cssSelector(".exercise-key")).stream().noneMatch(WebElement::isDisplayed),
                "answers hidden");
        b.assertClean();
    }

    @Test
    void aCoursePageDrivesAnEmbeddedPagewalk(Browser b) {
        b.open("?engine=js");
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) b.driver().executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "var frame = document.createElement('iframe');"
                + "frame.src = 'index.html?engine=js&embed=1&view=walk,tlb';"
                + "window.addEventListener('message', function (e) {"
                + "  if (e.data && e.data.type === 'pagewalk:ready') {"
                + "    frame.contentWindow.postMessage({type: 'pagewalk:run', id: 'q1', line: 'translate user 0xD0000000'}, '*');"
                + "  } else if (e.data && e.data.type === 'pagewalk:result') { done(e.data); }"
                + "});"
                + "document.body.appendChild(frame);");
        assertEquals("q1", reply.get("id"));
        assertEquals("ok", reply.get("status"));
        assertTrue(((String) reply.get("message")).contains("page fault, error code 0x5"), (String) reply.get("message"));
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) reply.get("state");
        assertEquals("0xD0000000", st.get("cr2"));
        Boolean onlyChosen = (Boolean) b.script("var d = document.querySelector('iframe').contentDocument;"
                + "return d.body.classList.contains('embed') && d.querySelector('.embed-views #walk') !== null"
                + " && d.querySelector('.embed-views #memory-view') === null;");
        assertTrue(onlyChosen, "the embedded page shows only the chosen views");
        b.assertClean();
    }
}
