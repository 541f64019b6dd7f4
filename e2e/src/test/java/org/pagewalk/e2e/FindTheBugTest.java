package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** {@code ?lab=DEFECT}: run the symptom, pick the faulty line, get it checked, compare with the fix. */
@InBrowser
class FindTheBugTest {
    private static void pick(Browser b, int line) {
        b.find(".bug-excerpt input[data-line='" + line + "']").click();
        b.find(".lab-question .exercise-check").click();
    }

    @Test
    void aStudentRunsTheSymptomPicksALineAndComparesWithTheFix(Browser b) {
        b.open("?engine=js&lab=frame-multiply");
        assertEquals("Find the bug: frame-multiply", b.text(".exercise-title"));
        b.find(".lab-run").click();
        assertTrue(b.text("#status").startsWith("Ran "), b.text("#status"));
        // The symptom the lesson's as-written part ends with: the first page table built at physical 0.
        assertEquals("passed: ok", b.script("return window.pagewalk.run('expect pde 32 = 0x00000207 mask 0xFFFFFF9F');"));

        WebElement question = b.find(".lab-question");
        b.find(".lab-question .exercise-check").click();
        assertEquals("Pick a line first: the one you think is faulty.", b.text(".lab-question .exercise-feedback"));
        pick(b, 7);
        assertEquals("wrong", question.getAttribute("data-state"));
        assertTrue(b.text(".lab-question .exercise-feedback").startsWith("Not line 7"), b.text(".lab-question .exercise-feedback"));
        pick(b, 9);
        assertEquals("right", question.getAttribute("data-state"));
        assertTrue(b.text(".lab-question .exercise-feedback").startsWith("Right: line 9. The bit it marks is frame b*8+i"),
                b.text(".lab-question .exercise-feedback"));

        b.find(".lab-compare").click();
        assertTrue(b.find(".bug-fixed").isDisplayed());
        assertEquals("                return (b * 8 + i) * 0x1000;", b.text(".bug-fixed .fixed-line"));
        // The fixed variant keeps the C's indentation: line 2 starts four spaces in, one level deeper
        // than line 1 ("uint32_t pmmAllocPageFrame(void) {"), in the excerpt and in the fixed variant.
        for (String list : new String[] {".lab-question .bug-excerpt:not(.bug-fixed)", ".bug-fixed"}) {
            Number indent = (Number) b.script("var codes = document.querySelectorAll(arguments[0] + ' code');"
                    + "function left(code) { var t = code.firstChild; var i = t.data.search(/\\S/);"
                    + "  var r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect().left; }"
                    + "var w = codes[0].getBoundingClientRect().width / codes[0].textContent.length;"
                    + "return Math.round((left(codes[1]) - left(codes[0])) / w);",
                    list);
            assertEquals(4, indent.intValue(), list + ": line 2 is indented by 4 characters");
        }
        b.assertClean();
    }

    @Test
    void anUnknownLabSaysWhichExist(Browser b) {
        b.open("?engine=wasm&lab=nope");
        assertEquals("No find-the-bug lab is called 'nope'; the labs are frame-multiply, bitmap-512m, byte-rounding, "
                + "no-oom-check, silent-remap, invlpg-operand, heap-0x0D000000.", b.text("#status"));
        b.assertClean();
    }
}
