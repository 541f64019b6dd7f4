package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioStreamTest {
    /** Lines handed out one at a time; counts how far the stream has read. */
    private static final class Lines implements LineSource {
        private final Iterator<String> it;
        int read;

        Lines(String... lines) {
            this.it = List.of(lines).iterator();
        }

        @Override
        public String next() {
            if (!it.hasNext()) {
                return null;
            }
            read++;
            return it.next();
        }
    }

    @Test
    void runsLineByLineReadingOneCommandAhead() {
        Lines lines = new Lines("title t", "boot ceanos", "", "# comment", "init_mm", "expect totalAlloc = 5", "expect totalAlloc = 6");
        ScenarioStream s = new ScenarioStream(lines, new Session());
        assertTrue(s.hasNext());
        assertEquals(2, lines.read, "title and boot read, nothing further");
        StepResult boot = s.step();
        assertEquals(2, boot.line());
        assertEquals(2, s.line());
        assertEquals(5, lines.read, "boot reads ahead to init_mm, to see whether 'expect refused' follows");
        s.step();
        assertEquals(StepResult.Status.PASSED, s.step().status());
        StepResult last = s.step();
        assertEquals(StepResult.Status.FAILED, last.status());
        assertEquals(7, last.line());
        assertFalse(s.hasNext());
        assertEquals(1, s.passed());
        assertEquals(1, s.failed());
        assertEquals(0, s.errors());
        assertFalse(s.allPassed());
    }

    @Test
    void aRefusalFollowedByExpectRefusedIsNotAnError() {
        ScenarioStream s = new ScenarioStream(new Lines("boot ceanos", "init_mm", "memMapPage 0x08048000 0x00300000 WRITE",
                "memMapPage 0x08048000 0x00301000 WRITE", "expect refused \"already mapped\"", "memMapPage 0x08048000 0x00301000 WRITE"),
                new Session());
        StepResult[] r = new StepResult[6];
        for (int i = 0; s.hasNext(); i++) {
            r[i] = s.step();
        }
        assertEquals(StepResult.Status.OK, r[3].status(), r[3].toString());
        assertEquals(StepResult.Status.PASSED, r[4].status());
        assertEquals(StepResult.Status.ERROR, r[5].status(), "no expect refused after it");
        assertEquals(1, s.errors());
    }

    @Test
    void checkParsesEverythingAndRunsNothing() {
        assertEquals("the title", ScenarioStream.check(new Lines("boot ceanos", "title the title", "WRTIE = 1")));
        ScenarioError e = assertThrows(ScenarioError.class, () -> ScenarioStream.check(new Lines("boot ceanos", "", "memMapPage 0x1000")));
        assertEquals(3, e.line());
        ScenarioError run = assertThrows(ScenarioError.class, () -> {
            ScenarioStream s = new ScenarioStream(new Lines("boot bare", "frobnicate"), new Session());
            while (s.hasNext()) {
                s.step();
            }
        });
        assertEquals(2, run.line(), "a bad line met while running (the file changed after check) is the parser's error");
    }
}
