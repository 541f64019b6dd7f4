package org.pagewalk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pagewalk.e2e.harness.Browser;
import org.pagewalk.e2e.harness.InBrowser;

/** The walk: every step in words, the core's physical address, the TLB short-cut, faults, playback. */
@InBrowser
class WalkViewTest {

    @Test
    void aReadShowsEveryStepAndTheCoresPhysicalAddressThenATlbHit(Browser browser) {
        PanelsPage.openBare(browser, "?engine=wasm");
        ViewProbe v = new ViewProbe(browser);
        v.run("memMapPage 0x08048000 0x00600000 WRITE|USER");
        String result = v.run("read 0x08048004");
        // "ok: kernel read 0x08048004 -> physical 0x00600004 (TLB miss, walked) = 0x00000000"
        String physical = result.substring(result.indexOf("-> physical ") + 12, result.indexOf("-> physical ") + 22);
        assertEquals("0x00600004", physical);
        assertEquals("access", browser.script("return document.getElementById('walk').dataset.mode;"));
        v.walkToEnd();
        List<String> steps = v.walkSentences();
        // PDE 32's table is the first frame allocated after init_mm, 0x255 (the arithmetic: ViewProbe's class comment).
        assertEquals(List.of(
                "Translate 0x08048004 for a kernel read: directory index 32 (bits 31..22), table index 72 (bits 21..12), offset 0x004 (bits 11..0).",
                "TLB miss in set 8: the CPU must walk the page tables in memory.",
                "CR3 holds the page directory's physical address: 0x0010B000.",
                "PDE 32 at physical 0x0010B080 (0x0010B000 + 4 x 32) = 0x00255267: present, page table at 0x00255000, user, writable, accessed.",
                "PTE 72 at physical 0x00255120 (0x00255000 + 4 x 72) = 0x00600007: present, 4 KiB page at 0x00600000, user, writable.",
                "The CPU sets Accessed in the PTE: 0x00600007 becomes 0x00600027 in memory.",
                "The translation is cached in TLB set 8, way 0, so the next access to this page needs no walk.",
                "Frame 0x00600000 + offset 0x004 = physical " + physical + "."), steps);
        assertEquals(steps.get(steps.size() - 1), browser.text("#walk-sentence"), "the sentence under the walk is the step shown");
        assertTrue(browser.text("#narration").endsWith(steps.get(steps.size() - 1)), browser.text("#narration"));
        assertTrue(browser.text("#walk-mode").startsWith("Last access: kernel read of 0x08048004"), browser.text("#walk-mode"));
        browser.waitUntil("document.getElementById('address-input').value === '0x08048004'");

        v.run("read 0x08048008");
        v.walkToEnd();
        steps = v.walkSentences();
        assertEquals(3, steps.size(), steps.toString());
        assertTrue(steps.get(1).startsWith("TLB hit in set 8, way 0"), steps.get(1));
        assertEquals("Frame 0x00600000 + offset 0x008 = physical 0x00600008.", steps.get(2));
        // The TLB hit arrow runs from the address chip down to y = 36 and across to the frame
        // (WalkView: four columns of (width - 3 x 22) / 4, the chip's centre at half a column, a
        // 2 px line centred on y = 36, so rows 35 and 36 are solid). 10 px right of its corner:
        int column = (v.cssWidth("#walk-canvas") - 3 * 22) / 4;
        v.assertColour("--pw-table", v.cssPixel("#walk-canvas", column / 2.0 + 10, 35.5), "the TLB hit arrow (table green)");
        browser.assertClean();
    }

    @Test
    void aFaultIsRedWithItsErrorCodeAndCr2(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        assertEquals(0, v.count("#walk-canvas", "--pw-fault"), "no red before a fault");
        v.run("read user 0x09000000");
        v.walkToEnd();
        String last = browser.text("#walk-sentence");
        assertEquals("Page fault (#PF): error code 0x4 = P=0 W/R=0 U/S=1 RSVD=0; CR2 = 0x09000000 (the faulting address).", last);
        assertEquals("0x09000000", v.state("cr2"));
        assertTrue(browser.find("#walk-sentence").getAttribute("class").contains("is-fault"));
        // The walk ends on the TLB bar (y 114..144), ringed in the fault colour: a 2.5 px line whose
        // left edge covers x 0..2.5, so x = 1 half-way down the bar is solid fault red.
        v.assertColour("--pw-fault", v.cssPixel("#walk-canvas", 1.5, 129), "the fault ring round the TLB bar");
        browser.assertClean();
    }

    @Test
    void playbackStepsBackAndForth(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        v.run("read 0xD0000000");
        browser.find("#walk .walk-play").click();          // pause the autoplay
        browser.find("#walk .walk-first").click();
        assertEquals("0", browser.script("return document.getElementById('walk').dataset.step;"));
        String first = browser.text("#walk-sentence");
        assertTrue(first.startsWith("Translate 0xD0000000"), first);
        browser.find("#walk .walk-step").click();
        assertEquals("1", browser.script("return document.getElementById('walk').dataset.step;"));
        assertTrue(browser.text("#narration").startsWith("Step 2 of "), browser.text("#narration"));
        browser.find("#walk .walk-back").click();
        assertEquals(first, browser.text("#walk-sentence"));
        browser.find("#walk .walk-speed").click();
        assertEquals("Speed 2×", browser.text("#walk .walk-speed"));
        browser.find("#walk .walk-play").click();
        browser.waitUntil("document.getElementById('walk').dataset.playing === '1'");
        browser.waitUntil("document.getElementById('walk').dataset.playing === '0'");
        assertEquals(browser.script("return String(document.getElementById('walk').dataset.steps - 1);"),
                browser.script("return document.getElementById('walk').dataset.step;"), "played to the end");
        browser.assertClean();
    }

    @Test
    void reducedMotionShowsTheWholeWalkAtOnce(Browser browser) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        v.run("read 0xD0000000");
        assertEquals("0", browser.script("return document.getElementById('walk').dataset.playing;"));
        assertEquals(browser.script("return String(document.getElementById('walk').dataset.steps - 1);"),
                browser.script("return document.getElementById('walk').dataset.step;"));
        browser.assertClean();
    }

    @Test
    void previewFollowsTheSelectionWithoutChangingAnything(Browser browser) {
        PanelsPage.openBare(browser, "?engine=js");
        ViewProbe v = new ViewProbe(browser);
        assertEquals("preview", browser.script("return document.getElementById('walk').dataset.mode;"));
        String misses = v.state("tlbMisses");
        browser.find("#address-input").clear();
        browser.find("#address-input").sendKeys("0xD0000010\n");
        browser.waitUntil("document.getElementById('walk-mode').textContent.indexOf('0xD0000010') >= 0");
        List<String> steps = v.walkSentences();
        // Heap page 0 is frame 0x250, the first one init_mm allocates (the arithmetic: ViewProbe's class comment).
        assertEquals("Frame 0x00250000 + offset 0x010 = physical 0x00250010.", steps.get(steps.size() - 1));
        assertEquals(misses, v.state("tlbMisses"), "a preview does not touch the TLB");
        browser.assertClean();
    }
}
