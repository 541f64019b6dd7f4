package org.pagewalk.web.panels;

import java.util.List;
import org.pagewalk.explain.Words;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.inspect.EntryFields;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.Tlb;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.machine.Translation;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The inspector: the pinned item in full. A TLB entry beside the entries in memory it came from
 * (as they were when it was filled, and as they are now), the entries that map a linear address
 * with every bit named, or a physical frame's 1024 words. It follows the machine: undo, and the
 * pinned item shows the old state.
 */
final class InspectorPanel implements App.Listener {
    private static final int NONE = 0;
    private static final int TLB = 1;
    private static final int FRAME = 2;
    private static final int LINEAR = 3;

    private final App app;
    private final Dom dom;
    private final HTMLElement pinned;
    private int kind = NONE;
    private int a;
    private int b;

    InspectorPanel(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        this.dom = dom;
        HTMLElement forms = dom.add(panel, "div", "inspect-forms");
        ActionForm frame = new ActionForm(dom, "inspect-frame", null, "Show frame");
        frame.form.setAttribute("aria-label", "Inspect a physical frame");
        forms.appendChild(frame.form);
        Field physical = frame.field("inspect-frame-address", "Physical address (any byte of the frame)", "0x0010B000", null, Num::number);
        frame.onSubmit(() -> pin(FRAME, physical.value() >>> 12, 0));
        ActionForm linear = new ActionForm(dom, "inspect-linear", null, "Show entries");
        linear.form.setAttribute("aria-label", "Inspect the entries that map a linear address");
        forms.appendChild(linear.form);
        Field address = linear.field("inspect-linear-address", "Linear address", "0xC0100000", null, Num::number);
        linear.onSubmit(() -> {
            app.select(address.value());
            pin(LINEAR, address.value(), 0);
        });
        pinned = dom.add(panel, "div", "inspector-pinned");
        pinned.setId("inspector-pinned");
        pinned.setAttribute("aria-live", "polite");
        pinned.setAttribute("aria-label", "Pinned item");
        pinned.setAttribute("role", "region");
        pinned.setTabIndex(0);
        dom.add(pinned, "p", "notice", "Nothing pinned yet: pick a TLB row, or show a frame or an address above.");
        app.addListener(this);
    }

    void pinTlb(int set, int way) {
        pin(TLB, set, way);
    }

    private void pin(int k, int x, int y) {
        kind = k;
        a = x;
        b = y;
        render();
    }

    @Override
    public void changed(App app, int what) {
        if ((what & App.MACHINE) != 0 && kind != NONE) {
            render();
        }
    }

    private void render() {
        Dom.clear(pinned);
        Machine m = app.session().machine();
        if (kind == TLB) {
            tlb(m);
        } else if (kind == FRAME) {
            frame(m);
        } else if (kind == LINEAR) {
            linear(m);
        }
    }

    private void tlb(Machine m) {
        Tlb tlb = m.tlb();
        if (a < 0 || a >= tlb.geometry().sets() || b < 0 || b >= tlb.geometry().ways()) {
            dom.add(pinned, "p", "notice", "The TLB has no set " + a + " way " + b + " any more (a new machine).");
            return;
        }
        TlbEntry e = tlb.entry(a, b);
        dom.add(pinned, "h3", "form-title", "TLB set " + a + ", way " + b);
        if (!e.isValid()) {
            dom.add(pinned, "p", "notice", "Empty: this way holds no translation now.");
            return;
        }
        dom.add(pinned, "p", "mono", Hex.hex32(e.linearBase()) + " \u2192 " + Hex.hex32(e.frame()) + " \u00b7 "
                + (e.isLargePage() ? "4 MiB" : "4 KiB") + " \u00b7 " + (e.isWritable() ? "writable" : "read-only") + ", "
                + (e.isUser() ? "user" : "supervisor") + (e.isGlobal() ? ", global" : "") + (e.isDirty() ? ", dirty" : "")
                + " \u00b7 LRU age " + e.age());
        String stale = Words.staleness(m.staleness(a, b));
        HTMLElement verdict = dom.add(pinned, "p", stale == null ? "verdict fresh" : "verdict stale",
                stale == null ? "\u2713 Fresh: memory still says the same." : "\u2715 Stale: " + stale + ".");
        verdict.setId("inspector-verdict");
        boolean pse = m.cr().pse();
        if (e.pdeAddress() == 0 && e.pde() == 0 && e.pteAddress() == 0) {
            dom.add(pinned, "p", "notice", "Loaded directly (tlb-load), not by a walk: no entry in memory is recorded.");
            return;
        }
        compare("PDE", 2, e.pdeAddress(), e.pde(), m.readPhysical32(e.pdeAddress()), pse);
        if (!e.isLargePage()) {
            compare("PTE", 1, e.pteAddress(), e.pte(), m.readPhysical32(e.pteAddress()), pse);
        }
    }

    /** An entry as the TLB saw it when it was filled, beside the same entry in memory now. */
    private void compare(String what, int level, int address, int then, int now, boolean pse) {
        dom.add(pinned, "h4", "inspect-sub", what + " at physical " + Hex.hex32(address) + ": "
                + (then == now ? "unchanged since the fill" : "changed since the fill"));
        HTMLElement table = dom.add(pinned, "table", "bitfield mono");
        HTMLElement head = dom.add(dom.add(table, "thead", null), "tr", null);
        for (String h : new String[] {"Bits", "Field", "At fill " + Hex.hex32(then), "Now " + Hex.hex32(now), "Now means"}) {
            dom.add(head, "th", null, h).setAttribute("scope", "col");
        }
        HTMLElement body = dom.add(table, "tbody", null);
        List<EntryFields.Field> was = EntryFields.of(then, level, pse);
        List<EntryFields.Field> is = EntryFields.of(now, level, pse);
        boolean sameLayout = EntryFields.layout(then, level, pse) == EntryFields.layout(now, level, pse);
        for (int i = 0; i < is.size(); i++) {
            EntryFields.Field f = is.get(i);
            EntryFields.Field old = sameLayout && i < was.size() ? was.get(i) : null;
            boolean differs = old == null || old.value() != f.value();
            HTMLElement tr = dom.add(body, "tr", differs ? "differs" : null);
            dom.add(tr, "td", null, bits(f));
            dom.add(tr, "th", null, f.name()).setAttribute("scope", "row");
            dom.add(tr, "td", null, old == null ? "(other layout)" : old.bits());
            dom.add(tr, "td", null, f.bits() + (differs ? " \u2260" : ""));
            dom.add(tr, "td", "meaning", f.meaning());
        }
    }

