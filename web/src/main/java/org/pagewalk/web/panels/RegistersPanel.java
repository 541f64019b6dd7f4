package org.pagewalk.web.panels;

import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.ControlRegisters;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/** CR0, CR2, CR3, CR4 (#registers-view) in hex with their named bits spelled out as NAME=0/1. */
final class RegistersPanel implements App.Listener {
    private final Dom dom;
    private final Readout cr0;
    private final Readout cr2;
    private final Readout cr3;
    private final Readout cr4;
    private final Readout bits0;
    private final Readout bits2;
    private final Readout bits3;
    private final Readout bits4;
    private int generation;

    RegistersPanel(App app, Dom dom, HTMLElement container) {
        this.dom = dom;
        container.setAttribute("aria-labelledby", "registers-title");
        dom.heading(container, "Control registers", "registers-title");
        HTMLElement table = dom.add(container, "table", "registers");
        HTMLElement body = dom.add(table, "tbody", null);
        cr0 = row(body, "CR0", "reg-cr0");
        bits0 = detail(body, "reg-cr0-bits");
        cr2 = row(body, "CR2", "reg-cr2");
        bits2 = detail(body, "reg-cr2-bits");
        cr3 = row(body, "CR3", "reg-cr3");
        bits3 = detail(body, "reg-cr3-bits");
        cr4 = row(body, "CR4", "reg-cr4");
        bits4 = detail(body, "reg-cr4-bits");
        app.addListener(this);
    }

    private Readout row(HTMLElement body, String name, String id) {
        HTMLElement tr = dom.add(body, "tr", null);
        HTMLElement th = dom.add(tr, "th", "reg-name", name);
        th.setAttribute("scope", "row");
        HTMLElement value = dom.add(tr, "td", "reg-value mono");
        value.setId(id);
        return new Readout(value);
    }

    private Readout detail(HTMLElement body, String id) {
        HTMLElement tr = body.getLastChild().cast();
        HTMLElement td = dom.add(tr, "td", "reg-bits mono");
        td.setId(id);
        return new Readout(td);
    }

    @Override
    public void changed(App app, int what) {
        if ((what & App.MACHINE) == 0) {
            return;
        }
        generation++;
        ControlRegisters cr = app.session().machine().cr();
        cr0.set(Hex.hex32(cr.cr0()), true, generation);
        bits0.set(bit("PE", cr.cr0(), ControlRegisterBits.CR0_PE) + " " + bit("ET", cr.cr0(), ControlRegisterBits.CR0_ET)
                + " " + bit("WP", cr.cr0(), ControlRegisterBits.CR0_WP)
                + " " + bit("PG", cr.cr0(), ControlRegisterBits.CR0_PG), true, generation);
        cr2.set(Hex.hex32(cr.cr2()), true, generation);
        bits2.set("last page-fault address", false, generation);
        cr3.set(Hex.hex32(cr.cr3()), true, generation);
        bits3.set("directory " + Hex.hex32(cr.cr3() & EntryBits.FRAME_4K) + " " + bit("PWT", cr.cr3(), ControlRegisterBits.CR3_PWT)
                + " " + bit("PCD", cr.cr3(), ControlRegisterBits.CR3_PCD), true, generation);
        cr4.set(Hex.hex32(cr.cr4()), true, generation);
        bits4.set(bit("PSE", cr.cr4(), ControlRegisterBits.CR4_PSE) + " " + bit("PGE", cr.cr4(), ControlRegisterBits.CR4_PGE),
                true, generation);
    }

    private static String bit(String name, int value, int mask) {
        return name + ((value & mask) != 0 ? "=1" : "=0");
    }
}
