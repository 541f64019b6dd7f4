package org.pagewalk.web.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may drive the frame: ?parent=, the installation's configuration, and the defaults. */
class OriginPolicyTest {
    private static final String SELF = "https://pagewalk.example";

    @Test
    void anEmbedWithNothingConfiguredTakesItsOwnOriginOnly() {
        OriginPolicy p = OriginPolicy.of(SELF, true, List.of(), List.of(), false);
        assertTrue(p.allows(SELF));
        assertFalse(p.allows("https://evil.example"));
    }

    @Test
    void theFullPageTakesNoneUnlessConfigured() {
        assertFalse(OriginPolicy.of(SELF, false, List.of(), List.of("https://course.example"), false).allows(SELF));
        assertFalse(OriginPolicy.of(SELF, false, List.of(), List.of("https://course.example"), false).allows("https://course.example"));
        assertTrue(OriginPolicy.of(SELF, false, List.of(), List.of("https://course.example"), true).allows("https://course.example"));
        assertTrue(OriginPolicy.of(SELF, false, List.of("https://course.example"), List.of(), false).allows("https://course.example"));
    }

    @Test
    void parentsListSeveralOriginsAndOnlyThose() {
        OriginPolicy p = OriginPolicy.of(SELF, true, List.of("https://a.example,https://b.example:8443", "http://localhost:8000"),
                List.of("https://moodle.example.edu"), false);
        assertTrue(p.allows("https://a.example"));
        assertTrue(p.allows("https://b.example:8443"));
        assertTrue(p.allows("http://localhost:8000"));
        assertTrue(p.allows("https://moodle.example.edu"));
        assertTrue(p.allows(SELF), "named origins add to the frame's own origin, which could script it directly anyway");
        assertFalse(p.allows("https://evil.example"));
        assertFalse(p.allows("https://b.example"), "the port is part of the origin");
    }

    @Test
    void whatIsNotAnOriginIsSaidAndIgnored() {
        OriginPolicy p = OriginPolicy.of(SELF, true, List.of("https://a.example/course", "javascript:alert(1)"), List.of(), false);
        assertEquals(2, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().get(0).contains("no path"), p.problems().get(0));
        assertFalse(p.allows("https://a.example"));
        assertTrue(p.allows(SELF), "with no valid parent the default holds");
    }

    @Test
    void aStarAllowsAnyOrigin() {
        assertTrue(OriginPolicy.of(SELF, true, List.of("*"), List.of(), false).allows("https://anyone.example"));
    }
}
