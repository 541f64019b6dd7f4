package org.pagewalk.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;

/** The command line's form of a set runs clean: every expect line of its key holds. */
class ExerciseScenarioTest {
    @Test
    void theKeyHoldsWhenTheScenarioRuns() {
        for (Level level : Level.values()) {
            for (int seed = 1; seed <= 20; seed++) {
                String text = ExerciseGenerator.generate(seed, level).toScenario();
                Scenario sc = Scenario.parse(text);
                assertTrue(sc.expectCount() >= 3, text);
                List<StepResult> results = new Interpreter(sc, new Session()).runAll();
                assertTrue(Interpreter.allPassed(results), () -> text + results);
            }
        }
    }

    @Test
    void answersAreReadAsStudentsTypeThem() {
        AnswerField hex = QuestionKind.TRANSLATION.field("physical");
        int[] out = new int[1];
        assertEquals(null, hex.parse(" 2560AB ", out));
        assertEquals(0x002560AB, out[0]);
        assertEquals(null, hex.parse("0x002560ab", out));
        assertEquals(0x002560AB, out[0]);
        assertEquals("Physical address (hex): no answer given", hex.parse("  ", out));
        AnswerField yes = QuestionKind.TLB.field("hit");
        assertEquals(null, yes.parse("No", out));
        assertEquals(0, out[0]);
        assertEquals("The last access hits the TLB: 'maybe' is not yes or no", yes.parse("maybe", out));
        assertEquals(null, QuestionKind.INDEXES.field("directory").parse("32", out));
        assertEquals(32, out[0]);
    }

    @Test
    void aWrongFaultOrNotIsTheOneMistakeReported() {
        Question q = ExerciseGenerator.generate(42, Level.PAGES_4K).questions().stream()
                .filter(x -> x.kind() == QuestionKind.TRANSLATION && x.answer().get("faults") == 0).findFirst().orElseThrow();
        Answer right = new Answer(QuestionKind.TRANSLATION).with("faults", 0).with("physical", q.answer().get("physical"))
                .with("cr2", 5);
        assertTrue(AnswerChecker.check(q, right).isCorrect(), "blanks that do not apply are ignored");
        Answer offByOne = new Answer(QuestionKind.TRANSLATION).with("faults", 0).with("physical", q.answer().get("physical") + 1);
        assertEquals("physical", AnswerChecker.check(q, offByOne).wrong().get(0).key());
        Answer faults = new Answer(QuestionKind.TRANSLATION).with("faults", 1).with("p", 1);
        Verdict v = AnswerChecker.check(q, faults);
        assertEquals(1, v.wrong().size());
        assertEquals("faults", v.wrong().get(0).key());
    }
}
