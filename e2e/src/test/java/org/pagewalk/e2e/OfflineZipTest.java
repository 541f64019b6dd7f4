package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The zip that mvn package writes, unpacked to a fresh folder, works from file:// with no request to any origin. */
@InBrowser
class OfflineZipTest {
    private static Path zip() {
        return Path.of(System.getProperty("pagewalk.site", "../web/target/site")).toAbsolutePath().normalize()
                .getParent().resolve("pagewalk-site.zip");
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(into), "an entry outside the folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target);
                }
            }
        }
    }

    @Test
    void theUnpackedZipRunsFromDisk(Browser b, @TempDir Path dir) throws IOException {
        assertTrue(Files.isRegularFile(zip()), "mvn package writes " + zip());
        unzip(zip(), dir);
        Path index = dir.resolve("pagewalk/index.html");
        assertTrue(Files.isRegularFile(dir.resolve("pagewalk/help/embedding.html")), "the help page is in the zip");
        assertTrue(Files.isRegularFile(dir.resolve("pagewalk/embed-example.html")), "the example is in the zip");
        b.driver().get(index.toUri() + "?scenario=06-forgotten-invlpg.pw");
        b.waitUntil("document.body.dataset.ready === '1'");
        assertEquals("js", b.script("return document.body.dataset.engine;"));
        String r = (String) b.script("return window.pagewalk.run('translate user 0xC0100000');");
        assertTrue(r.startsWith("ok: ") && r.contains("page fault"), r);
        List<?> foreign = (List<?>) b.script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                + ".filter(function (u) { return u.indexOf('file:') !== 0; });");
        assertTrue(foreign.isEmpty(), "requests outside the folder: " + foreign);
        b.assertNoPageErrors();
    }
}
