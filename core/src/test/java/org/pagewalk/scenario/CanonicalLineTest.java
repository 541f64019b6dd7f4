package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command writes itself back as a line that means the same: the built-in scenarios and
 * the document's examples, rewritten command by command from their canonical lines, parse to
 * the same canonical lines and run to the same results. (A form's command goes into the session
 * log as its canonical line, so a share link depends on this.)
 */
class CanonicalLineTest {
    @TestFactory
    Stream<DynamicTest> theLibraryRunsTheSameFromItsCanonicalLines() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : ScenarioLibraryTest.scenarioFiles()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(text)));
        }
        for (ScenarioDocsTest.Block b : ScenarioDocsTest.blocks()) {
            if (b.kind.equals("pw")) {
                tests.add(DynamicTest.dynamicTest("SCENARIOS.md line " + b.line, () -> check(b.text)));
            }
        }
        return tests.stream();
    }

    private static void check(String text) {
        Scenario original = Scenario.parse(text);
        StringBuilder canonical = new StringBuilder();
        for (Command c : original.steps()) {
            canonical.append(c.toLine()).append('\n');
        }
        Scenario rewritten = Scenario.parse(canonical.toString());
        assertEquals(original.steps().size(), rewritten.steps().size());
        for (int i = 0; i < original.steps().size(); i++) {
            assertEquals(original.steps().get(i).toLine(), rewritten.steps().get(i).toLine(), "a canonical line is its own canonical line");
        }
        List<StepResult> a = new Interpreter(original, new Session()).runAll();
        List<StepResult> b = new Interpreter(rewritten, new Session()).runAll();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).status(), b.get(i).status(), original.steps().get(i).source());
            // The rewritten text has no titles, comments or blank lines, so its line numbers differ.
            assertEquals(a.get(i).message().replaceFirst("^line \\d+", "line N"), b.get(i).message().replaceFirst("^line \\d+", "line N"),
                    original.steps().get(i).source());
        }
    }
}
