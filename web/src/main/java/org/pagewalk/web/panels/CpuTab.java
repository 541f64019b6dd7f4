package org.pagewalk.web.panels;

import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.ControlRegisters;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The CPU tab: writes to CR0, CR3 and CR4 with their named bits as checkboxes (the checkboxes
 * show the register as it is until you change them), and INVLPG.
 */
final class CpuTab implements Controls.Form {
    private final App app;
    final Outcome outcome;
    private final Check pe;
    private final Check wp;
    private final Check pg;
    private final Check pwt;
    private final Check pcd;
    private final Check pse;
    private final Check pge;
    private final Field cr3Base;
    private final HTMLElement cr0Error;
    private boolean cr0Dirty;
    private boolean cr3Dirty;
    private boolean cr4Dirty;

    CpuTab(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        outcome = new Outcome(dom, "cpu-outcome");
        pe = new Check(dom, "cpu-cr0-PE", "PE (bit 0): protected mode", null);
        wp = new Check(dom, "cpu-cr0-WP", "WP (bit 16): kernel writes obey read-only pages", null);
        pg = new Check(dom, "cpu-cr0-PG", "PG (bit 31): paging on", null);
        pwt = new Check(dom, "cpu-cr3-PWT", "PWT (bit 3): write-through directory", null);
        pcd = new Check(dom, "cpu-cr3-PCD", "PCD (bit 4): directory not cached", null);
        pse = new Check(dom, "cpu-cr4-PSE", "PSE (bit 4): 4 MiB pages", null);
        pge = new Check(dom, "cpu-cr4-PGE", "PGE (bit 7): global pages", null);
        dom.add(panel, "p", "form-about",
                "Write a control register as mov crN does, with its effect on the TLB: a CR3 write flushes every non-global entry, "
                        + "a change of CR4.PGE or PSE flushes all, clearing CR0.PG flushes all.");

        ActionForm cr0 = new ActionForm(dom, "cpu-cr0", "CR0", "Write CR0");
        panel.appendChild(cr0.form);
        HTMLElement bits0 = cr0.add(dom.el("fieldset", "checks"));
        bits0.setId("cpu-cr0-bits");
        dom.add(bits0, "legend", "visually-hidden", "CR0 bits");
        bits0.appendChild(pe.row);
        bits0.appendChild(wp.row);
        bits0.appendChild(pg.row);
        cr0Error = dom.add(bits0, "p", "field-error");
        cr0Error.setId("cpu-cr0-error");
        for (Check c : new Check[] {pe, wp, pg}) {
            c.box.setAttribute("aria-describedby", "cpu-cr0-error");
            c.onChange(() -> {
                cr0Dirty = true;
                if (!cr0Error.getTextContent().isEmpty()) {
                    checkCr0();
                }
            });
        }
        cr0.onSubmit(() -> {
            if (checkCr0()) {
                int v = cr0Value();
                cr0Dirty = false;
                run("mov cr0, " + names(v, "PE", ControlRegisterBits.CR0_PE, "WP", ControlRegisterBits.CR0_WP,
                        "PG", ControlRegisterBits.CR0_PG));
            } else {
                pe.box.focus();
            }
        });

        ActionForm cr3 = new ActionForm(dom, "cpu-cr3", "CR3", "Write CR3");
        panel.appendChild(cr3.form);
        cr3Base = cr3.field("cpu-cr3-base", "Page directory (physical, page aligned)", "0x0010B000", null, Num::page);
        HTMLElement bits3 = cr3.add(dom.el("fieldset", "checks"));
        dom.add(bits3, "legend", "visually-hidden", "CR3 bits");
        bits3.appendChild(pwt.row);
        bits3.appendChild(pcd.row);
        Runnable dirty3 = () -> cr3Dirty = true;
        pwt.onChange(dirty3);
        pcd.onChange(dirty3);
        org.pagewalk.web.Guard.on(cr3Base.input, "input", e -> cr3Dirty = true);
        cr3.onSubmit(() -> {
            int v = cr3Base.value() | (pwt.on() ? ControlRegisterBits.CR3_PWT : 0) | (pcd.on() ? ControlRegisterBits.CR3_PCD : 0);
            String error = ControlRegisters.checkCr3(v);
            if (error != null) {
                cr3Base.show(error + ".");
                cr3Base.input.focus();
                return;
            }
            cr3Dirty = false;
            run("mov cr3, " + Hex.hex32(v));
        });

        ActionForm cr4 = new ActionForm(dom, "cpu-cr4", "CR4", "Write CR4");
        panel.appendChild(cr4.form);
        HTMLElement bits4 = cr4.add(dom.el("fieldset", "checks"));
        dom.add(bits4, "legend", "visually-hidden", "CR4 bits");
        bits4.appendChild(pse.row);
        bits4.appendChild(pge.row);
        Runnable dirty4 = () -> cr4Dirty = true;
        pse.onChange(dirty4);
        pge.onChange(dirty4);
        cr4.onSubmit(() -> {
            int v = (pse.on() ? ControlRegisterBits.CR4_PSE : 0) | (pge.on() ? ControlRegisterBits.CR4_PGE : 0);
            cr4Dirty = false;
            run("mov cr4, " + names(v, "PSE", ControlRegisterBits.CR4_PSE, "PGE", ControlRegisterBits.CR4_PGE, null, 0));
        });

        ActionForm inv = new ActionForm(dom, "cpu-invlpg", "INVLPG", "INVLPG");
        panel.appendChild(inv.form);
        Field address = inv.field("cpu-invlpg-address", "Linear address (any address in the page)", "0x08048000", null, Num::number);
        inv.onSubmit(() -> run("invlpg " + Hex.hex32(address.value())));

        panel.appendChild(outcome.box);
    }

