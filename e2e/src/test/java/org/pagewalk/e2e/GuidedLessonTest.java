package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * A lesson plays as steps (the stretches between its pause lines): Next runs one and shows its
 * notes beside the views, which react; Back replays up to the step before; Restart goes back to
 * the introduction; a progress bar counts the steps; the line listing is a detail to open.
 * Lesson 03 (the first user mapping) has 5 steps; its first maps nothing yet, its second maps
 * 0x08048000 with a page table at 0x00256000 (frame 0x255 went to the page itself).
 */
@InBrowser
class GuidedLessonTest {

    private static String state(Browser b) {
        return (String) b.script("return window.pagewalk.state();");
    }

    @Test
    void nextBackAndRestart(Browser b) {
        b.emulateViewport(1280, 800, 1, false);
        b.open("?engine=js&scenario=03-first-mapping.pw");
        assertEquals("Step 0 of 5", b.text(".lesson-step-count"));
        assertTrue(b.text(".lesson-narrative").startsWith("Mapping a page takes two steps"), b.text(".lesson-narrative"));
        assertFalse(b.find(".lesson-lines").isDisplayed(), "the line listing is a closed detail");
        assertFalse(b.find("#lesson-back").isEnabled(), "nothing to go back to");
        // The narrative sits beside the views: on screen, left of the walk.
        LayoutProbe p = new LayoutProbe(b);
        p.assertOnScreen("#lesson-next", "the Next button");
        assertTrue(p.box("#lesson-view")[2] <= p.box("#walk")[0], "the lesson is beside the walk, not above it");

        b.find("#lesson-next").click();
        assertEquals("Step 1 of 5", b.text(".lesson-step-count"));
        assertEquals("1", b.find(".lesson-meter").getAttribute("value"));
        assertTrue(b.text(".lesson-narrative").contains("A frame for the page."), b.text(".lesson-narrative"));
        assertTrue(b.text(".lesson-narrative").contains("checks held"), b.text(".lesson-narrative"));
        assertTrue(state(b).contains("\"totalAlloc\":6"), "step 1 allocated one frame: " + state(b));

        b.find("#lesson-next").click();
        assertEquals("Step 2 of 5", b.text(".lesson-step-count"));
        assertTrue(b.text(".lesson-narrative").contains("PDE 32"), b.text(".lesson-narrative"));
        // The views reacted: PDE 32 now points to the new page table.
        b.waitUntil("document.querySelector('#directory-view .grid-readout').textContent.length > 0");
        assertTrue(state(b).contains("\"totalAlloc\":7"), state(b));

        b.find("#lesson-back").click();
        assertEquals("Step 1 of 5", b.text(".lesson-step-count"));
        assertTrue(b.text(".lesson-narrative").contains("A frame for the page."), b.text(".lesson-narrative"));
        assertTrue(state(b).contains("\"totalAlloc\":6"), "Back undid step 2's mapping: " + state(b));

        b.find("#lesson-restart").click();
        assertEquals("Step 0 of 5", b.text(".lesson-step-count"));
        assertTrue(b.text(".lesson-narrative").startsWith("Mapping a page takes two steps"), b.text(".lesson-narrative"));
        for (int i = 0; i < 5; i++) {
            b.find("#lesson-next").click();
        }
        // Step 5 asks a question; answered right, Next goes on.
        answer(b, "yes", "yes", "no", "yes", "0xC0000000");
        assertEquals("Right.", b.text(".lesson-question .exercise-feedback"));
        b.find("#lesson-next").click();
        assertEquals("Step 5 of 5", b.text(".lesson-step-count"));
        assertFalse(b.find("#lesson-next").isEnabled(), "the last step reached");
        assertTrue(b.text(".lesson-summary").matches("Done: \\d+ checks held, 0 failed\\."), b.text(".lesson-summary"));
        b.find(".lesson-detail summary").click();
        assertTrue(b.find(".lesson-lines").isDisplayed(), "the listing opens");
        b.screenshot("guided-lesson-1280x800");
        b.assertClean();
    }

