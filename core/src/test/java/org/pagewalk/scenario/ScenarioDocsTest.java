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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples in docs/SCENARIOS.md are real: every {@code ```pw} block parses and runs on a fresh
 * session with every line OK and every expect PASSED; every {@code ```pw-error} block goes wrong,
 * and the {@code ```text} block right after it shows exactly what Pagewalk says (the parse error,
 * or each failed or refused line as {@link StepResult#toString()}).
 */
class ScenarioDocsTest {
    static final class Block {
        final String kind;
        final int line;
        final String text;
        String output;

        Block(String kind, int line, String text) {
            this.kind = kind;
            this.line = line;
            this.text = text;
        }
    }

    static Path docsFile() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs").resolve("SCENARIOS.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail("no docs/SCENARIOS.md in " + start + " or any directory above it");
    }

    static List<Block> blocks() throws IOException {
        List<String> lines = Files.readAllLines(docsFile(), StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        Block previous = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("```") || l.trim().equals("```")) {
                if (!l.isBlank()) {
                    previous = null;
                }
                continue;
            }
            String kind = l.substring(3).trim();
            int start = i + 1;
            StringBuilder sb = new StringBuilder();
            i++;
            while (i < lines.size() && !lines.get(i).trim().equals("```")) {
                sb.append(lines.get(i)).append('\n');
                i++;
            }
            String body = sb.toString();
            if (kind.equals("text") && previous != null && previous.kind.equals("pw-error")) {
                previous.output = body.trim();
                previous = null;
                continue;
            }
            if (kind.equals("pw") || kind.equals("pw-error")) {
                Block b = new Block(kind, start, body);
                blocks.add(b);
                previous = b;
            } else {
                previous = null;
            }
        }
        return blocks;
    }

    @Test
    void theDocumentHasExamples() throws IOException {
        List<Block> all = blocks();
        assertTrue(all.stream().filter(b -> b.kind.equals("pw")).count() >= 20, "docs/SCENARIOS.md has too few ```pw examples");
        assertTrue(all.stream().anyMatch(b -> b.kind.equals("pw-error")), "docs/SCENARIOS.md shows no error example");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleDoesWhatTheDocumentSays() throws IOException {
        return blocks().stream().map(b -> DynamicTest.dynamicTest("SCENARIOS.md line " + b.line, () -> check(b)));
    }

    /** The function table's row for each {@link GuestFunction}: its origin and its arguments as usage spells them. */
    @Test
    void everyGuestFunctionIsDocumentedWithItsOriginAndArguments() throws IOException {
        String doc = Files.readString(docsFile(), StandardCharsets.UTF_8);
        for (org.pagewalk.guest.GuestFunction f : org.pagewalk.guest.GuestFunction.values()) {
            String args = f.signature().isEmpty() ? "|" : "`" + f.signature() + "` |";
            String row = "| `" + f.functionName() + "` | " + f.origin().key() + " | " + args;
            assertTrue(doc.contains(row), "docs/SCENARIOS.md has no row starting " + row);
        }
    }

    /** Each {@link ExpectKind} has its line in the expect table, as its usage spells it. */
    @Test
    void everyExpectKindIsDocumented() throws IOException {
        String doc = Files.readString(docsFile(), StandardCharsets.UTF_8);
        for (ExpectKind k : ExpectKind.values()) {
            String form = "| `expect " + (k == ExpectKind.NAMED ? "NAME" : k.keyword());
            assertTrue(doc.contains(form), "docs/SCENARIOS.md's expect table has no row for " + k.usage());
        }
    }

    static void check(Block b) {
        String where = "the " + b.kind + " example at docs/SCENARIOS.md line " + b.line;
        List<String> problems = new ArrayList<>();
        Scenario scenario = null;
        try {
            scenario = Scenario.parse(b.text);
        } catch (ScenarioError e) {
            problems.add(e.getMessage());
        }
        if (scenario != null) {
            for (StepResult r : new Interpreter(scenario, new Session()).runAll()) {
                if (r.status() != StepResult.Status.OK && r.status() != StepResult.Status.PASSED) {
                    problems.add(r.toString());
                }
            }
        }
        if (b.kind.equals("pw")) {
            if (!problems.isEmpty()) {
                fail(where + " does not run cleanly:\n  " + String.join("\n  ", problems));
            }
            return;
        }
        assertFalse(problems.isEmpty(), where + " was meant to go wrong, but every line ran and every expect held");
        if (b.output == null) {
            fail(where + " must be followed by a ```text block with what Pagewalk says:\n" + String.join("\n", problems));
        }
        assertEquals(b.output, String.join("\n", problems), where + ": the document quotes a different message");
    }
}
