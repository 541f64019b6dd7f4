package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseGeneratorTest {
    /**
     * Determinism, and that the scenario runs clean. Running its expect lines only shows the
     * emulator agrees with itself; ExerciseAnswersTest checks the answers against a walk by hand.
     */
    @Test
    void sameSeedSameExerciseAndItsAnswersHold() {
        for (int seed : new int[] {1, 7, 42, 2026, -5}) {
            String a = ExerciseGenerator.exercise(seed);
            assertEquals(a, ExerciseGenerator.exercise(seed));
            Scenario sc = Scenario.parse(a);
            assertEquals(10, sc.expectCount());
            List<StepResult> results = new Interpreter(sc, new Session()).runAll();
            assertTrue(Interpreter.allPassed(results), results.toString());
        }
        assertNotEquals(ExerciseGenerator.exercise(1), ExerciseGenerator.exercise(2));
    }

    @Test
    void exercisesMixTranslationsAndFaults() {
        String text = new ExerciseGenerator(99).generate(99, 20, 40);
        assertTrue(text.contains("expect physical user"), text);
        assertTrue(text.contains("expect fault"), text);
        assertEquals("questions must be 1 to 64, was 0",
                assertThrows(IllegalArgumentException.class, () -> new ExerciseGenerator(1).generate(1, 3, 0)).getMessage());
    }
}
