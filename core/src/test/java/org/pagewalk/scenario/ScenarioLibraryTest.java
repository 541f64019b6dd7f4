package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every built-in scenario in static/scenarios parses, runs on a fresh session with every line OK
 * and every expect PASSED, explains itself (title, about, enough expects), and is listed in
 * index.json. The library is what students open first: a scenario that fails its own expects
 * would teach the wrong thing.
 */
class ScenarioLibraryTest {
    static final int MIN_SCENARIOS = 14;
    static final int MIN_EXPECTS = 3;

    /** static/scenarios, found from the working directory (core/ under Maven, or the repository root). */
    static Path libraryDir() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("static").resolve("scenarios");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("no static/scenarios directory in " + start + " or any directory above it");
    }

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(libraryDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pw")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPassesItsOwnExpects() throws IOException {
        return scenarioFiles().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Scenario scenario;
        try {
            scenario = Scenario.parse(text);
        } catch (ScenarioError e) {
            fail(name + " does not parse: " + e.getMessage());
            return;
        }
        assertFalse(scenario.title().isBlank(), name + " has no title");
        assertFalse(scenario.about().isBlank(), name + " has no about paragraph");
        assertTrue(scenario.expectCount() >= MIN_EXPECTS,
                name + " has " + scenario.expectCount() + " expect lines, fewer than " + MIN_EXPECTS);
        assertTrue(scenario.steps().stream().anyMatch(s -> s.command().equals("note")), name + " has no note lines");
        assertTrue(scenario.steps().stream().anyMatch(Command::isPause), name + " has no pause lines");

        List<StepResult> results = new Interpreter(scenario, new Session()).runAll();
        assertEquals(scenario.steps().size(), results.size(), name + ": not every step ran");
        List<String> failures = new ArrayList<>();
        for (StepResult r : results) {
            if (r.status() != StepResult.Status.OK && r.status() != StepResult.Status.PASSED) {
                failures.add("  " + r + "\n      source: " + r.source().trim());
            }
        }
        if (!failures.isEmpty()) {
            fail(name + ": " + failures.size() + " line(s) failed:\n" + String.join("\n", failures));
        }
    }

    @Test
    void theLibraryIsBigEnough() throws IOException {
        List<Path> files = scenarioFiles();
        assertTrue(files.size() >= MIN_SCENARIOS,
                "static/scenarios has " + files.size() + " scenarios, fewer than " + MIN_SCENARIOS);
    }

    @Test
    void indexListsExactlyTheFilesPresent() throws IOException {
        String index = Files.readString(libraryDir().resolve("index.json"), StandardCharsets.UTF_8).trim();
        assertTrue(index.startsWith("[") && index.endsWith("]"), "index.json is not a JSON array");
        List<String> listed = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Matcher entry = Pattern.compile("\\{([^{}]*)\\}").matcher(index);
        while (entry.find()) {
            String body = entry.group(1);
            String file = field(body, "file");
            assertFalse(file == null || file.isEmpty(), "an index.json entry has no \"file\": {" + body + "}");
            assertFalse(field(body, "title") == null || field(body, "title").isBlank(), file + " has no \"title\" in index.json");
            assertFalse(field(body, "topic") == null || field(body, "topic").isBlank(), file + " has no \"topic\" in index.json");
            listed.add(file);
            titles.add(field(body, "title"));
        }
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "index.json lists a file twice: " + listed);
        TreeSet<String> present = new TreeSet<>();
        for (Path f : scenarioFiles()) {
            present.add(f.getFileName().toString());
        }
        assertEquals(present, new TreeSet<>(listed), "index.json must list exactly the .pw files in static/scenarios");
        // The index's titles are the files' own titles, so the library menu and the scenario agree.
        for (int i = 0; i < listed.size(); i++) {
            String text = Files.readString(libraryDir().resolve(listed.get(i)), StandardCharsets.UTF_8);
            assertEquals(Scenario.parse(text).title(), titles.get(i), "title of " + listed.get(i) + " in index.json");
        }
    }

    /** The string value of {@code "key": "..."} in one flat JSON object's body (with \" and \\ escapes). */
    private static String field(String body, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
