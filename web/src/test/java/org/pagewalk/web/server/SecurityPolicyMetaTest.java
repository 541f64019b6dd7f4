package org.pagewalk.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page in static/ carries the server's policy as a {@code <meta>} tag (so a plain static
 * host enforces it too), and nothing in the pages needs what the policy forbids.
 */
class SecurityPolicyMetaTest {
    private static final Pattern META = Pattern.compile(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");

    @Test
    void everyPageCarriesTheServersPolicyWithoutFrameAncestors() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 2, "index.html and bench.html at least: " + pages);
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Matcher meta = META.matcher(html);
            assertTrue(meta.find(), page + " has the policy's <meta> tag");
            assertEquals(SecurityPolicy.PAGE_POLICY, meta.group(1), page.toString());
            assertFalse(meta.group(1).contains("frame-ancestors"), page + ": ignored in a <meta> policy");
            int firstLoad = Math.min(index(html, "<script"), index(html, "<link"));
            assertTrue(meta.start() < firstLoad, page + ": the policy comes before what it governs");
            assertFalse(meta.find(), page + " has one policy tag");
        }
        assertTrue(SecurityPolicy.header("*").startsWith(SecurityPolicy.PAGE_POLICY + ";"));
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandlers() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style\\b|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern scriptUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
        for (Path page : pages()) {
            String html = Files.readString(page, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
            for (Pattern forbidden : List.of(inlineScript, inlineStyle, handler, scriptUrl)) {
                Matcher m = forbidden.matcher(html);
                assertFalse(m.find(), () -> page + " has " + m.group() + ", which the policy blocks");
            }
        }
    }

    private static int index(String html, String tag) {
        int i = html.indexOf(tag);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** static/ beside the web module: Maven runs the tests in the module's folder. */
    private static List<Path> pages() throws IOException {
        Path dir = Path.of("..", "static");
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
