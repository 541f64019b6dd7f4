package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * Saved work is never silently lost (issue #11): an autosave that cannot be read is kept and
 * named, storage that refuses is said and the page keeps working, export and import give the
 * same machine, and an internal error offers a report and a reload to the last good state.
 */
@InBrowser
class SavedWorkTest {
    private static final String KEY = "pagewalk.session.v1";
    private static final String KEPT_PREFIX = "pagewalk.session.unreadable.";
    /** A full storage, installed before the page's scripts: every write throws what Chromium throws. */
    private static final String QUOTA = "Storage.prototype.setItem = function () {"
            + " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };";
    /** The default machine's globals after boot ceanos, init_mm and the first screen's user page (two frames more). */
    private static final String DEFAULT_ALLOC = "\"totalAlloc\":7";

    private static String run(Browser b, String line) {
        return (String) b.script("return window.pagewalk.run(arguments[0]);", line);
    }

    private static String state(Browser b) {
        return (String) b.script("return window.pagewalk.state();");
    }

    /** Opens the page once, stores {@code key = text}, and reloads: the page starts from that save. */
    private static void startWithSave(Browser b, String key, String text) {
        b.open("?engine=js");
        b.script("localStorage.setItem(arguments[0], arguments[1]);", key, text);
        b.driver().navigate().refresh();
        b.waitUntil("document.body.dataset.ready === '1'");
    }

    private static String noticeText(Browser b, String id) {
        b.waitUntil("document.getElementById('" + id + "') && !document.getElementById('" + id + "').hidden");
        return b.text("#" + id);
    }

    /** The one kept copy of an unreadable save: its key and text. */
    private static Map.Entry<String, String> keptSave(Browser b) {
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) b.script("var p = arguments[0];"
                + " return Object.keys(localStorage).filter(function (k) { return k.indexOf(p) === 0; });", KEPT_PREFIX);
        assertEquals(1, keys.size(), "one kept save: " + keys);
        return Map.entry(keys.get(0), (String) b.script("return localStorage.getItem(arguments[0]);", keys.get(0)));
    }

    /** After a notice: the default machine runs actions and saves them again. */
    private static void assertWorks(Browser b) {
        assertTrue(state(b).contains(DEFAULT_ALLOC), state(b));
        assertTrue(run(b, "memMapPage 0x40000000 0x00700000 WRITE").startsWith("ok"));
        assertTrue(state(b).contains("\"mem_num_vpages\":6"), state(b));
    }

    private void assertUnreadableKept(Browser b, String saved, String... said) {
        startWithSave(b, KEY, saved);
        String notice = noticeText(b, "save-notice");
        assertTrue(notice.contains("Your saved session could not be restored"), notice);
        for (String s : said) {
            assertTrue(notice.contains(s), "'" + s + "' in: " + notice);
        }
        Map.Entry<String, String> kept = keptSave(b);
        assertTrue(notice.contains(kept.getKey()), "the notice names the kept key: " + notice);
        assertEquals(saved, kept.getValue());
        assertWorks(b);
        // The next autosave (a moment after the action) wrote the new session, and the kept copy is untouched.
        b.waitUntil("(localStorage.getItem('" + KEY + "') || '').indexOf('memMapPage 0x40000000') >= 0");
        String now = (String) b.script("return localStorage.getItem(arguments[0]);", KEY);
        assertTrue(now.startsWith("# pagewalk-session 1\nboot ceanos\ninit_mm\npage = pmmAllocPageFrame\nmemMapPage"), now);
        assertEquals(saved, keptSave(b).getValue());
        captureDownloads(b);
        clickIn(b, "#save-notice", "Download the unreadable save");
        assertEquals(saved, download(b, 0, "pagewalk-unreadable-save.pw"));
        clickIn(b, "#save-notice", "Start fresh");
        b.waitUntil("document.getElementById('save-notice').hidden");
        assertEquals(saved, keptSave(b).getValue());
        b.assertClean();
    }

    private static void clickIn(Browser b, String css, String label) {
        b.find(css).findElements(By.tagName("button")).stream()
                .filter(e -> e.getText().equals(label)).findFirst().orElseThrow().click();
    }

    @Test
    void anUnreadableSaveThatCannotBeCopiedIsNotOverwritten(Browser b) {
        String saved = "# pagewalk-session 1\nboot ceanos\ninit_mm\nmemMapPage 0x0804";
        b.open("?engine=js");
        b.script("localStorage.setItem(arguments[0], arguments[1]);", KEY, saved);
        // Only the copy is refused: without the guard, the next autosave would overwrite the save.
        b.withInitScript("var setItem = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {"
                + " if (k.indexOf('" + KEPT_PREFIX + "') === 0) {"
                + " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }"
                + " return setItem.call(this, k, v); };", () -> {
            b.driver().navigate().refresh();
            b.waitUntil("document.body.dataset.ready === '1'");
            String notice = noticeText(b, "save-notice");
            assertTrue(notice.contains("line 4:") && notice.contains("It stays under '" + KEY + "'")
                    && notice.contains("QuotaExceededError"), notice);
            assertWorks(b);
            assertEquals(saved, b.script("return localStorage.getItem(arguments[0]);", KEY));
            b.assertClean();
        });
    }

    @Test
    void aTruncatedSaveIsKeptAndItsLineNamed(Browser b) {
        assertUnreadableKept(b, "# pagewalk-session 1\nboot ceanos\ninit_mm\nmemMapPage 0x0804", "line 4:");
    }

    @Test
    void aDamagedSaveIsKeptWithItsControlCharactersEscaped(Browser b) {
        assertUnreadableKept(b, "# pagewalk-session 1\nboot ceanos\n\u001b]0;pwned\u0007 garbage", "line 3:", "\\x1B");
    }

    @Test
    void aSaveThatDoesNotStartAtABootIsKept(Browser b) {
        assertUnreadableKept(b, "# pagewalk-session 1\npoke 0x1000 1", "starts with a boot line");
    }

    @Test
    void aSaveFromAnotherVersionIsKeptAndExplained(Browser b) {
        assertUnreadableKept(b, "# pagewalk-session 2\n{\"actions\": []}", "another version of Pagewalk", "format '2'");
    }

    @Test
    void aV2KeyIsExplainedAndLeftAlone(Browser b) {
        startWithSave(b, "pagewalk.session.v2", "whatever a later Pagewalk writes");
        String notice = noticeText(b, "save-notice");
        assertTrue(notice.contains("another version of Pagewalk") && notice.contains("pagewalk.session.v2"), notice);
        assertWorks(b);
        assertEquals("whatever a later Pagewalk writes", b.script("return localStorage.getItem('pagewalk.session.v2');"));
        b.assertClean();
    }

    @Test
    void aSaveWithoutAVersionLineIsMigrated(Browser b) {
        startWithSave(b, KEY, "boot ceanos\ninit_mm\nmemMapPage 0x40000000 0x00700000 WRITE");
        String notice = noticeText(b, "save-notice");
        assertTrue(notice.contains("earlier Pagewalk") && notice.contains("restored"), notice);
        assertTrue(state(b).contains("\"mem_num_vpages\":5"), state(b));
        assertEquals("# pagewalk-session 1\nboot ceanos\ninit_mm\nmemMapPage 0x40000000 0x00700000 WRITE",
                b.script("return localStorage.getItem(arguments[0]);", KEY));
        b.assertClean();
    }

    @Test
    void aFullStorageIsSaidAndThePageKeepsWorking(Browser b) {
        b.withInitScript(QUOTA, () -> {
                    b.open("?engine=js");
                    assertWorks(b);
                    String notice = noticeText(b, "storage-notice");
                    assertTrue(notice.contains("storage for Pagewalk is full") && notice.contains("QuotaExceededError"), notice);
                    assertTrue(run(b, "read kernel 0xD0000010").startsWith("ok"));
                    b.assertClean();
                });
    }

    @Test
    void unavailableStorageIsSaidAndThePageKeepsWorking(Browser b) {
        b.withInitScript("Object.defineProperty(window, 'localStorage', { configurable: true, get: function () {"
                + " throw new DOMException('The operation is insecure.', 'SecurityError'); } });", () -> {
                    for (String engine : new String[] {"js", "wasm"}) {
                        b.open("?engine=" + engine);
                        String notice = noticeText(b, "storage-notice");
                        assertTrue(notice.contains("does not let Pagewalk use its storage") && notice.contains("SecurityError"),
                                notice);
                        assertWorks(b);
                        b.assertClean();
                    }
                });
    }

    /**
     * Makes downloads land in {@code window.__downloads} ({name, text}) instead of the disk. The blob
     * is read where the page creates its URL: fetching the blob: URL back would break the page's own
     * Content-Security-Policy (connect-src 'self'), which the page itself never needs to do.
     */
    private static void captureDownloads(Browser b) {
        b.script("window.__downloads = []; var blobs = {}; var create = URL.createObjectURL;"
                + " URL.createObjectURL = function (blob) { var url = create.call(URL, blob); blobs[url] = blob; return url; };"
                + " HTMLAnchorElement.prototype.click = function () { var a = this; var blob = blobs[a.href];"
                + " blob.text().then(function (t) { window.__downloads.push({name: a.download, text: t}); }); };");
    }

    private static String download(Browser b, int i, String name) {
        b.waitUntil("window.__downloads.length > " + i);
        assertEquals(name, b.script("return window.__downloads[arguments[0]].name;", i));
        return (String) b.script("return window.__downloads[arguments[0]].text;", i);
    }

    private static void clickNav(Browser b, String label) {
        b.find("#topnav").findElements(By.tagName("button")).stream()
                .filter(e -> e.getText().equals(label)).findFirst().orElseThrow().click();
    }

    @Test
    void exportThenImportGivesTheSameMachine(Browser b) throws Exception {
        for (String engine : new String[] {"js", "wasm"}) {
            b.open("?engine=" + engine);
            assertTrue(run(b, "memMapPage 0x08049000 0x00600000 WRITE|USER").startsWith("ok"));
            assertTrue(run(b, "write user 0x08049010 0x12345678").startsWith("ok"));
            assertTrue(run(b, "read user 0x08049010").startsWith("ok"));
            assertTrue(run(b, "pd = memAllocPageDir").startsWith("ok"));
            assertTrue(run(b, "memChangePageDir pd").startsWith("ok"));
            assertTrue(run(b, "mov cr2, 0x1234").startsWith("ok"));
            String before = state(b);
            captureDownloads(b);
            clickNav(b, "Export");
            String exported = download(b, 0, "pagewalk-session.pw");
            assertTrue(exported.startsWith("# pagewalk-session 1\nboot ceanos\ninit_mm\npage = pmmAllocPageFrame\n"
                    + "memMapPage 0x08048000 page WRITE|USER\nmemMapPage 0x08049000"), exported);
            assertTrue(run(b, "boot bare ram=4M").startsWith("ok"));
            assertFalse(state(b).equals(before));
            Path file = Files.createTempFile("pagewalk-export", ".pw");
            Files.writeString(file, exported);
            clickNav(b, "Import");
            b.find(".pw-dialog input[type='file']").sendKeys(file.toString());
            b.waitUntil("document.getElementById('status').textContent.indexOf('Restored the imported session') === 0");
            assertEquals(before, state(b));
            Files.delete(file);
            b.assertClean();
            b.script("localStorage.clear();");
        }
    }

    /**
     * After a page's first save, the autosave waits a moment after an action (a burst of actions is
     * saved once), so a reload in the same task as the action finds it unsaved: leaving the page
     * (pagehide) writes it.
     */
    @Test
    void aReloadRightAfterAnActionKeepsIt(Browser b) {
        for (String engine : new String[] {"js", "wasm"}) {
            b.open("?engine=" + engine);
            b.script("localStorage.clear();");
            b.open("?engine=" + engine);
            assertTrue(run(b, "memMapPage 0x40000000 0x00700000 WRITE").startsWith("ok"));
            b.script("window.__beforeReload = true;"
                    + " window.pagewalk.run('memMapPage 0x40001000 0x00701000 WRITE'); location.reload();");
            b.waitUntil("!window.__beforeReload && document.body.dataset.ready === '1'");
            assertTrue(state(b).contains("\"mem_num_vpages\":7"), state(b));
            assertEquals("# pagewalk-session 1\nboot ceanos\ninit_mm\npage = pmmAllocPageFrame\nmemMapPage 0x08048000 page WRITE|USER\n"
                    + "memMapPage 0x40000000 0x00700000 WRITE\nmemMapPage 0x40001000 0x00701000 WRITE",
                    b.script("return localStorage.getItem(arguments[0]);", KEY));
            b.assertClean();
            b.script("localStorage.clear();");
        }
    }

    @Test
    void theCrashHookExistsOnlyWithItsUrlFlag(Browser b) {
        b.open("?engine=js");
        assertEquals("undefined", b.script("return typeof window.pagewalk.__crashForTest;"));
        b.assertClean();
    }

    /**
     * Before any action, the last good state is the session the page opened with: a share link's
     * lines (kept unjoined until a report needs them), in the order the link gave them.
     */
    @Test
    void aCrashBeforeAnyActionReportsTheShareLinksSession(Browser b) {
        String lines = "boot ceanos\ninit_mm\nmemMapPage 0x40000000 0x00700000 WRITE|USER\n"
                + "write user 0x40000010 0x2a\nread user 0x40000010";
        for (String engine : new String[] {"js", "wasm"}) {
            b.open("?engine=" + engine);
            b.script("localStorage.clear();");
            b.driver().get("about:blank");
            b.open("?engine=" + engine + "&test-crash=1#run=" + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("# pagewalk-session 1\n" + lines).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertTrue(state(b).contains("\"mem_num_vpages\":5"), state(b));
            captureDownloads(b);
            b.script("window.pagewalk.__crashForTest();");
            noticeText(b, "crash-notice");
            clickIn(b, "#crash-notice", "Download the crash report");
            String report = download(b, 0, "pagewalk-crash-report.pw");
            assertTrue(report.endsWith("# The session up to the last action that completed (Import restores it):\n"
                    + "# pagewalk-session 1\n" + lines + "\n"), report);
            // The crash left its count on the page; a reload reopens the link, clean.
            b.driver().navigate().refresh();
            b.waitUntil("document.body.dataset.ready === '1'");
            assertTrue(state(b).contains("\"mem_num_vpages\":5"), state(b));
            b.assertClean();
            b.script("localStorage.clear();");
        }
    }

    @Test
    void aCrashOffersItsReportAndAReloadRestoresTheLastGoodState(Browser b) {
        for (String engine : new String[] {"js", "wasm"}) {
            b.open("?engine=" + engine + "&test-crash=1");
            assertTrue(run(b, "memMapPage 0x08049000 0x00600000 WRITE|USER").startsWith("ok"));
            assertTrue(run(b, "write user 0x08049010 0x12345678").startsWith("ok"));
            String good = state(b);
            captureDownloads(b);
            b.script("window.pagewalk.__crashForTest();");
            String notice = noticeText(b, "crash-notice");
            assertTrue(notice.contains("internal error") && notice.contains("crash requested with ?test-crash=1"), notice);
            assertEquals("1", b.script("return document.body.dataset.faults;"));
            // The failing action had half-changed the machine (CR2) when it failed.
            assertTrue(state(b).contains("\"cr2\":\"0x0BADC0DE\""), state(b));
            clickIn(b, "#crash-notice", "Download the crash report");
            String report = download(b, 0, "pagewalk-crash-report.pw");
            assertEquals(report, b.script("return document.querySelector('#crash-notice .crash-report').textContent;"));
            assertTrue(report.startsWith("# Pagewalk crash report\n# error: "), report);
            assertTrue(report.contains("crash requested with ?test-crash=1\n# engine: " + engine + "\n"), report);
            assertTrue(report.endsWith("# pagewalk-session 1\nboot ceanos\ninit_mm\npage = pmmAllocPageFrame\n"
                    + "memMapPage 0x08048000 page WRITE|USER\nmemMapPage 0x08049000 0x00600000 WRITE|USER\n"
                    + "write user 0x08049010 0x12345678\n"), report);
            b.driver().navigate().refresh();
            b.waitUntil("document.body.dataset.ready === '1'");
            assertEquals(good, state(b));
            assertNull(b.script("return document.body.dataset.faults || null;"));
            assertNotNull(b.find("#crash-notice"));
            b.assertClean();
            b.script("localStorage.clear();");
        }
    }
}
