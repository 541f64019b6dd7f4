package org.pagewalk.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the built site for a test that changes it (its config, its bundles) and serves it itself. */
final class SiteCopy {
    private SiteCopy() {
    }

    /** The site the build made (the harness serves it). */
    static Path built() {
        return Path.of(System.getProperty("pagewalk.site", "../web/target/site")).toAbsolutePath().normalize();
    }

    /** Copies the built site, folders included, into {@code to} (an empty folder). */
    static void into(Path to) throws IOException {
        Path from = built();
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
