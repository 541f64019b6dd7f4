package org.pagewalk.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void defaults() {
        ServerOptions options = ServerOptions.parse();
        assertEquals(8080, options.port());
        assertEquals(ServerOptions.defaultSite(), options.dir());
        assertEquals("*", options.frameAncestors());
    }

    @Test
    void frameAncestorsInBothSpellings() {
        assertEquals("'self' https://course.example",
                ServerOptions.parse("--frame-ancestors", " 'self'   https://course.example ").frameAncestors());
        assertEquals("'none'", ServerOptions.parse("--frame-ancestors='none'").frameAncestors());
    }

    @Test
    void frameAncestorsCannotAddDirectivesOrBreakTheHeader() {
        assertTrue(message("--frame-ancestors", "'self'; script-src *").contains("no ; or ,"));
        assertTrue(message("--frame-ancestors", "*, script-src *").contains("no ; or ,"));
        String crlf = message("--frame-ancestors", "*\r\nSet-Cookie: a=b");
        assertTrue(crlf.contains("not \"*\\x0D\\x0ASet-Cookie: a=b\""), crlf);
        assertTrue(message("--frame-ancestors", "  ").contains("sources separated by spaces"));
        assertTrue(message("--frame-ancestors").contains("needs a value"));
        String longValue = message("--frame-ancestors", "x".repeat(10_000) + ";");
        assertTrue(longValue.length() < 300, "a long value is cut: " + longValue.length());
    }

    @Test
    void portAndDirInBothSpellings() {
        ServerOptions spaced = ServerOptions.parse("--port", "0", "--dir", "some/site");
        assertEquals(0, spaced.port());
        assertEquals(Path.of("some/site"), spaced.dir());
        ServerOptions joined = ServerOptions.parse("--port=8099", "--dir=x");
        assertEquals(8099, joined.port());
        assertEquals(Path.of("x"), joined.dir());
    }

    @Test
    void badInputIsExplained() {
        assertTrue(message("--port", "http").contains("0 to 65535"));
        assertTrue(message("--port", "70000").contains("0 to 65535"));
        assertTrue(message("--port").contains("needs a value"));
        assertTrue(message("--verbose").contains("unknown option --verbose"));
    }

    @Test
    void help() {
        assertTrue(ServerOptions.parse("--help").help());
        assertTrue(ServerOptions.USAGE.contains("--frame-ancestors SOURCES"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(args)).getMessage();
    }
}
