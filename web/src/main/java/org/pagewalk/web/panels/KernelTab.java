package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.PhysicalMemory;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The Kernel tab: every function of CeanOS's memory manager, one at a time (picked from a list),
 * each a form with its arguments; the call is one scenario line.
 */
final class KernelTab {
    private static final String[] MAP_FLAGS = {"WRITE", "USER", "PWT", "PCD", "GLOBAL"};
    private static final String[] MAP_FLAG_HELP = {"writable", "user pages (CPL 3)", "write-through",
        "cache disabled", "global (with CR4.PGE)"};

    private final App app;
    private final HTMLSelectElement select;
    private final HTMLElement about;
    private final HTMLElement noKernel;
    private final Dom dom;
    final Outcome outcome;
    private final List<String> names = new ArrayList<>();
    private final List<String> abouts = new ArrayList<>();
    private final List<ActionForm> forms = new ArrayList<>();
    private Field mapPhysical;
    private Field freePhysical;
    private Field initHigh;
    private Field initStart;
    private int syncedFrames = -1;

    KernelTab(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        this.dom = dom;
        outcome = new Outcome(dom, "kernel-outcome");
        noKernel = dom.add(panel, "p", "notice", "This machine has no CeanOS kernel (a bare machine): boot CeanOS in the Boot tab to call its functions.");
        noKernel.setHidden(true);
        HTMLElement pick = dom.add(panel, "div", "field");
        HTMLElement label = dom.add(pick, "label", "field-label", "Function");
        label.setAttribute("for", "kernel-fn");
        select = dom.add(pick, dom.el("select", "input mono").cast());
        select.setId("kernel-fn");
        select.setAttribute("aria-describedby", "kernel-fn-about");
        about = dom.add(panel, "p", "form-about");
        about.setId("kernel-fn-about");

        ActionForm f = form(panel, "memMapPage", "Map",
                "memMapPage(virtual, physical, flags): puts a PTE for the virtual page, allocating a page table if its PDE is not present, then INVLPG.");
        Field mapVirtual = f.field("kernel-memMapPage-virtual", "Virtual address (page aligned)", "0x08048000", null, Num::page);
        mapPhysical = f.field("kernel-memMapPage-physical", "Physical frame (page aligned)", "0x00300000",
                "Tip: Allocate frame (pmmAllocPageFrame) fills this in.", Num::page);
        HTMLElement flags = f.add(dom.el("fieldset", "checks inline"));
        dom.add(flags, "legend", "field-label", "Flags (PRESENT is always set)");
        Check[] flagChecks = new Check[MAP_FLAGS.length];
        for (int i = 0; i < MAP_FLAGS.length; i++) {
            flagChecks[i] = new Check(dom, "kernel-memMapPage-flag-" + MAP_FLAGS[i], MAP_FLAGS[i], null);
            flagChecks[i].box.setAttribute("title", MAP_FLAG_HELP[i]);
            flags.appendChild(flagChecks[i].row);
        }
        flagChecks[0].set(true);
        Check remap = new Check(dom, "kernel-memMapPage-remap", "Remap: replace a present mapping",
                "Without it, the fixed kernel refuses to map over a present page.");
        f.add(remap.row);
        f.onSubmit(() -> {
            int bits = 0;
            for (int i = 0; i < MAP_FLAGS.length; i++) {
                if (flagChecks[i].on()) {
                    bits |= PageFlags.byName(MAP_FLAGS[i]);
                }
            }
            run("memMapPage " + Hex.hex32(mapVirtual.value()) + " " + Hex.hex32(mapPhysical.value()) + " "
                    + PageFlags.format(bits) + (remap.on() ? " remap" : ""));
        });

        f = form(panel, "memUnmapPage", "Unmap",
                "memUnmapPage(virtual): clears the PTE, INVLPG, and returns the frame it mapped (free it with pmmFreePageFrame).");
        Field unmap = f.field("kernel-memUnmapPage-virtual", "Virtual address (page aligned)", "0x08048000", null, Num::page);
        f.onSubmit(() -> run("memUnmapPage " + Hex.hex32(unmap.value())));

        f = form(panel, "memIsPagePresent", "Check",
                "memIsPagePresent(virtual): 1 if the current directory maps the page, read through the recursive window.");
        Field present = f.field("kernel-memIsPagePresent-virtual", "Virtual address", "0x08048000", null, Num::number);
        f.onSubmit(() -> run("memIsPagePresent " + Hex.hex32(present.value())));

        f = form(panel, "pmmAllocPageFrame", "Allocate frame",
                "pmmAllocPageFrame(): the first free frame in [pageFrameMin, pageFrameMax), marked used in the bitmap; returns its physical address.");
        f.onSubmit(() -> run("pmmAllocPageFrame"));

        f = form(panel, "pmmFreePageFrame", "Free frame",
                "pmmFreePageFrame(physical): marks the frame free in the bitmap; totalAlloc goes down by one.");
        freePhysical = f.field("kernel-pmmFreePageFrame-physical", "Physical frame (page aligned)", "0x00256000", null, Num::page);
        f.onSubmit(() -> run("pmmFreePageFrame " + Hex.hex32(freePhysical.value())));

        f = form(panel, "invalidate", "Invalidate",
                "invalidate(virtual): INVLPG of the page, so the TLB forgets it (the as-written kernel invalidates its own stack slot instead).");
        Field inv = f.field("kernel-invalidate-virtual", "Virtual address", "0x08048000", null, Num::number);
        f.onSubmit(() -> run("invalidate " + Hex.hex32(inv.value())));

        f = form(panel, "syncPageDirs", "Sync",
                "syncPageDirs(): copies initial_page_dir's kernel half (PDEs 768..1022) into every directory in use.");
        f.onSubmit(() -> run("syncPageDirs"));

        f = form(panel, "memGetCurrentPageDir", "Get",
                "memGetCurrentPageDir(): CR3 + KERNEL_START, the current directory's kernel virtual address.");
        f.onSubmit(() -> run("memGetCurrentPageDir"));

        f = form(panel, "kmallocInit", "Init heap",
                "kmallocInit(size): the kernel heap at KERNEL_MALLOC, grown page by page with pmmAllocPageFrame and memMapPage.");
        Field kinit = f.field("kernel-kmallocInit-size", "Initial heap size (bytes)", "0x4000", null,
                (t, out) -> heapSize(t, out));
        f.onSubmit(() -> run("kmallocInit " + Hex.hex32(kinit.value())));

        f = form(panel, "changeHeapSize", "Resize heap",
                "changeHeapSize(size): maps more heap pages when the size grows past a page boundary; returns the new size.");
        Field heap = f.field("kernel-changeHeapSize-size", "New heap size (bytes)", "0x5000", null, (t, out) -> heapSize(t, out));
        f.onSubmit(() -> run("changeHeapSize " + Hex.hex32(heap.value())));

        f = form(panel, "initMemory", "Run initMemory",
                "initMemory(memHigh, physicalAllocStart): clears PDE 0, sets the recursive PDE 1023, calls pmm_init and empties the directory pool.");
        initHigh = f.field("kernel-initMemory-high", "memHigh (end of usable RAM)", "0x02000000", null, Num::number);
        initStart = f.field("kernel-initMemory-start", "physicalAllocStart", "0x00250000", null, Num::number);
        f.onSubmit(() -> run("initMemory " + Hex.hex32(initHigh.value()) + " " + Hex.hex32(initStart.value())));

        f = form(panel, "pmm_init", "Run pmm_init",
                "pmm_init(memLow, memHigh): pageFrameMin = ceil(memLow / 4096), pageFrameMax = memHigh / 4096, totalAlloc = 0, bitmap cleared.");
        Field low = f.field("kernel-pmm_init-low", "memLow", "0x00250000", null, Num::number);
        Field high = f.field("kernel-pmm_init-high", "memHigh", "0x02000000", null, Num::number);
        f.onSubmit(() -> run("pmm_init " + Hex.hex32(low.value()) + " " + Hex.hex32(high.value())));

        f = form(panel, "init_mm", "Run init_mm",
                "init_mm (kernel.c): initMemory with the RAM size and the kernel image's end, then kmallocInit(0x4000).");
        f.onSubmit(() -> run("init_mm"));

        panel.appendChild(outcome.box);
        Guard.on(select, "change", e -> show(select.getSelectedIndex()));
        show(0);
    }

