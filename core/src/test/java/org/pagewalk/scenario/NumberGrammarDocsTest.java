package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.text.Numbers;

/**
 * The number grammar matches its documentation exactly: every example of docs/SCENARIOS.md's
 * "Numbers" tables is read from the document and checked, valid ones for their value (through
 * the grammar and through a scenario line), invalid ones for an error (both ways too).
 */
class NumberGrammarDocsTest {
    /** The table rows (cells split at |) that follow {@code header} in the Numbers section. */
    private static List<String[]> table(String header) throws IOException {
        List<String> lines = Files.readAllLines(ScenarioDocsTest.docsFile(), StandardCharsets.UTF_8);
        int start = lines.indexOf(header);
        assertTrue(start >= 0, "docs/SCENARIOS.md has no table headed " + header);
        List<String[]> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String row = lines.get(i);
            rows.add(row.substring(1, row.length() - 1).split(" \\| ", -1));
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        for (int i = cell.indexOf('`'); i >= 0; i = cell.indexOf('`', cell.indexOf('`', i + 1) + 1)) {
            out.add(cell.substring(i + 1, cell.indexOf('`', i + 1)));
        }
        return out;
    }

    /** The document's value column: 0x hexadecimal or decimal, read here with the JDK's own parser. */
    private static int documented(String value) {
        String v = value.trim();
        return v.startsWith("0x") ? Integer.parseUnsignedInt(v.substring(2), 16) : Integer.parseUnsignedInt(v);
    }

    @Test
    void everyDocumentedNumberHasItsDocumentedValue() throws IOException {
        List<String[]> rows = table("| form | example | value |");
        assertTrue(rows.size() >= 6, "too few rows");
        int checked = 0;
        for (String[] row : rows) {
            List<String> examples = codes(row[1]);
            String[] values = row[2].split(",");
            assertEquals(examples.size(), values.length, "row " + String.join("|", row));
            for (int i = 0; i < examples.size(); i++) {
                int[] out = new int[1];
                assertNull(Numbers.parse(examples.get(i), out), examples.get(i));
                assertEquals(documented(values[i]), out[0], examples.get(i));
                List<StepResult> r = ScenarioLanguageTest.run("a = " + examples.get(i) + "\nexpect a = " + values[i].trim());
                assertEquals(StepResult.Status.PASSED, r.get(1).status(), examples.get(i) + ": " + r.get(1));
                checked++;
            }
        }
        assertTrue(checked >= 10, checked + " examples");
    }

    @Test
    void everyDocumentedNonNumberIsAnError() throws IOException {
        List<String[]> rows = table("| not a number | why |");
        assertTrue(rows.size() >= 8, "too few rows");
        for (String[] row : rows) {
            String text = codes(row[0]).get(0);
            assertNotNull(Numbers.parse(text, new int[1]), text + " is documented as an error");
            String e = ScenarioLanguageTest.error("a = " + text);
            assertTrue(e.startsWith("line 1, column 5: '" + text + "'"), e);
        }
    }
}
