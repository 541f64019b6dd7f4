package org.pagewalk.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;

/** A lesson's "Question:" note and the expect line after it become an exercise question. */
class LessonQuestionTest {

    private static Session booted() {
        Session s = new Session();
        for (String line : new String[] {"boot ceanos", "init_mm", "page = pmmAllocPageFrame",
            "memMapPage 0x08048000 page WRITE|USER"}) {
            assertEquals(StepResult.Status.OK, Interpreter.runLine(s, line).status(), line);
        }
        return s;
    }

    @Test
    void aUserReadOfTheKernelIsAProtectionFault() {
        Session s = booted();
        Question q = LessonQuestion.of("Question: a user read of 0xC0000000?", "expect fault user read 0xC0000000 = 5",
                s.machine());
        assertEquals(QuestionKind.TRANSLATION, q.kind());
        assertEquals("a user read of 0xC0000000?", q.prompt());
        assertEquals("translate user read 0xC0000000", q.walk());
        // PDE 768 = 0x00000083 (present, writable, 4 MiB, supervisor): error code 5 = P | U/S (SDM Vol. 3A §4.7).
        Answer a = q.answer();
        assertEquals(1, a.get("faults"));
        assertEquals(1, a.get("p"));
        assertEquals(0, a.get("wr"));
        assertEquals(1, a.get("us"));
        assertEquals(0xC0000000, a.get("cr2"));
        assertFalse(a.has("physical"));
    }

    @Test
    void aMappedUserPageTranslates() {
        Session s = booted();
        // The heap took frames 0x250..0x254, so the page got frame 0x255 (lesson 03).
        Question q = LessonQuestion.of(" Question: where?", "expect physical user 0x08048010 = 0x00255010", s.machine());
        assertEquals(0, q.answer().get("faults"));
        assertEquals(0x00255010, q.answer().get("physical"));
        assertEquals("translate user read 0x08048010", q.walk());
        Question w = LessonQuestion.of("Question: write?", "expect physical kernel write 0x08048010 = 0x00255010", s.machine());
        assertEquals("translate kernel write 0x08048010", w.walk());
    }

    @Test
    void onlyQuestionNotesAndTranslationExpectsAreAsked() {
        assertTrue(LessonQuestion.asks(" Question: what?"));
        assertFalse(LessonQuestion.asks("A note."));
        Session s = booted();
        assertNull(LessonQuestion.of("Question: x", "expect pde 32 = 0", s.machine()));
        assertNull(LessonQuestion.of("Question: x", "expect physical user page = 0x00255000", s.machine()));
    }
}
