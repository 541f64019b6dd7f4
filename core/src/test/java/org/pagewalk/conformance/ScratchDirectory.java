package org.pagewalk.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Removes a flat temporary directory the QEMU harnesses made (sockets, images, build outputs). */
final class ScratchDirectory {
    private ScratchDirectory() {
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
