package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
        assertEquals("Step 5 of 5", b.text(".lesson-step-count"));
        assertFalse(b.find("#lesson-next").isEnabled(), "the last step reached");
        assertTrue(b.text(".lesson-summary").matches("Done: \\d+ checks held, 0 failed\\."), b.text(".lesson-summary"));
        b.find(".lesson-detail summary").click();
        assertTrue(b.find(".lesson-lines").isDisplayed(), "the listing opens");
        b.screenshot("guided-lesson-1280x800");
        b.assertClean();
    }
}
