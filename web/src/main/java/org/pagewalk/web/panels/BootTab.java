package org.pagewalk.web.panels;

import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.Defect;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The Boot tab: a new machine (RAM, TLB geometry) with CeanOS (fixed or as written, each
 * as-written defect a checkbox saying what it breaks) or bare. The form shows the machine as it
 * is until you change something.
 */
final class BootTab implements Controls.Form {
    private final App app;
    private final Choice machine;
    private final Choice variant;
    private final ActionForm form;
    private final Field ram;
    private final Field entries;
    private final Field ways;
    private final HTMLElement defectBox;
    private final Check[] defects = new Check[Defect.values().length];
    private final Check initMm;
    final Outcome outcome;
    private boolean dirty;

    BootTab(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        machine = new Choice(dom, "boot-machine", "Machine", "ceanos", "CeanOS (boot.s state)", "bare", "Bare (paging off)");
        variant = new Choice(dom, "boot-variant", "CeanOS variant", "fixed", "Fixed (refuses bad calls)",
                "as-written", "As written (the original C, defects on)");
        form = new ActionForm(dom, "boot-form", null, "Boot");
        initMm = new Check(dom, "boot-init-mm", "Then run init_mm",
                "As kernel.c does: initMemory with the RAM size, then kmallocInit(0x4000).");
        outcome = new Outcome(dom, "boot-outcome");
        form.form.setAttribute("aria-label", "Boot a new machine");
        dom.add(panel, "p", "form-about", "Start again on a new machine. Everything from before goes (undo brings it back).");
        panel.appendChild(form.form);
        form.add(machine.fieldset);
        ram = form.field("boot-ram", "RAM", "32M", "1M to 4G, e.g. 32M, 512M, 4G.", (t, out) -> Num.ram(t, minimumRam(), out));
        entries = form.field("boot-tlb-entries", "TLB entries", "64", null,
                (t, out) -> Num.range(t, 1, TlbGeometry.MAX_ENTRIES, "entries", out));
        ways = form.field("boot-tlb-ways", "TLB ways (associativity)", "4", "Sets = entries / ways must be a power of two.",
                (t, out) -> Num.range(t, 1, TlbGeometry.MAX_ENTRIES, "ways", out));
        form.add(variant.fieldset);
        defectBox = form.add(dom.el("fieldset", "checks defects"));
        defectBox.setId("boot-defects");
        dom.add(defectBox, "legend", "field-label", "As-written defects");
        for (Defect d : Defect.values()) {
            Check c = new Check(dom, "boot-defect-" + d.key(), d.key(), d.consequence());
            c.box.setAttribute("title", d.code());
            c.set(true);
            defects[d.ordinal()] = c;
            defectBox.appendChild(c.row);
            c.onChange(() -> dirty = true);
        }
        initMm.set(true);
        form.add(initMm.row);
        panel.appendChild(outcome.box);
        machine.onChange(() -> {
            dirty = true;
            layout();
        });
        variant.onChange(() -> {
            dirty = true;
            layout();
        });
        initMm.onChange(() -> dirty = true);
        for (Field f : new Field[] {ram, entries, ways}) {
            Guard.on(f.input, "input", e -> dirty = true);
        }
        form.onSubmit(this::submit);
        layout();
    }

    private boolean ceanos() {
        return "ceanos".equals(machine.value());
    }

    private boolean asWritten() {
        return "as-written".equals(variant.value());
    }

    private int minimumRam() {
        if (!ceanos()) {
            return 0;
        }
        boolean short512 = asWritten() && defects[Defect.BITMAP_512_MIB.ordinal()].on();
        return new KernelLayout(short512).kernelEnd();
    }

    private void layout() {
        boolean c = ceanos();
        Dom.hide(variant.fieldset, !c);
        Dom.hide(defectBox, !c);
        Dom.hide(initMm.row, !c);
        boolean on = c && asWritten();
        for (Check d : defects) {
            // Only a change is written: setting it again still restyles the box after every action.
            if (d.box.isDisabled() == on) {
                d.box.setDisabled(!on);
            }
        }
        Dom.toggle(defectBox, "disabled", !on);
    }

    private void submit() {
        String error = TlbGeometry.check(entries.value(), ways.value());
        if (error != null) {
            boolean entriesWrong = entries.value() < 1 || entries.value() > TlbGeometry.MAX_ENTRIES;
            Field at = entriesWrong ? entries : ways;
            at.show(error + ". For example 64 entries with 4 ways (16 sets), 8 with 8 (fully associative), 4 with 1 (direct-mapped).");
            at.input.focus();
            return;
        }
        StringBuilder line = new StringBuilder("boot ").append(ceanos() ? "ceanos" : "bare")
                .append(" ram=").append(Num.ramText(ram.value()))
                .append(" tlb=").append(entries.value()).append('x').append(ways.value());
        if (ceanos() && asWritten()) {
            line.append(" variant=as-written defects=").append(defectList());
        }
        dirty = false;
        StepResult r = app.run(line.toString());
        if (r != null && r.status() == StepResult.Status.OK && ceanos() && initMm.on()) {
            StepResult mm = app.run("init_mm");
            if (mm != null && mm.status() == StepResult.Status.OK) {
                outcome.note("ok", Outcome.clean(r.message()) + "; init_mm done.");
            } else {
                outcome.show(app, mm, false);
            }
            return;
        }
        outcome.show(app, r, false);
    }

    private String defectList() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Defect d : Defect.values()) {
            if (defects[d.ordinal()].on()) {
                sb.append(n == 0 ? "" : ",").append(d.key());
                n++;
            }
        }
        return n == 0 ? "none" : n == Defect.values().length ? "all" : sb.toString();
    }

    /** The line that boots a machine like the current one again (Reset). */
    static String bootLine(App app) {
        Machine m = app.session().machine();
        TlbGeometry g = m.config().tlb();
        String base = " ram=" + Num.ramText(m.memory().frames()) + " tlb=" + g.entries() + "x" + g.ways();
        CeanOs os = app.session().os();
        if (os == null) {
            return "boot bare" + base;
        }
        GuestConfig c = os.config();
        if (c.isFixed()) {
            return "boot ceanos" + base;
        }
        StringBuilder sb = new StringBuilder();
        for (Defect d : Defect.values()) {
            if (c.has(d)) {
                sb.append(sb.length() == 0 ? "" : ",").append(d.key());
            }
        }
        return "boot ceanos" + base + " variant=as-written defects=" + (sb.length() == 0 ? "none" : sb.toString());
    }

    /** Shows the machine as it is, unless the user is filling the form in. */
    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public void update() {
        if (dirty) {
            return;
        }
        Machine m = app.session().machine();
        CeanOs os = app.session().os();
        machine.set(os == null ? "bare" : "ceanos");
        ram.set(Num.ramText(m.memory().frames()));
        entries.set(Integer.toString(m.config().tlb().entries()));
        ways.set(Integer.toString(m.config().tlb().ways()));
        ram.clearError();
        entries.clearError();
        ways.clearError();
        if (os != null) {
            GuestConfig c = os.config();
            variant.set(c.isFixed() ? "fixed" : "as-written");
            for (Defect d : Defect.values()) {
                defects[d.ordinal()].set(c.isFixed() || c.has(d));
            }
        }
        layout();
    }
}
