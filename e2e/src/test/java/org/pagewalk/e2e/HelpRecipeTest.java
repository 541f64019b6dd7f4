package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The help page's "Ten minutes: two views and a grader", followed as a course author would: its
 * frames and its script pasted into a course page on another origin, with Pagewalk's address and
 * {@code &parent=} added as step 2 says; the console shows what the comment in the script promises.
 */
@InBrowser
class HelpRecipeTest {
    private static final Path DOC = Path.of("../docs/EMBEDDING.md");

    /** The first fenced block of {@code language} after {@code heading}. */
    private static String block(String md, String heading, String language) {
        int from = md.indexOf(heading);
        assertTrue(from >= 0, heading);
        int open = md.indexOf("```" + language + "\n", from);
        int start = open + language.length() + 4;
        int end = md.indexOf("```", start);
        StringBuilder out = new StringBuilder();
        for (String line : md.substring(start, end).split("\n")) {
            out.append(line.startsWith("   ") ? line.substring(3) : line).append('\n');
        }
        return out.toString();
    }

    @Test
    void theTenMinuteRecipeGradesFromACoursePageOnAnotherOrigin(Browser b) throws IOException {
        String md = Files.readString(DOC, StandardCharsets.UTF_8);
        String heading = "## Ten minutes: two views and a grader";
        String frames = block(md, heading, "html");
        String script = block(md, heading, "js");
        assertTrue(script.contains("// \"passed\" \"0x00255000\" false"), "the script says what it logs: " + script);
        String[] page = new String[1];
        try (CoursePage course = CoursePage.serving(() -> page[0].getBytes(StandardCharsets.UTF_8))) {
            // Step 2: Pagewalk is on another origin, so its full address in src and the course page's origin in parent=.
            String site = b.siteUrl().resolve("index.html").toString();
            String pasted = Pattern.compile("src=\"pagewalk/index\\.html\\?([^\"]*)\"").matcher(frames)
                    .replaceAll(Matcher.quoteReplacement("src=\"" + site + "?") + "$1" + Matcher.quoteReplacement("&parent=" + course.origin() + "\""));
            assertEquals(2, pasted.split(Pattern.quote(site), -1).length - 1, "two frames: " + pasted);
            page[0] = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Week 3</title>"
                    + "<script>window.__logged = []; console.log = function () { window.__logged.push(Array.prototype.slice.call(arguments)); };</script>"
                    + "</head><body><h1>Week 3: paging</h1>\n" + pasted + "<script>\n" + script + "</script></body></html>";
            b.driver().get(course.origin() + "/week3.html");
            b.waitUntil("window.__logged.length > 0");
            assertEquals(List.of("passed", "0x00255000", false), b.script("return window.__logged[0];"),
                    "the page's frames: " + pasted);
            b.screenshot("help-recipe-course-page");
        }
    }
}
