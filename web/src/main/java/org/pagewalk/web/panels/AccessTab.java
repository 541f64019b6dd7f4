package org.pagewalk.web.panels;

import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The Access tab: a read, write or translation of a linear address, as the kernel (CPL 0) or a
 * user program (CPL 3), through the TLB and the page walk. The address becomes the current one.
 */
final class AccessTab {
    private final App app;
    private final Choice op = new Choice("access-op", "Operation", "read", "Read", "write", "Write", "translate", "Translate");
    private final Choice who = new Choice("access-who", "As", "kernel", "Kernel (CPL 0)", "user", "User (CPL 3)");
    private final Choice intent = new Choice("access-intent", "Translate for a", "read", "Read", "write", "Write");
    private final Choice size = new Choice("access-size", "Size", "word", "Word (4 bytes)", "byte", "Byte");
    private final ActionForm form = new ActionForm("access-form", null, "Read");
    private final Field address;
    private final Field value;
    private final Outcome outcome = new Outcome("access-outcome");

    AccessTab(App app, HTMLElement panel) {
        this.app = app;
        form.form.setAttribute("aria-label", "Memory access");
        Dom.add(panel, "p", "form-about",
                "Access a linear (virtual) address as the CPU does: TLB first, then the page walk, with A/D bits and faults.");
        panel.appendChild(form.form);
        form.add(op.fieldset);
        form.add(who.fieldset);
        form.add(intent.fieldset);
        address = form.field("access-address", "Linear address", Hex.hex32(app.currentAddress()), null, Num::number);
        value = form.field("access-value", "Value to write", "0x00000000", null,
                (t, out) -> "byte".equals(size.value()) ? Num.byteValue(t, out) : Num.number(t, out));
        form.add(size.fieldset);
        panel.appendChild(outcome.box);
        op.onChange(this::layout);
        size.onChange(() -> {
            if (value.isShown() && !value.message.getTextContent().isEmpty()) {
                value.validate();
            }
        });
        form.onSubmit(this::submit);
        layout();
    }

    private void layout() {
        String o = op.value();
        Dom.hide(intent.fieldset, !o.equals("translate"));
        Dom.hide(size.fieldset, o.equals("translate"));
        Dom.hide(value.row, !o.equals("write"));
        if (!o.equals("write")) {
            value.clearError();
        }
        form.submit.setTextContent(o.equals("read") ? "Read" : o.equals("write") ? "Write" : "Translate");
    }

    private void submit() {
        String o = op.value();
        int a = address.value();
        boolean bite = "byte".equals(size.value());
        String line;
        if (o.equals("translate")) {
            line = "translate " + who.value() + " " + intent.value() + " " + Hex.hex32(a);
        } else if (o.equals("write")) {
            line = "write " + who.value() + " " + Hex.hex32(a) + " " + (bite ? Hex.hex(value.value(), 2) : Hex.hex32(value.value()))
                    + (bite ? " byte" : "");
        } else {
            line = "read " + who.value() + " " + Hex.hex32(a) + (bite ? " byte" : "");
        }
        app.select(a);
        outcome.show(app, Runs.run(line), true);
    }

    /** The one current address: when another view picks one, this field follows (unless being edited). */
    void follow(HTMLElement active) {
        if (active != address.input && address.isShown()) {
            String now = Hex.hex32(app.currentAddress());
            if (!now.equals(address.text())) {
                address.set(now);
                address.clearError();
            }
        }
    }
}
