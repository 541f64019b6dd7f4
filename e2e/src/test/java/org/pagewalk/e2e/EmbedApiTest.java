package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewalk.e2e.CoursePage.map;
import static org.pagewalk.e2e.CoursePage.msg;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The postMessage API v2 as an instructor's grader uses it, from a course page on another origin
 * (docs/EMBEDDING.md): load a built-in lesson by name, step it, read structured results, grade.
 */
@InBrowser
class EmbedApiTest {
    private static CoursePage course;

    @BeforeAll
    static void startCoursePage() throws Exception {
        course = CoursePage.start();
    }

    @AfterAll
    static void stopCoursePage() throws Exception {
        course.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private void openAllowed(Browser b, String extra, List<Map<String, Object>> early) {
        course.open(b, "?engine=js&embed=1&view=walk,tlb&parent=" + course.origin() + extra, 800, 600, early);
    }

    @Test
    void aGraderLoadsALibraryLessonStepsItAndReadsStructuredResults(Browser b) {
        openAllowed(b, "", List.of(msg("type", "pagewalk:hello", "id", 1)));
        Map<String, Object> hello = map(CoursePage.reply(b, 1).get("data"));
        assertEquals(2L, hello.get("version"));
        assertTrue(((List<?>) hello.get("capabilities")).contains("step"), hello.toString());

        Map<String, Object> objectId = msg("student", "s-17", "q", 3L);
        Map<String, Object> loaded = CoursePage.ask(b, msg("type", "pagewalk:load", "scenario", "03-first-mapping.pw",
                "run", false, "id", objectId));
        assertEquals("ok", loaded.get("status"), loaded.toString());
        assertEquals(objectId, loaded.get("id"), "an object id comes back as the same object");

        Map<String, Object> stepped = CoursePage.ask(b, msg("type", "pagewalk:step", "count", 1000, "id", 7));
        assertEquals(7L, stepped.get("id"), "a number id comes back as a number");
        assertEquals("passed", stepped.get("status"), String.valueOf(stepped.get("message")));
        assertEquals(Boolean.TRUE, stepped.get("done"));
        assertEquals(0L, stepped.get("failed"));
        Map<String, Object> firstRead = null;
        Map<String, Object> secondRead = null;
        for (Map<String, Object> r : list(stepped.get("results"))) {
            if ("read user 0x08048000".equals(r.get("source"))) {
                firstRead = r;
            } else if ("read user 0x08048FFC".equals(r.get("source"))) {
                secondRead = r;
            }
        }
        // The lesson maps 0x08048000 to the frame 0x00255000: the first read walks, the next one hits.
        Map<String, Object> a1 = map(firstRead.get("access"));
        assertEquals("0x00255000", a1.get("physical"));
        assertEquals(Boolean.FALSE, a1.get("hit"));
        assertEquals(4096L, a1.get("pageSize"));
        Map<String, Object> a2 = map(secondRead.get("access"));
        assertEquals("0x00255FFC", a2.get("physical"));
        assertEquals(Boolean.TRUE, a2.get("hit"));
        assertTrue(((Number) firstRead.get("line")).intValue() > 30, "the lesson's own line number: " + firstRead);

        Map<String, Object> fault = CoursePage.ask(b, msg("type", "pagewalk:run", "line", "write user 0xC0100000 1", "id", "f"));
        Map<String, Object> pf = map(map(map(fault.get("result")).get("access")).get("pageFault"));
        // A user write to a present supervisor page: P=1, W/R=1, U/S=1 = 0x7, CR2 the address.
        assertEquals(7L, pf.get("errorCode"));
        assertEquals("0xC0100000", pf.get("cr2"));
        assertEquals(Boolean.TRUE, map(pf.get("errorCodeBits")).get("write"));
        assertEquals("0xC0100000", map(fault.get("state")).get("cr2"));
        for (Map<String, Object> m : list(b.script("return window.__got;"))) {
            assertEquals("http://localhost:" + b.siteUrl().getPort(), m.get("origin"), "every message comes from the frame");
        }
        b.assertNoPageErrors();
    }

    @Test
    void aScenarioWithAnErrorIsNeverPassedAndSaysWhere(Browser b) {
        openAllowed(b, "", List.of());
        Map<String, Object> r = CoursePage.ask(b, msg("type", "pagewalk:load", "id", "e1",
                "scenario", "boot ceanos\ninit_mm\nmov cr3, 0x123\nexpect ok"));
        assertEquals("error", r.get("status"), r.toString());
        assertEquals(1L, r.get("errors"));
        assertEquals(3L, map(r.get("firstProblem")).get("line"));

        Map<String, Object> syntax = CoursePage.ask(b, msg("type", "pagewalk:load", "id", "e2",
                "scenario", "boot ceanos\nread user 0xZZ"));
        assertEquals("error", syntax.get("status"));
        assertEquals("syntax", syntax.get("code"));
        assertEquals(2L, map(syntax.get("error")).get("line"));
        // "read user " is ten characters: the address starts in column 11.
        assertEquals(11L, map(syntax.get("error")).get("column"));

        Map<String, Object> two = CoursePage.ask(b, msg("type", "pagewalk:run", "id", "e3", "line", "boot bare\ninit_mm"));
        assertEquals("multiple-lines", two.get("code"));
        assertTrue(((String) two.get("message")).contains("has 2"), (String) two.get("message"));
        b.assertNoPageErrors();
    }

    @Test
    void aCheckSaysWhatItExpectedAndWhatItFound(Browser b) {
        openAllowed(b, "", List.of());
        // The kernel's 4 MiB page at 0xC0000000 maps physical 0: 0xC0100000 is physical 0x00100000.
        Map<String, Object> r = CoursePage.ask(b, msg("type", "pagewalk:load", "id", "x", "scenario",
                "boot ceanos\ninit_mm\nexpect physical kernel 0xC0100000 = 0x00200000\nexpect physical kernel 0xC0100000 = 0x00100000"));
        assertEquals("failed", r.get("status"), r.toString());
        assertEquals(1L, r.get("failed"));
        assertEquals(1L, r.get("passed"));
        Map<String, Object> wrong = map(list(r.get("results")).get(2).get("expect"));
        assertEquals("physical", wrong.get("kind"));
        assertEquals(Boolean.FALSE, wrong.get("holds"));
        assertEquals("0x00200000", wrong.get("expected"));
        assertEquals("0x00100000", wrong.get("actual"));
        Map<String, Object> right = map(list(r.get("results")).get(3).get("expect"));
        assertEquals(Boolean.TRUE, right.get("holds"));
        assertEquals("0x00100000", right.get("actual"));
        assertEquals(3L, map(r.get("firstProblem")).get("line"));
        b.assertNoPageErrors();
    }

    @Test
    void everyMessageIsAnsweredEvenBeforeReadyAndNonObjects(Browser b) {
        openAllowed(b, "", List.of(msg("type", "pagewalk:ping", "id", "early")));
        Map<String, Object> ping = map(CoursePage.reply(b, "early").get("data"));
        assertEquals(Boolean.TRUE, b.script("return window.__loadedBeforeReady;"),
                "the ping went at the frame's load event, before the frame said ready");
        assertEquals("ok", ping.get("status"));
        assertEquals(Boolean.TRUE, ping.get("ready"));
        CoursePage.send(b, "{\"type\":\"pagewalk:run\"}");
        CoursePage.send(b, null);
        CoursePage.send(b, msg("line", "read kernel 0xC0100000", "id", "no-type"));
        b.waitUntil("window.__got.filter(function (m) { return m.data && m.data.code === 'not-an-object'; }).length === 2");
        Map<String, Object> noType = map(CoursePage.reply(b, "no-type").get("data"));
        assertEquals("unknown-type", noType.get("code"));
        String huge = "read kernel 0x" + "0".repeat(100_000);
        Map<String, Object> tooLong = CoursePage.ask(b, msg("type", "pagewalk:run", "id", "big", "line", huge));
        assertEquals("too-large", tooLong.get("code"));
        assertTrue(((String) tooLong.get("message")).length() < 400, "an error echoes only a short prefix");
        b.assertNoPageErrors();
    }

    @Test
    void aDisallowedOriginIsRefusedAndNothingChanges(Browser b) {
        course.open(b, "?engine=js&embed=1&view=walk,log&parent=https://course.example", 800, 600, List.of());
        String[] before = frameStateAndLog(b);
        assertTrue(before[0].contains("\"variant\""), "CeanOS is booted: " + before[0]);
        for (String type : new String[] {"pagewalk:run", "pagewalk:load", "pagewalk:reset", "pagewalk:state"}) {
            Map<String, Object> r = CoursePage.ask(b, msg("type", type, "id", type, "line", "boot bare ram=1M",
                    "scenario", "boot bare ram=1M"));
            assertEquals("error", r.get("status"), type);
            assertEquals("origin-not-allowed", r.get("code"), type);
            assertNull(r.get("state"), type + ": a refusal carries no state");
            assertTrue(((String) r.get("message")).contains("add &parent=" + course.origin() + " to the frame's address"),
                    "says how to allow it: " + r.get("message"));
        }
        String[] after = frameStateAndLog(b);
        assertEquals(before[0], after[0], "the machine is as it was");
        assertEquals(before[1], after[1], "the log is as it was");
        b.assertNoPageErrors();
    }

    /** The frame's machine state (window.pagewalk.state()) and the text of its log view. */
    private static String[] frameStateAndLog(Browser b) {
        b.driver().switchTo().frame("pw");
        try {
            return new String[] {(String) b.script("return window.pagewalk.state();"),
                (String) b.script("return document.getElementById('bottom').textContent;")};
        } finally {
            b.driver().switchTo().defaultContent();
        }
    }

    @Test
    void textWithMarkupIsShownAsText(Browser b) {
        course.open(b, "?engine=js&embed=1&parent=" + course.origin() + "&view=%3Cimg%20src%3Dx%3E&%3Cb%3Ehi%3C%2Fb%3E=1",
                800, 600, List.of());
        Map<String, Object> r = CoursePage.ask(b, msg("type", "pagewalk:run", "id", "x", "line", "<img src=x onerror=alert(1)>"));
        assertEquals("error", r.get("status"));
        Map<String, Object> loaded = CoursePage.ask(b, msg("type", "pagewalk:load", "id", "t", "run", false,
                "scenario", "title <b>Bold</b> <script>window.__ran = 1</script>\nabout <img src=x onerror=\"window.__ran = 2\">\nboot ceanos"));
        assertEquals("ok", loaded.get("status"), String.valueOf(loaded.get("message")));
        b.driver().switchTo().frame("pw");
        try {
            String notice = b.text("#embed-notice");
            assertTrue(notice.contains("<img src=x>") && notice.contains("<b>hi</b>"), notice);
            b.waitUntil("document.querySelector('.lesson-title') && document.querySelector('.lesson-title').textContent.indexOf('<b>Bold</b>') >= 0");
            assertTrue(b.text("#lesson-view").contains("<img src=x"), "the lesson's text shows the markup as text");
            assertEquals(0L, b.script("return document.querySelectorAll('#app img, #app b, #app script').length;"));
            assertNull(b.script("return window.__ran === undefined ? null : window.__ran;"), "no script from a message ran");
        } finally {
            b.driver().switchTo().defaultContent();
        }
    }

    @Test
    void aTenThousandLineLoadRunsInSlicesWithProgressAndTheFrameStaysResponsive(Browser b) {
        openAllowed(b, "", List.of());
        StringBuilder text = new StringBuilder("boot ceanos\ninit_mm\n");
        for (int i = 0; i < 9998; i++) {
            text.append(i % 2 == 0 ? "translate kernel 0xC0100000\n" : "read kernel 0xC0100004\n");
        }
        b.driver().switchTo().frame("pw");
        // Inside the frame: a heartbeat (the longest gap between animation frames), the browser's
        // own long tasks (over 50 ms), and whether the progress line showed.
        b.script(HEARTBEAT + "window.__sawProgress = false; window.__long = [];"
                + "try { new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) {"
                + "  window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }); }).observe({type: 'longtask'}); }"
                + " catch (e) { window.__long = null; }"
                + "window.__onBeat = function () { var p = document.getElementById('run-progress');"
                + "  if (p && !p.hidden && /Running line/.test(p.textContent)) { window.__sawProgress = true; } };");
        b.driver().switchTo().defaultContent();
        CoursePage.send(b, msg("type", "pagewalk:load", "id", "big", "scenario", text.toString()));
        // The course page's own heartbeat, in its own process and doing nothing: a control for the machine's load.
        b.script(HEARTBEAT);
        Map<String, Object> r = map(CoursePage.replyWithin(b, "big", 120).get("data"));
        assertEquals("passed", r.get("status"), String.valueOf(r.get("message")));
        assertEquals(10000L, r.get("ran"));
        // Past 1,000 lines a reply lists only the notable lines: here none was refused and there are no checks.
        assertEquals(Boolean.FALSE, r.get("allResults"));
        assertEquals(1000, list(r.get("results")).size());
        assertEquals("0x00100004", map(list(r.get("results")).get(999).get("access")).get("physical"),
                "line 1,000 reads 0xC0100004, in the kernel's 4 MiB page at physical 0");
        double gap;
        String seen;
        b.driver().switchTo().frame("pw");
        try {
            // The views catch up on the run after the reply, one per animation frame: keep beating through that.
            b.script("window.__framesAtReply = window.__frames;");
            b.waitUntil("window.__frames >= window.__framesAtReply + 30");
            b.script("window.__stop = true;");
            gap = ((Number) b.script("return window.__gap;")).doubleValue();
            seen = "gaps over 50 ms at [start, length]: " + b.script("return JSON.stringify(window.__gaps);")
                    + "; long tasks: " + b.script("return JSON.stringify(window.__long);");
            assertEquals(Boolean.TRUE, b.script("return window.__sawProgress;"), "a progress line showed while it ran");
        } finally {
            b.driver().switchTo().defaultContent();
        }
        b.script("window.__stop = true;");
        double control = ((Number) b.script("return window.__gap;")).doubleValue();
        // When the machine stalls every page (other processes hold the CPUs), a gap in the frame says nothing
        // about the frame: the measurement is abandoned (reported as skipped), not passed.
        Assumptions.assumeTrue(control < 100, "the machine stalled every page: the idle course page's own longest gap was "
                + control + " ms (the frame's " + gap + " ms; " + seen + ")");
        assertTrue(gap < 100, "the longest gap between frames was " + gap + " ms while the idle course page's was "
                + control + " ms (" + seen + ")");
    }

    /**
     * A requestAnimationFrame heartbeat: the longest gap between two frames in window.__gap, every
     * gap over 50 ms in window.__gaps, a frame count, and window.__onBeat called on each; stops at window.__stop.
     */
    private static final String HEARTBEAT = "window.__gap = 0; window.__gaps = []; window.__frames = 0; window.__stop = false;"
            + "var last = performance.now();"
            + "window.__beat = function (t) { window.__gap = Math.max(window.__gap, t - last); window.__frames++;"
            + "  if (t - last > 50) { window.__gaps.push([Math.round(last), Math.round(t - last)]); } last = t;"
            + "  if (window.__onBeat) { window.__onBeat(); }"
            + "  if (!window.__stop) { requestAnimationFrame(window.__beat); } };"
            + "requestAnimationFrame(function (t) { last = t; requestAnimationFrame(window.__beat); });";

    @Test
    void theFramesStudentActionsAreReportedAsEvents(Browser b) {
        openAllowed(b, "", List.of(msg("type", "pagewalk:hello", "id", "h")));
        CoursePage.reply(b, "h");
        b.driver().switchTo().frame("pw");
        try {
            b.script("window.pagewalk.run('translate user 0xC0100000'); window.pagewalk.run('expect last fault');");
        } finally {
            b.driver().switchTo().defaultContent();
        }
        b.waitUntil("window.__got.some(function (m) { return m.data.type === 'pagewalk:expect'; })");
        Map<String, Object> action = map(b.script("return window.__got.filter(function (m) {"
                + " return m.data.type === 'pagewalk:action'; })[0].data;"));
        assertEquals("translate user 0xC0100000", action.get("line"));
        // A user access to a supervisor page that is present: error code P|U/S = 0x5.
        assertEquals(5L, map(map(map(action.get("result")).get("access")).get("pageFault")).get("errorCode"));
        Map<String, Object> check = map(b.script("return window.__got.filter(function (m) {"
                + " return m.data.type === 'pagewalk:expect'; })[0].data;"));
        assertEquals("passed", map(check.get("result")).get("status"));
    }

    @Test
    void theFullPageTakesNoCommandsFromAnotherWindow(Browser b) {
        course.open(b, "?engine=js", 800, 600, List.of());
        Map<String, Object> r = CoursePage.ask(b, msg("type", "pagewalk:run", "id", 1, "line", "boot bare ram=1M"));
        assertEquals("origin-not-allowed", r.get("code"));
        assertNull(r.get("state"));
    }

    @Test
    void anEmbedNeverWritesTheMainPagesAutosave(Browser b) {
        b.open("?engine=js");
        b.script("return window.pagewalk.run('boot ceanos ram=64M');");
        b.script("return window.pagewalk.run('init_mm');");
        b.waitUntil("(localStorage.getItem('pagewalk.session.v1') || '').indexOf('init_mm') >= 0");
        String saved = (String) b.script("return localStorage.getItem('pagewalk.session.v1');");
        assertTrue(saved.contains("ram=64M"), saved);
        // A same-origin course page: it shares this storage, and is allowed to drive the frame by default.
        b.script("window.__got = []; window.addEventListener('message', function (e) { window.__got.push({origin: e.origin, data: e.data}); });"
                + "var f = document.createElement('iframe'); f.id = 'pw';"
                + "f.addEventListener('load', function () { window.__frameLoaded = true; });"
                + "f.src = 'index.html?engine=js&embed=1&view=walk'; document.body.appendChild(f);"
                + "window.__send = function (m) { f.contentWindow.postMessage(m, '*'); };"
                + "window.__canon = function (v) { return JSON.stringify(v); };");
        b.waitUntil("window.__frameLoaded");
        Map<String, Object> r = CoursePage.ask(b, msg("type", "pagewalk:run", "id", 1, "line", "boot bare ram=1M"));
        assertEquals("ok", r.get("status"), String.valueOf(r.get("message")));
        assertEquals(saved, b.script("return localStorage.getItem('pagewalk.session.v1');"), "the student's session is untouched");
        b.assertNoPageErrors();
    }

    @Test
    void theExamplePageGradesThroughTheApi(Browser b) {
        b.driver().get(b.siteUrl().resolve("embed-example.html").toString());
        b.waitUntil("document.getElementById('grade') !== null");
        // Both frames have started (each says ready to this page, which the example's listener ignores).
        b.script("window.__ready = 0; window.addEventListener('message', function (e) {"
                + " if (e.data && e.data.type === 'pagewalk:ready') { window.__ready++; } });");
        b.waitFor("both frames ready", () -> Boolean.TRUE.equals(b.script("var f = document.querySelectorAll('iframe');"
                + "return Array.prototype.every.call(f, function (x) { try { return x.contentDocument.body.dataset.ready === '1'; }"
                + " catch (e) { return false; } });")));
        b.find("#grade").click();
        b.waitUntil("document.getElementById('grade-result').dataset.score === '4'");
        assertTrue(b.text("#grade-result").startsWith("Score 4/4"), b.text("#grade-result"));
        b.assertNoPageErrors();
    }
}
