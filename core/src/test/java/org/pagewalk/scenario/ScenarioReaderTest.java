package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reading a scenario in slices gives what parsing it at once gives, errors included. */
class ScenarioReaderTest {
    private static final String TEXT = "title Two reads\nabout A mapping, then\nabout two reads.\n\nboot ceanos\ninit_mm\n"
            + "f = pmmAllocPageFrame\nmemMapPage 0x08048000 f WRITE|USER\nread user 0x08048000\nexpect last miss\n";

    @Test
    void slicesGiveTheSameScenario() {
        ScenarioReader r = new ScenarioReader(TEXT);
        while (!r.isDone()) {
            r.read(3);
        }
        Scenario sliced = r.scenario();
        Scenario whole = Scenario.parse(TEXT);
        assertEquals(whole.title(), sliced.title());
        assertEquals(whole.about(), sliced.about());
        assertEquals(whole.steps().size(), sliced.steps().size());
        for (int i = 0; i < whole.steps().size(); i++) {
            assertEquals(whole.steps().get(i).toLine(), sliced.steps().get(i).toLine());
            assertEquals(whole.steps().get(i).line(), sliced.steps().get(i).line());
        }
        // The variable f, defined on line 7, is known on line 8 although they were read in different slices.
        assertEquals(8, sliced.steps().get(3).line());
    }

    @Test
    void aBadLineSaysWhereInWhicheverSlice() {
        ScenarioReader r = new ScenarioReader("boot ceanos\ninit_mm\nread user 0xZZ\n");
        r.read(2);
        ScenarioError e = assertThrows(ScenarioError.class, () -> r.read(2));
        assertEquals(3, e.line());
        assertEquals(11, e.column());
    }

    @Test
    void everyLineIsCountedAndReadOnceAsSplittingWouldCutThem() {
        String[] texts = {"", "boot bare", "boot bare\n", "\n\nboot bare\n\n", TEXT};
        int[] lines = {1, 1, 2, 5, 11};
        for (int i = 0; i < texts.length; i++) {
            ScenarioReader r = new ScenarioReader(texts[i]);
            assertEquals(lines[i], r.lineCount(), texts[i]);
            while (!r.isDone()) {
                r.read(2);
            }
            assertEquals(lines[i], r.linesRead(), texts[i]);
            assertEquals(Scenario.parse(texts[i]).steps().size(), r.scenario().steps().size(), texts[i]);
        }
    }
}
