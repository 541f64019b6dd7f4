package org.pagewalk.web.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/EMBEDDING.md as a site page: escaped, structured, with no script. */
class HelpPageTest {
    @Test
    void markupInTheDocumentIsTextAndTheStructureIsKept() {
        String html = HelpPage.page("# Title\n\nSay `<script>` and **bold** and [a link](help.html).\n\n| a | b |\n|---|---|\n"
                + "| `x` | y |\n\n```html\n<iframe src=\"a\"></iframe>\n```\n", "default-src 'self'");
        assertTrue(html.contains("<h1 id=\"title\">Title</h1>"), html);
        assertTrue(html.contains("<code>&lt;script&gt;</code>"), html);
        assertTrue(html.contains("<strong>bold</strong>") && html.contains("<a href=\"help.html\">a link</a>"), html);
        assertTrue(html.contains("<td><code>x</code></td>"), html);
        assertTrue(html.contains("&lt;iframe src=&quot;a&quot;&gt;&lt;/iframe&gt;"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void theEmbeddingDocBecomesAPage() throws IOException {
        String md = Files.readString(Path.of("../docs/EMBEDDING.md"));
        String html = HelpPage.page(md, "default-src 'self'");
        for (String section : new String[] {"Moodle", "Canvas", "GitHub Pages", "static site generator", "Who may drive the frame"}) {
            assertTrue(html.contains(section), section);
        }
    }
}
