package org.pagewalk.web.panels;

import org.pagewalk.machine.Access;
import org.pagewalk.scenario.MemoryAccess;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The Access tab: a read, write or translation of a linear address, as the kernel (CPL 0) or a
 * user program (CPL 3), through the TLB and the page walk. One button per operation, so Tab and
 * Enter reach each; Enter in a field reads. The address becomes the current one.
 */
final class AccessTab {
    private static final String READ = "read";
    private static final String WRITE = "write";
    private static final String TRANSLATE = "translate";

    private final App app;
    private final Choice who;
    private final Choice size;
    private final Choice intent;
    private final ActionForm form;
    private final Field address;
    private final Field value;
    final Outcome outcome;
    private String op = READ;
    private int followed;

    AccessTab(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        who = new Choice(dom, "access-who", "As", "kernel", "Kernel (CPL 0)", "user", "User (CPL 3)");
        size = new Choice(dom, "access-size", "Size (read and write)", "word", "Word (4 bytes)", "byte", "Byte");
        intent = new Choice(dom, "access-intent", "Translate checks a", "read", "Read", "write", "Write");
        form = new ActionForm(dom, "access-form", null, "Read");
        outcome = new Outcome(dom, "access-outcome");
        form.form.setAttribute("aria-label", "Memory access");
        dom.add(panel, "p", "form-about",
                "Access a linear (virtual) address as the CPU does: TLB first, then the page walk, with A/D bits and faults.");
        panel.appendChild(form.form);
        address = form.field("access-address", "Linear address", Hex.hex32(app.currentAddress()), null, Num::number);
        followed = app.currentAddress();
        value = form.field("access-value", "Value (for Write)", "0x00000000", null,
                (t, out) -> "byte".equals(size.value()) ? Num.byteValue(t, out) : Num.number(t, out));
        value.neededWhen(() -> WRITE.equals(op));
        form.add(who.fieldset);
        form.add(size.fieldset);
        form.add(intent.fieldset);
        form.submit.setId("access-read");
        Guard.on(form.submit, "click", e -> op = READ);
        form.button("access-write", "Write", () -> op = WRITE);
        form.button("access-translate", "Translate", () -> op = TRANSLATE);
        panel.appendChild(outcome.box);
        size.onChange(() -> {
            if (!value.message.getTextContent().isEmpty()) {
                value.validate();
            }
        });
        form.onSubmit(this::submit);
        // The walk preview reads as whoever the form would access as (one selection, one "who").
        who.set(Access.isUser(app.previewAccess()) ? "user" : "kernel");
        who.onChange(() -> app.setPreviewAccess("user".equals(who.value()) ? Access.USER : 0));
    }

    private void submit() {
        String o = op;
        op = READ;
        if (!o.equals(WRITE)) {
            value.clearError();
        }
        int a = address.value();
        boolean bite = "byte".equals(size.value());
        int as = "user".equals(who.value()) ? Access.USER : 0;
        // The form builds the command itself: no line text to compose and parse again.
        MemoryAccess command;
        if (o.equals(TRANSLATE)) {
            command = MemoryAccess.translate(as | ("write".equals(intent.value()) ? Access.WRITE : 0), a);
        } else if (o.equals(WRITE)) {
            command = MemoryAccess.write(as, a, value.value(), bite);
        } else {
            command = MemoryAccess.read(as, a, bite);
        }
        // Run first, then select: undo then brings back the selection from before the access too.
        outcome.show(app, app.run(command), true);
        app.select(a);
    }

    /** The one current address: when another view picks one, this field follows (unless being edited). */
    void follow(HTMLElement active) {
        // Only when the current address moved: a SELECTION change that keeps it (the walk preview's
        // "who") must not overwrite an address typed but not yet run.
        if (app.currentAddress() == followed) {
            return;
        }
        if (active != address.input) {
            followed = app.currentAddress();
            String now = Hex.hex32(app.currentAddress());
            if (!now.equals(address.text())) {
                address.set(now);
                address.clearError();
            }
        }
    }
}