    private void linear(Machine m) {
        dom.add(pinned, "h3", "form-title", "Linear " + Hex.hex32(a) + ": directory index " + (a >>> 22)
                + ", table index " + ((a >>> 12) & 0x3FF) + ", offset " + Hex.hex(a & 0xFFF, 3));
        if (!m.cr().paging()) {
            dom.add(pinned, "p", "notice", "Paging is off (CR0.PG = 0): linear = physical, no entries are used.");
            return;
        }
        AccessResult r = m.probe(a, Access.KERNEL_READ);
        boolean pse = m.cr().pse();
        if (r.isFault()) {
            PageFault f = r.fault();
            dom.add(pinned, "p", "verdict stale", "\u2715 A kernel read would fault: " + Words.reason(f) + ".");
            entry(f.level() == PageFault.LEVEL_PDE ? "PDE" : "PTE", f.level(), f.entryAddress(), f.entryValue(), pse);
            return;
        }
        Translation t = r.translation();
        dom.add(pinned, "p", "verdict fresh", "\u2713 Maps to physical " + Hex.hex32(t.physical()) + " (" + (t.isLargePage() ? "4 MiB" : "4 KiB")
                + " page, as the page tables say; the TLB may differ).");
        entry("PDE", 2, t.pdeAddress(), t.pde(), pse);
        if (!t.isLargePage()) {
            entry("PTE", 1, t.pteAddress(), t.pte(), pse);
        }
    }

    private void entry(String what, int level, int address, int value, boolean pse) {
        dom.add(pinned, "h4", "inspect-sub", what + " at physical " + Hex.hex32(address) + " = " + Hex.hex32(value)
                + " (" + EntryFields.layout(value, level, pse).label() + ")");
        HTMLElement table = dom.add(pinned, "table", "bitfield mono");
        HTMLElement head = dom.add(dom.add(table, "thead", null), "tr", null);
        for (String h : new String[] {"Bits", "Field", "Value", "Means"}) {
            dom.add(head, "th", null, h).setAttribute("scope", "col");
        }
        HTMLElement body = dom.add(table, "tbody", null);
        for (EntryFields.Field f : EntryFields.of(value, level, pse)) {
            HTMLElement tr = dom.add(body, "tr", null);
            dom.add(tr, "td", null, bits(f));
            dom.add(tr, "th", null, f.name()).setAttribute("scope", "row");
            dom.add(tr, "td", null, f.bits());
            dom.add(tr, "td", "meaning", f.meaning());
        }
    }

    private static String bits(EntryFields.Field f) {
        return f.high() == f.low() ? Integer.toString(f.low()) : f.high() + ":" + f.low();
    }

    private void frame(Machine m) {
        int base = a << 12;
        dom.add(pinned, "h3", "form-title", "Frame " + Hex.hex(a, 5) + ": physical " + Hex.hex32(base) + "\u2013" + Hex.hex32(base + 0xFFF));
        if (!m.memory().isInstalled(base)) {
            dom.add(pinned, "p", "notice", "Beyond installed RAM (" + m.memory().sizeText() + "): reads give all ones, writes are dropped.");
            return;
        }
        StringBuilder what = new StringBuilder();
        CeanOs os = app.session().os();
        if (os != null) {
            String inKernel = os.layout().describe(base);
            if (inKernel != null) {
                what.append("Inside the kernel image: ").append(inKernel).append(". ");
            }
            what.append(GuestGlobals.bitmapBit(m, a) ? "The bitmap marks it used." : "The bitmap marks it free.");
        }
        if (!m.memory().isBacked(a)) {
            what.append(what.length() == 0 ? "" : " ").append("Never written: all 1024 words are zero.");
        }
        if (what.length() > 0) {
            dom.add(pinned, "p", "notice", what.toString());
        }
        if (!m.memory().isBacked(a)) {
            return;
        }
        int[] words = m.memory().frameWords(a);
        StringBuilder sb = new StringBuilder(128 * 96);
        boolean skipping = false;
        for (int row = 0; row < 128; row++) {
            boolean zero = true;
            for (int i = 0; i < 8; i++) {
                zero &= words[row * 8 + i] == 0;
            }
            if (zero && row > 0 && row < 127) {
                if (!skipping) {
                    sb.append("*          (zero words)\n");
                    skipping = true;
                }
                continue;
            }
            skipping = false;
            sb.append(Hex.hex32(base + row * 32)).append(':');
            for (int i = 0; i < 8; i++) {
                sb.append(' ').append(Hex.hex32(words[row * 8 + i]).substring(2));
            }
            sb.append('\n');
        }
        HTMLElement pre = dom.add(pinned, "pre", "frame-words", sb.toString());
        pre.setId("inspector-words");
        pre.setTabIndex(0);
        pre.setAttribute("aria-label", "Words of frame " + Hex.hex(a, 5) + ", eight to a line; a star stands for lines of zeros");
    }
}