    /** Fills the lesson question's translation fields: faults, P, W/R, U/S (yes/no), CR2; then Check. */
    private static void answer(Browser b, String faults, String p, String wr, String us, String cr2) {
        WebElement q = b.find(".lesson-question .exercise-question");
        new Select(q.findElement(By.cssSelector("[data-key='faults']"))).selectByValue(faults);
        new Select(q.findElement(By.cssSelector("[data-key='p']"))).selectByValue(p);
        new Select(q.findElement(By.cssSelector("[data-key='wr']"))).selectByValue(wr);
        new Select(q.findElement(By.cssSelector("[data-key='us']"))).selectByValue(us);
        WebElement c = q.findElement(By.cssSelector("[data-key='cr2']"));
        c.clear();
        c.sendKeys(cr2);
        q.findElement(By.cssSelector(".exercise-check")).click();
    }

    /**
     * Lesson 03's last step asks what a user read of 0xC0000000 does: the step stops at the
     * question with the exercise fields, Next waits; a wrong answer keeps it waiting and offers
     * the walk; the walk plays in the views (a protection fault: PDE 768 is supervisor-only),
     * then Next takes the walk back and runs the rest of the step.
     */
    @Test
    void aLessonStepWithAQuestionWaitsAndContinues(Browser b) {
        b.emulateViewport(1280, 800, 1, false);
        b.open("?engine=js&scenario=03-first-mapping.pw");
        for (int i = 0; i < 4; i++) {
            b.find("#lesson-next").click();
        }
        assertEquals("Step 4 of 5", b.text(".lesson-step-count"));
        String before = state(b);
        b.find("#lesson-next").click();
        assertEquals("Step 5 of 5 · a question", b.text(".lesson-step-count"));
        assertTrue(b.text(".lesson-narrative").contains("The kernel can read user pages"), b.text(".lesson-narrative"));
        assertTrue(b.text(".lesson-question .exercise-prompt").startsWith("a user read of 0xC0000000"),
                b.text(".lesson-question .exercise-prompt"));
        assertFalse(b.find("#lesson-next").isEnabled(), "Next waits for the answer");
        new LayoutProbe(b).assertOnScreen(".lesson-question .exercise-check", "the question's Check button");

        // Wrong: "it reaches physical 0".
        WebElement q = b.find(".lesson-question .exercise-question");
        new Select(q.findElement(By.cssSelector("[data-key='faults']"))).selectByValue("no");
        q.findElement(By.cssSelector("[data-key='physical']")).sendKeys("0");
        q.findElement(By.cssSelector(".exercise-check")).click();
        assertEquals("wrong", q.getAttribute("data-state"));
        assertFalse(b.find("#lesson-next").isEnabled(), "a wrong answer still waits");
        assertFalse(b.text(".lesson-narrative").contains("Error code 5 = P"), "the rest of the step has not run");

        // Show me the walk: the fault plays in the walk view, the key and its explanation appear.
        q.findElement(By.cssSelector(".exercise-show")).click();
        b.waitUntil("document.getElementById('walk-mode').textContent.indexOf('0xC0000000') >= 0");
        b.waitUntil("document.getElementById('walk-steps').textContent.indexOf('fault') >= 0");
        assertEquals("answer: faults yes, p yes, wr no, us yes, cr2 0xC0000000", b.text(".lesson-question .exercise-key"));
        assertTrue(b.text(".lesson-question .exercise-explain").contains("error code 0x5"),
                b.text(".lesson-question .exercise-explain"));
        assertTrue(b.find("#lesson-next").isEnabled(), "after the walk the lesson may go on");

        b.find("#lesson-next").click();
        assertEquals("Step 5 of 5", b.text(".lesson-step-count"));
        assertTrue(b.text(".lesson-narrative").contains("Error code 5 = P"), b.text(".lesson-narrative"));
        assertTrue(b.driver().findElements(By.cssSelector(".lesson-question")).isEmpty(), "the question is gone");
        assertTrue(b.text(".lesson-summary").matches("Done: \\d+ checks held, 0 failed\\."), b.text(".lesson-summary"));
        // The machine as it was (the current address stays on the question's, the student's selection).
        assertEquals(before.replace("\"address\":\"0x08048000\"", "\"address\":\"0xC0000000\""), state(b), "the walk shown was taken back: the lesson goes on from its own machine");
        b.screenshot("guided-lesson-question-1280x800");
        b.assertClean();
    }
}
