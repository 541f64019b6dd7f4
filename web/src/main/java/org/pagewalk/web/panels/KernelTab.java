package org.pagewalk.web.panels;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestFunction;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.scenario.GuestCall;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The Kernel tab: every function of CeanOS's memory manager, one at a time (picked from a list),
 * each a form with its arguments. Forms, labels and descriptions come from the one
 * {@link GuestFunction} table; a call is a {@link GuestCall} the form builds and the app runs.
 */
final class KernelTab implements Controls.Form {
    private static final String[] MAP_FLAGS = {"WRITE", "USER", "PWT", "PCD", "GLOBAL"};
    private static final String[] MAP_FLAG_HELP = {"writable", "user pages (CPL 3)", "write-through",
        "cache disabled", "global (with CR4.PGE)"};

    private final App app;
    private final HTMLSelectElement select;
    private final HTMLElement about;
    private final HTMLElement noKernel;
    private final Dom dom;
    final Outcome outcome;
    private final List<GuestFunction> functions = new ArrayList<>();
    private final List<ActionForm> forms = new ArrayList<>();
    /** Every field whose first value follows the machine (RAM top, kernel end, initial_page_dir). */
    private final List<Field> machineFields = new ArrayList<>();
    private final List<GuestFunction.Arg> machineArgs = new ArrayList<>();
    /** Fields for a physical frame: the frame pmmAllocPageFrame just returned fills them in. */
    private final List<Field> frameFields = new ArrayList<>();
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
        for (GuestFunction fn : GuestFunction.values()) {
            form(panel, fn);
        }
        panel.appendChild(outcome.box);
        Guard.on(select, "change", e -> show(select.getSelectedIndex()));
        show(0);
    }

    /** One function's form: a field per argument (checkboxes for flags), and remap where it applies. */
    private void form(HTMLElement panel, GuestFunction fn) {
        String name = fn.functionName();
        ActionForm f = new ActionForm(dom, "kernel-" + name, null, fn.action());
        f.form.setAttribute("aria-label", name);
        f.form.setHidden(true);
        panel.appendChild(f.form);
        HTMLElement option = dom.add(select, "option", null, name);
        option.setAttribute("value", name);
        functions.add(fn);
        forms.add(f);
        Field[] fields = new Field[fn.arity()];
        Check[] flags = null;
        for (int i = 0; i < fn.arity(); i++) {
            GuestFunction.Arg arg = fn.arg(i);
            String id = "kernel-" + name + "-" + arg.id();
            if (arg.kind() == GuestFunction.Arg.Kind.FLAGS) {
                flags = flagChecks(f, id, arg);
                continue;
            }
            fields[i] = f.field(id, arg.label(), arg.initial(), arg.hint(), rule(arg.kind()));
            if (arg.kind() == GuestFunction.Arg.Kind.RAM_TOP || arg.kind() == GuestFunction.Arg.Kind.KERNEL_END
                    || arg.kind() == GuestFunction.Arg.Kind.DIRECTORY) {
                machineFields.add(fields[i]);
                machineArgs.add(arg);
            }
            if (arg.kind() == GuestFunction.Arg.Kind.PAGE && arg.name().equals("PHYSICAL")) {
                frameFields.add(fields[i]);
            }
        }
        Check remap = null;
        if (fn.takesRemap()) {
            remap = new Check(dom, "kernel-" + name + "-remap", "Remap: replace a present mapping",
                    "Without it, a kernel without the silent-remap defect refuses to map over a present page.");
            f.add(remap.row);
        }
        Check[] flagBoxes = flags;
        Check remapBox = remap;
        f.onSubmit(() -> {
            int[] values = new int[fn.arity()];
            for (int i = 0; i < values.length; i++) {
                values[i] = fields[i] != null ? fields[i].value() : flagBits(flagBoxes);
            }
            run(GuestCall.of(fn, remapBox != null && remapBox.on(), values));
        });
    }

    private Check[] flagChecks(ActionForm f, String id, GuestFunction.Arg arg) {
        HTMLElement box = f.add(dom.el("fieldset", "checks inline"));
        dom.add(box, "legend", "field-label", arg.label());
        Check[] checks = new Check[MAP_FLAGS.length];
        for (int i = 0; i < MAP_FLAGS.length; i++) {
            checks[i] = new Check(dom, id + "-" + MAP_FLAGS[i], MAP_FLAGS[i], null);
            checks[i].box.setAttribute("title", MAP_FLAG_HELP[i]);
            box.appendChild(checks[i].row);
            checks[i].set(MAP_FLAGS[i].equals(arg.initial()));
        }
        return checks;
    }

    private static int flagBits(Check[] checks) {
        int bits = 0;
        for (int i = 0; checks != null && i < checks.length; i++) {
            if (checks[i].on()) {
                bits |= PageFlags.byName(MAP_FLAGS[i]);
            }
        }
        return bits;
    }

    private static Field.Rule rule(GuestFunction.Arg.Kind kind) {
        switch (kind) {
            case PAGE:
                return Num::page;
            case HEAP_SIZE:
                return KernelTab::heapSize;
            default:
                return Num::number;
        }
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

    private void show(int index) {
        if (index < 0 || index >= forms.size()) {
            return;
        }
        for (int i = 0; i < forms.size(); i++) {
            Dom.hide(forms.get(i).form, i != index);
        }
        Dom.text(about, functions.get(index).about());
    }

    private void run(GuestCall call) {
        StepResult r = app.run(call);
        outcome.show(app, r, false);
        CallResult result = app.session().lastCall();
        if (r.status() == StepResult.Status.OK && result != null && result.ok()
                && call.function() == GuestFunction.PMM_ALLOC_PAGE_FRAME && result.returnsValue()) {
            // The frame just allocated is what one maps or frees next.
            for (Field frame : frameFields) {
                frame.set(Hex.hex32(result.value()));
            }
        }
    }

    /** Follows the machine: the notice on a bare machine, the machine-dependent defaults after a new boot. */
    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public void update() {
        CeanOs os = app.session().os();
        Dom.hide(noKernel, os != null);
        int frames = app.session().machine().memory().frames();
        if (frames != syncedFrames && os != null) {
            syncedFrames = frames;
            for (int i = 0; i < machineFields.size(); i++) {
                machineFields.get(i).set(Hex.hex32(initial(machineArgs.get(i).kind(), os)));
            }
        }
    }

    private static int initial(GuestFunction.Arg.Kind kind, CeanOs os) {
        switch (kind) {
            case RAM_TOP:
                return GuestFunction.ramTop(os);
            case KERNEL_END:
                return os.layout().kernelEnd();
            default:
                return os.initialPageDir();
        }
    }
}
