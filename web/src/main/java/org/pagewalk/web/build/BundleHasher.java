package org.pagewalk.web.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Build step (JVM only): copies every bundle TeaVM wrote (the JavaScript and WebAssembly builds and
 * the Wasm runtime loader) into the site under its content-hashed name (HashedName), removes the
 * names an earlier build left there, and writes the names into the site's boot.js (BundleTable).
 * The server lets a browser keep a hashed file for a year, so a reload reuses the bundle and the
 * code Chromium compiled from it; boot.js itself is revalidated, so a rebuild's new names are
 * seen on the next reload.
 *
 * <p>Usage: {@code BundleHasher BUNDLE_DIR SITE_DIR} (SITE_DIR/boot.js must exist).
 */
public final class BundleHasher {
    private BundleHasher() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BundleHasher BUNDLE_DIR SITE_DIR");
        }
        hash(Paths.get(args[0]), Paths.get(args[1]));
    }

    static void hash(Path bundles, Path site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path bundle : list(bundles)) {
            String name = bundle.getFileName().toString();
            files.put(name, HashedName.of(name, Files.readAllBytes(bundle)));
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no bundles in " + bundles);
        }
        // The table first: a boot.js without one stops the build before the site changes.
        Path boot = site.resolve("boot.js");
        String written = BundleTable.write(Files.readString(boot, StandardCharsets.UTF_8), files);
        for (Path old : list(site)) {
            String name = old.getFileName().toString();
            if (files.containsKey(HashedName.plain(name)) && !files.containsValue(name)) {
                Files.delete(old);
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.copy(bundles.resolve(e.getKey()), site.resolve(e.getValue()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(boot, written, StandardCharsets.UTF_8);
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(dir)) {
            paths.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }
}