    private static String heapSize(String text, int[] out) {
        String error = Num.size(text, out);
        if (error != null) {
            return error;
        }
        if (Integer.compareUnsigned(out[0], CeanOs.MAX_HEAP) > 0) {
            return Hex.hex32(out[0]) + " is out of range: the heap may be 0 to " + Hex.hex32(CeanOs.MAX_HEAP) + " bytes (256 MiB).";
        }
        return null;
    }

    private ActionForm form(HTMLElement panel, String name, String button, String text) {
        ActionForm f = new ActionForm(dom, "kernel-" + name, null, button);
        f.form.setAttribute("aria-label", name);
        f.form.setHidden(true);
        panel.appendChild(f.form);
        HTMLElement option = dom.add(select, "option", null, name);
        option.setAttribute("value", name);
        names.add(name);
        abouts.add(text);
        forms.add(f);
        return f;
    }

    private void show(int index) {
        if (index < 0 || index >= forms.size()) {
            return;
        }
        for (int i = 0; i < forms.size(); i++) {
            Dom.hide(forms.get(i).form, i != index);
        }
        Dom.text(about, abouts.get(index));
    }

    private void run(String line) {
        StepResult r = app.run(line);
        outcome.show(app, r, false);
        CallResult call = app.session().lastCall();
        if (r != null && r.status() == StepResult.Status.OK && call != null && call.ok()
                && "pmmAllocPageFrame".equals(call.function()) && call.returnsValue()) {
            // The frame just allocated is what one maps or frees next.
            mapPhysical.set(Hex.hex32(call.value()));
            freePhysical.set(Hex.hex32(call.value()));
        }
    }

    /** Follows the machine: the notice on a bare machine, initMemory's defaults after a new boot. */
    void update() {
        CeanOs os = app.session().os();
        Dom.hide(noKernel, os != null);
        int frames = app.session().machine().memory().frames();
        if (frames != syncedFrames && os != null) {
            syncedFrames = frames;
            initHigh.set(Hex.hex32(frames == PhysicalMemory.MAX_FRAMES ? 0xFFFFF000 : frames << 12));
            initStart.set(Hex.hex32(os.layout().kernelEnd()));
        }
    }
}
