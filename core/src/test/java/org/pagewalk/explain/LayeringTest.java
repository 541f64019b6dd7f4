package org.pagewalk.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bottom layers stay at the bottom: {@code trace} imports no other Pagewalk package,
 * {@code machine} only {@code trace} and {@code text}, {@code explain} only those and
 * {@code machine}. Read from the sources, since the JVM keeps no record of imports.
 */
class LayeringTest {
    private static final Path MAIN = Paths.get("src/main/java/org/pagewalk");

    private static List<String> importsOutside(String pkg, Set<String> allowed) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.trim();
                    if (l.startsWith("import ") && l.contains("org.pagewalk.")) {
                        String used = l.replace("import static ", "").replace("import ", "")
                                .substring("org.pagewalk.".length());
                        String usedPkg = used.substring(0, used.indexOf('.'));
                        if (!usedPkg.equals(pkg) && !allowed.contains(usedPkg)) {
                            bad.add(f.getFileName() + ": " + l);
                        }
                    }
                    if (l.contains("org.pagewalk.") && !l.startsWith("import ") && !l.startsWith("package ")
                            && !l.startsWith("*") && !l.startsWith("/")) {
                        String rest = l.substring(l.indexOf("org.pagewalk.") + "org.pagewalk.".length());
                        String usedPkg = rest.substring(0, Math.max(0, rest.indexOf('.')));
                        if (!usedPkg.equals(pkg) && !allowed.contains(usedPkg)) {
                            bad.add(f.getFileName() + ": " + l);
                        }
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void traceIsALeaf() throws IOException {
        assertEquals(List.of(), importsOutside("trace", Set.of()));
    }

    @Test
    void shareLinksKnowNoMachine() throws IOException {
        assertEquals(List.of(), importsOutside("share", Set.of()));
    }

    @Test
    void machineReportsToTraceAndNothingAbove() throws IOException {
        assertEquals(List.of(), importsOutside("machine", Set.of("trace", "text")));
    }

    @Test
    void explainSitsOnMachineAndTrace() throws IOException {
        assertEquals(List.of(), importsOutside("explain", Set.of("machine", "trace", "text")));
    }

    @Test
    void exercisesSitOnTheScenarioLayer() throws IOException {
        // The inspect views and the command line are not the exercises' business; the CLI uses them.
        assertEquals(List.of(), importsOutside("exercise", Set.of("machine", "trace", "text", "explain", "guest", "scenario")));
    }
}