    private int cr0Value() {
        return (pe.on() ? ControlRegisterBits.CR0_PE : 0) | (wp.on() ? ControlRegisterBits.CR0_WP : 0)
                | (pg.on() ? ControlRegisterBits.CR0_PG : 0);
    }

    private boolean checkCr0() {
        String error = ControlRegisters.checkCr0(cr0Value());
        Dom.text(cr0Error, error == null ? "" : error + ". Allowed: PE alone, or PE with PG, each with or without WP.");
        for (Check c : new Check[] {pe, wp, pg}) {
            if (error == null) {
                c.box.removeAttribute("aria-invalid");
            } else {
                c.box.setAttribute("aria-invalid", "true");
            }
        }
        return error == null;
    }

    /** PE|PG, or 0: the scenario language's names for the bits. */
    private static String names(int v, String n1, int b1, String n2, int b2, String n3, int b3) {
        StringBuilder sb = new StringBuilder();
        if ((v & b1) != 0) {
            sb.append(n1);
        }
        if ((v & b2) != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append(n2);
        }
        if (n3 != null && (v & b3) != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append(n3);
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    private void run(String line) {
        outcome.show(app, app.run(line), false);
    }

    /** The checkboxes show the registers as they are, unless the user is changing them. */
    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public void update() {
        org.pagewalk.machine.ControlRegisters cr = app.session().machine().cr();
        if (!cr0Dirty) {
            pe.set((cr.cr0() & ControlRegisterBits.CR0_PE) != 0);
            wp.set((cr.cr0() & ControlRegisterBits.CR0_WP) != 0);
            pg.set((cr.cr0() & ControlRegisterBits.CR0_PG) != 0);
            checkCr0();
        }
        if (!cr3Dirty) {
            cr3Base.set(Hex.hex32(cr.cr3() & EntryBits.FRAME_4K));
            cr3Base.clearError();
            pwt.set((cr.cr3() & ControlRegisterBits.CR3_PWT) != 0);
            pcd.set((cr.cr3() & ControlRegisterBits.CR3_PCD) != 0);
        }
        if (!cr4Dirty) {
            pse.set((cr.cr4() & ControlRegisterBits.CR4_PSE) != 0);
            pge.set((cr.cr4() & ControlRegisterBits.CR4_PGE) != 0);
        }
    }
}
