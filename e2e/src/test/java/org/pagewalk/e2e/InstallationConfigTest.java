package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewalk.e2e.CoursePage.map;
import static org.pagewalk.e2e.CoursePage.msg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;
import org.pagewalk.web.server.SiteServer;

/**
 * An installation names the course sites allowed to drive its frames in pagewalk-config.json, in
 * the site folder (help/embedding.html, "Who may drive the frame"): a frame without ?parent= takes
 * commands from an origin listed there, and refuses any other, with nothing changed.
 */
@InBrowser
class InstallationConfigTest {
    private static CoursePage listed;
    private static CoursePage other;
    private static SiteServer installation;
    @TempDir
    static Path copy;

    @BeforeAll
    static void start() throws Exception {
        listed = CoursePage.start();
        other = CoursePage.start();
        SiteCopy.into(copy);
        Files.writeString(copy.resolve("pagewalk-config.json"), "{\"parents\": [\"" + listed.origin() + "\"], \"fullPage\": false}",
                StandardCharsets.UTF_8);
        installation = SiteServer.start(copy, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        installation.close();
        listed.close();
        other.close();
    }

    private static String frameState(Browser b) {
        b.driver().switchTo().frame("pw");
        try {
            return (String) b.script("return window.pagewalk.state();");
        } finally {
            b.driver().switchTo().defaultContent();
        }
    }

    @Test
    void anOriginListedInTheConfigDrivesAFrameWithoutParent(Browser b) {
        listed.open(b, installation.uri(), "?engine=js&embed=1&view=walk", 800, 600, List.of());
        assertTrue(frameState(b).contains("\"variant\""), "the frame starts with CeanOS booted");
        Map<String, Object> r = CoursePage.ask(b, msg("type", "pagewalk:run", "id", 1, "line", "boot bare ram=1M"));
        assertEquals("ok", r.get("status"), String.valueOf(r.get("message")));
        // A bare machine has no CeanOS, so no kernel globals in the state; the frame itself says the same.
        assertNull(map(r.get("state")).get("variant"), r.toString());
        assertFalse(frameState(b).contains("\"variant\""), frameState(b));
        b.assertNoPageErrors();
    }

    @Test
    void anOriginNotListedIsRefusedAndNothingChanges(Browser b) {
        other.open(b, installation.uri(), "?engine=js&embed=1&view=walk", 800, 600, List.of());
        String before = frameState(b);
        Map<String, Object> r = CoursePage.ask(b, msg("type", "pagewalk:run", "id", 1, "line", "boot bare ram=1M"));
        assertEquals("error", r.get("status"));
        assertEquals("origin-not-allowed", r.get("code"));
        assertNull(r.get("state"), "a refusal carries no state");
        assertEquals(before, frameState(b), "nothing was run");
        b.assertNoPageErrors();
    }
}
