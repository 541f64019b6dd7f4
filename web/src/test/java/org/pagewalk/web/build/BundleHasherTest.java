package org.pagewalk.web.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that gives the bundles their content-hashed names and writes them into boot.js. */
class BundleHasherTest {
    private static final String BOOT = "(function () {\n  var FILES = {};\n  load(FILES[\"pagewalk.js\"]);\n})();\n";

    @TempDir
    Path bundles;
    @TempDir
    Path site;

    @Test
    void eachBundleGetsItsContentsNameAndBootJsNamesIt() throws IOException {
        Files.writeString(bundles.resolve("pagewalk.js"), "abc");
        Files.writeString(bundles.resolve("pagewalk.wasm-runtime.js"), "");
        Files.writeString(site.resolve("boot.js"), BOOT);
        Files.writeString(site.resolve("index.html"), "<!doctype html>");

        BundleHasher.main(new String[] {bundles.toString(), site.toString()});

        // The SHA-256 of "abc" starts ba7816bf, of "" e3b0c442.
        assertEquals(List.of("boot.js", "index.html", "pagewalk.ba7816bf.js", "pagewalk.wasm-runtime.e3b0c442.js"), files(site));
        assertEquals("abc", Files.readString(site.resolve("pagewalk.ba7816bf.js")));
        assertEquals("(function () {\n  var FILES = {\"pagewalk.js\": \"pagewalk.ba7816bf.js\", "
                + "\"pagewalk.wasm-runtime.js\": \"pagewalk.wasm-runtime.e3b0c442.js\"};\n  load(FILES[\"pagewalk.js\"]);\n})();\n",
                Files.readString(site.resolve("boot.js")));
        assertEquals(Map.of("pagewalk.js", "pagewalk.ba7816bf.js", "pagewalk.wasm-runtime.js", "pagewalk.wasm-runtime.e3b0c442.js"),
                BundleTable.read(site));
    }

    @Test
    void aRebuildReplacesTheOldNamesEvenInAnAlreadyWrittenBootJs() throws IOException {
        Files.writeString(bundles.resolve("pagewalk.js"), "abc");
        Files.writeString(site.resolve("boot.js"), BOOT);
        Files.writeString(site.resolve("pagewalk.js"), "a plain bundle from a build before hashing");
        BundleHasher.main(new String[] {bundles.toString(), site.toString()});
        assertEquals(List.of("boot.js", "pagewalk.ba7816bf.js"), files(site));

        // Maven leaves the site's boot.js (already written) when static/boot.js is older: its table is replaced.
        Files.writeString(bundles.resolve("pagewalk.js"), "");
        BundleHasher.main(new String[] {bundles.toString(), site.toString()});
        assertEquals(List.of("boot.js", "pagewalk.e3b0c442.js"), files(site));
        assertEquals(Map.of("pagewalk.js", "pagewalk.e3b0c442.js"), BundleTable.read(site));
        assertFalse(Files.readString(site.resolve("boot.js")).contains("ba7816bf"));
    }

    @Test
    void aBootJsWithoutOneTableIsAClearError() throws IOException {
        Files.writeString(bundles.resolve("pagewalk.js"), "abc");
        Files.writeString(site.resolve("boot.js"), "load('pagewalk.js');");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> BundleHasher.main(new String[] {bundles.toString(), site.toString()}));
        assertTrue(none.getMessage().contains("var FILES"), none.getMessage());
        assertEquals(List.of("boot.js"), files(site), "nothing copied");
        Files.writeString(site.resolve("boot.js"), "var FILES = {};\nvar FILES = {};");
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> BundleHasher.main(new String[] {bundles.toString(), site.toString()}));
        assertTrue(two.getMessage().contains("more than one"), two.getMessage());
        assertEquals("var FILES = {};\nvar FILES = {};", Files.readString(site.resolve("boot.js")), "boot.js unchanged");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
