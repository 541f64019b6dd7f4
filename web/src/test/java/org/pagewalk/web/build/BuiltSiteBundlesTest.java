package org.pagewalk.web.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The site this build made (target/site, written by process-classes): every bundle is there under
 * the name of its content's hash only, and boot.js names exactly those files, so it loads only
 * names that exist. Checked against the bundles TeaVM wrote (target/bundles) and a SHA-256 taken
 * here.
 */
class BuiltSiteBundlesTest {
    private static final Path SITE = Path.of("target", "site");
    private static final Path BUNDLES = Path.of("target", "bundles");

    @Test
    void bootJsNamesEveryBundleByItsContentsHash() throws Exception {
        Map<String, String> table = BundleTable.read(SITE);
        assertEquals(Set.of("pagewalk.js", "pagewalk-full.js", "pagewalk-bench.js", "pagewalk.wasm", "pagewalk-bench.wasm",
                "pagewalk.wasm-runtime.js"), table.keySet(), "every bundle boot.js chooses from, and the Wasm runtime loader");
        assertEquals(names(BUNDLES), table.keySet(), "the table covers what TeaVM wrote");
        for (Map.Entry<String, String> e : table.entrySet()) {
            byte[] content = Files.readAllBytes(SITE.resolve(e.getValue()));
            assertTrue(Arrays.equals(Files.readAllBytes(BUNDLES.resolve(e.getKey())), content), e.getKey());
            String base = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
            String ext = e.getKey().substring(e.getKey().lastIndexOf('.'));
            assertEquals(base + "." + sha256Hex(content).substring(0, 8) + ext, e.getValue());
        }
    }

    @Test
    void theSiteHoldsNoOtherBundleFiles() throws IOException {
        Map<String, String> table = BundleTable.read(SITE);
        Set<String> bundleFiles = names(SITE).stream()
                .filter(n -> n.startsWith("pagewalk") && (n.endsWith(".js") || n.endsWith(".wasm")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(table.values()), bundleFiles, "no plain name and no older build's file");
    }

    @Test
    void theSourceBootJsHoldsTheTableEmptyForTheBuildToFill() throws IOException {
        assertTrue(BundleTable.read(Files.readString(Path.of("../static/boot.js"), StandardCharsets.UTF_8)).isEmpty());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String sha256Hex(byte[] content) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(content)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
