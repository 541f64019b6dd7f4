package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/**
 * The two-minute tour: what paging is in three sentences, then one view pointed out per step on
 * the live screen (ringed, and on a phone its tab opened), ending when the student's own user
 * read goes through a 4 KiB page table.
 */
@InBrowser
class TourTest {
    /** The views the tour points at, step by step. */
    private static final String[] POINTED = {"address-split", "walk", "directory-view", "table-view", "tlb-view",
        "memory-view", "bottom", "controls"};

    @Test
    void theTourPointsAtEachViewAndEndsWithTheStudentsTranslation(Browser b) {
        b.emulateViewport(1280, 800, 1, false);
        b.open("?engine=js");
        b.find("#start-tour").click();
        assertEquals("Lesson: The two-minute tour", b.text(".lesson-title"));
        assertTrue(b.text(".lesson-narrative").contains("What paging is, in three sentences."), b.text(".lesson-narrative"));
        for (int i = 0; i < POINTED.length; i++) {
            b.find("#lesson-next").click();
            assertEquals("Step " + (i + 1) + " of " + POINTED.length, b.text(".lesson-step-count"));
            assertEquals(1L, b.script("return document.querySelectorAll('.tour-spot').length;"), "one view is pointed at");
            assertEquals(POINTED[i], b.script("return document.querySelector('.tour-spot').id;"));
        }
        assertTrue(b.text(".lesson-narrative").startsWith("Now you."), b.text(".lesson-narrative"));
        // The student's own translation, through the Access form: User is already chosen.
        b.find("#access-address").clear();
        b.find("#access-address").sendKeys("0x08048ABC");
        b.find("#access-read").click();
        b.waitUntil("document.body.dataset.tourStep === 'done'");
        String done = b.text(".tour-done");
        assertTrue(done.startsWith("Tour complete: your first translation."), done);
        // 0x08048ABC: the page the default machine mapped, frame 0x00255000, offset 0xABC.
        assertTrue(done.contains("0x08048ABC") && done.contains("0x00255ABC") && done.contains("TLB miss"), done);
        assertEquals(0L, b.script("return document.querySelectorAll('.tour-spot').length;"), "no view pointed at any more");
        b.screenshot("tour-done-1280x800");
        b.assertClean();
    }

    @Test
    void onAPhoneTheTourOpensTheTabOfTheViewItPointsAt(Browser b) {
        b.emulateViewport(390, 844, 3, true);
        b.open("?engine=js&scenario=00-tour.pw");
        for (int i = 0; i < 3; i++) {
            b.find("#lesson-next").click();
        }
        assertEquals("directory", b.script("return document.body.dataset.viewTab;"));
        assertTrue(b.find("#directory-view").isDisplayed());
        // The student reads the step and presses Next without scrolling: the lesson sits at the
        // bottom of the screen while the view it points at is in sight above it (once the tour's
        // smooth scroll to that view has ended).
        b.waitUntil("(function () { var n = document.querySelector('#lesson-next').getBoundingClientRect(),"
                + " l = document.querySelector('.lesson-narrative').getBoundingClientRect(),"
                + " v = document.querySelector('.tour-spot').getBoundingClientRect(),"
                + " sheet = document.querySelector('#lesson-view').getBoundingClientRect();"
                + " return n.top >= 0 && n.bottom <= innerHeight && l.top >= 0 && l.top < innerHeight"
                + " && v.top >= 0 && v.top + 40 <= sheet.top; })()");
        b.find("#lesson-next").click();
        assertEquals("table", b.script("return document.body.dataset.viewTab;"));
        new LayoutProbe(b).assertNoSmallText();
        b.screenshot("tour-phone");
        b.assertClean();
    }
}
