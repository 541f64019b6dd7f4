package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * {@code ?exercise=SEED&level=N} as a student and an instructor use it. The expected sets are
 * the stored list the core's ExerciseDeterminismTest checks the JVM against, so the JVM, the
 * JavaScript build and the WebAssembly build are held to the same text.
 */
@InBrowser
class ExerciseTest {
    private static final String STORED = "../core/src/test/resources/org/pagewalk/exercise/sets.txt";

    /** The stored set's questions and answers: {prompt, "answer: ..."} pairs. */
    private static List<String[]> stored(int seed, int level) throws IOException {
        List<String> lines = Files.readAllLines(Paths.get(STORED), StandardCharsets.UTF_8);
        String title = "Exercise " + seed + ", level " + level + ":";
        List<String[]> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("Exercise ")) {
                in = l.startsWith(title);
            } else if (in && l.startsWith("Q")) {
                out.add(new String[] {l.substring(l.indexOf(' ') + 1), null});
            } else if (in && l.startsWith("  answer: ")) {
                out.get(out.size() - 1)[1] = l.trim();
            }
        }
        assertEquals(8, out.size(), "stored questions of " + title);
        return out;
    }

    private static List<String[]> shown(Browser b) {
        List<String[]> out = new ArrayList<>();
        for (WebElement q : b.driver().findElements(By.cssSelector(".exercise-question"))) {
            out.add(new String[] {q.findElement(By.cssSelector(".exercise-prompt")).getText(),
                q.findElement(By.cssSelector(".exercise-key")).getText()});
        }
        return out;
    }

    @Test
    void theSameLinkGivesTheSameSetInBothEnginesAsOnTheJvm(Browser b) throws IOException {
        for (String engine : new String[] {"js", "wasm"}) {
            for (int level = 1; level <= 5; level++) {
                b.open("?engine=" + engine + "&exercise=2026&level=" + level + "&answers=1");
                assertEquals("Exercise 2026, level " + level, b.text(".exercise-title").split(":")[0]);
                List<String[]> want = stored(2026, level);
                List<String[]> got = shown(b);
                assertEquals(want.size(), got.size());
                for (int i = 0; i < want.size(); i++) {
                    assertEquals(want.get(i)[0], got.get(i)[0], engine + " level " + level + " Q" + (i + 1));
                    assertEquals(want.get(i)[1], got.get(i)[1], engine + " level " + level + " Q" + (i + 1));
                }
            }
        }
        b.assertClean();
    }

    @Test
    void aStudentAnswersOneRightAndOneWrongAndSeesTheScoreAndTheWalk(Browser b) throws IOException {
        b.open("?engine=js&exercise=42&level=1");
        assertTrue(b.driver().findElements(By.cssSelector(".exercise-key")).stream().noneMatch(WebElement::isDisplayed),
                "the key stays hidden without answers=1");
        assertEquals("Score: 0 of 8 right · 0 checks", b.text(".exercise-score"));
        List<String[]> key = stored(42, 1);
        List<WebElement> questions = b.driver().findElements(By.cssSelector(".exercise-question"));

        assertEquals(1, questions.stream().filter(WebElement::isDisplayed).count(), "one question at a time");
        // Right: split the address by hand (bits 31:22, 21:12, 11:0).
        int at = 0;
        while (!"indexes".equals(questions.get(at).getAttribute("data-kind"))) {
            at++;
        }
        WebElement split = questions.get(at);
        b.driver().findElements(By.cssSelector(".exercise-jump")).get(at).click();
        assertTrue(split.isDisplayed());
        String prompt = split.findElement(By.cssSelector(".exercise-prompt")).getText();
        long linear = Long.parseLong(prompt.substring(prompt.indexOf("0x") + 2, prompt.indexOf("0x") + 10), 16);
        split.findElement(By.cssSelector("[data-key='directory']")).sendKeys(Long.toString(linear >> 22));
        split.findElement(By.cssSelector("[data-key='table']")).sendKeys(Long.toString((linear >> 12) & 0x3FF));
        split.findElement(By.cssSelector("[data-key='offset']")).sendKeys(Long.toHexString(linear & 0xFFF));
        split.findElement(By.cssSelector(".exercise-check")).click();
        assertEquals("right", split.getAttribute("data-state"));
        assertEquals("Right.", split.findElement(By.cssSelector(".exercise-feedback")).getText());
        assertEquals("Score: 1 of 8 right · 1 check", b.text(".exercise-score"));
        assertEquals("right", b.driver().findElements(By.cssSelector(".exercise-jump")).get(at).getAttribute("data-state"));

        // Wrong: a translation answered as if it reached physical 0.
        int index = -1;
        for (int i = 0; i < questions.size(); i++) {
            if ("translation".equals(questions.get(i).getAttribute("data-kind")) && key.get(i)[1].contains("faults no")) {
                index = i;
                break;
            }
        }
        WebElement q = questions.get(index);
        b.driver().findElements(By.cssSelector(".exercise-jump")).get(index).click();
        assertTrue(q.isDisplayed() && !split.isDisplayed());
        new Select(q.findElement(By.cssSelector("[data-key='faults']"))).selectByValue("no");
        q.findElement(By.cssSelector("[data-key='physical']")).sendKeys("0");
        q.findElement(By.cssSelector(".exercise-check")).click();
        assertEquals("wrong", q.getAttribute("data-state"));
        String feedback = q.findElement(By.cssSelector(".exercise-feedback")).getText();
        assertTrue(feedback.startsWith("✗ Not yet: Physical address (hex) is wrong or missing.")
                || feedback.startsWith("Not yet: Physical address (hex) is wrong or missing."), feedback);
        assertEquals("true", q.findElement(By.cssSelector("[data-key='physical']")).getAttribute("aria-invalid"));
        assertEquals("Score: 1 of 8 right · 2 checks", b.text(".exercise-score"));

        // On request, the walk that gives the right answer plays in the walk view.
        q.findElement(By.cssSelector(".exercise-show")).click();
        String physical = key.get(index)[1].replaceAll(".*physical (0x[0-9A-F]{8}).*", "$1");
        String address = prompt(key.get(index)[0]);
        b.waitUntil("document.getElementById('walk-mode').textContent.indexOf('" + address + "') >= 0");
        String steps = (String) b.script("return document.getElementById('walk-steps').textContent;");
        assertTrue(steps.contains(physical), "the walk reaches " + physical + ": " + steps);
        assertTrue(q.findElement(By.cssSelector(".exercise-key")).isDisplayed());
        assertEquals(key.get(index)[1], q.findElement(By.cssSelector(".exercise-key")).getText());
        String why = q.findElement(By.cssSelector(".exercise-explain")).getText();
        assertTrue(why.contains("= " + physical + "."), "Explain ends its sum at " + physical + ": " + why);

        // Retry clears the answer; the score counts it no more.
        q.findElement(By.cssSelector(".exercise-retry")).click();
        assertEquals("", q.findElement(By.cssSelector("[data-key='physical']")).getAttribute("value"));
        assertEquals("open", q.getAttribute("data-state"));
        b.assertClean();
    }

    /**
     * "Show me the walk" plays a walk for every kind: for a split question the walk of that
     * address (its directory index picks the PDE, its table index the PTE), for an entry question
     * the walk that reads that entry.
     */
    @Test
    void showMeTheWalkPlaysAWalkForIndexAndEntryQuestions(Browser b) {
        b.open("?engine=js&exercise=42&level=1&answers=1");
        List<WebElement> questions = b.driver().findElements(By.cssSelector(".exercise-question"));
        for (String kind : new String[] {"indexes", "entry"}) {
            WebElement q = questions.stream().filter(e -> kind.equals(e.getAttribute("data-kind"))).findFirst().orElseThrow();
            String prompt = q.findElement(By.cssSelector(".exercise-prompt")).getText();
            String address = prompt.substring(prompt.indexOf("0x"), prompt.indexOf("0x") + 10);
            long linear = Long.parseLong(address.substring(2), 16);
            q.findElement(By.cssSelector(".exercise-show")).click();
            b.waitUntil("document.getElementById('walk-mode').textContent.indexOf('" + address + "') >= 0");
            String steps = (String) b.script("return document.getElementById('walk-steps').textContent;");
            assertTrue(steps.contains("directory index " + (linear >> 22)), kind + ": " + steps);
            assertTrue(steps.contains("PDE " + (linear >> 22)), kind + ": the walk reads the PDE: " + steps);
            assertTrue(q.findElement(By.cssSelector(".exercise-explain")).getText().contains("32-bit paging splits it into directory index "
                    + (linear >> 22)), kind);
        }
        b.assertClean();
    }

    /** The address a translation prompt asks about ("A user read of 0x...."). */
    private static String prompt(String text) {
        int at = text.indexOf(" of 0x") + 4;
        return text.substring(at, at + 10);
    }

    @Test
    void badLinksSayWhatIsAllowedAndLeaveTheDefaultMachine(Browser b) {
        b.open("?engine=js&exercise=abc");
        assertTrue(b.text("#status").startsWith("The exercise link's seed is not a number: 'abc'"), b.text("#status"));
        assertTrue(b.text("#status").contains("SEED from 0 to 4294967295"), b.text("#status"));
        assertTrue(!b.find("#exercise-view").isDisplayed());
        b.open("?engine=js&exercise=5&level=9");
        assertEquals("The exercise link's level must be 1 to 5 (1 4 KiB pages, 2 with 4 MiB pages, 3 rights and CR0.WP, "
                + "4 the TLB and INVLPG, 5 two address spaces), was '9'.", b.text("#status"));
        b.assertClean();
    }
}
