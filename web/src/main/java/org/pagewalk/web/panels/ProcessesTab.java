package org.pagewalk.web.panels;

import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The Processes tab: CeanOS's pool of 256 page directories. Allocate one (memAllocPageDir),
 * switch CR3 to it (memChangePageDir), free it (memFreePageDir).
 */
final class ProcessesTab implements Controls.Form {
    private final App app;
    private final Dom dom;
    final Outcome outcome;
    private final HTMLElement pool;
    private final HTMLSelectElement change;
    private final HTMLSelectElement free;
    private final HTMLElement freeError;
    private String changeKey = "";
    private String freeKey = "";

    ProcessesTab(App app, Dom dom, HTMLElement panel) {
        this.app = app;
        this.dom = dom;
        outcome = new Outcome(dom, "proc-outcome");
        dom.add(panel, "p", "form-about",
                "Each process gets a page directory from the pageDirs pool; syncPageDirs gives them all the same kernel half.");
        pool = dom.add(panel, "p", "pool mono");
        pool.setId("proc-pool");

        ActionForm alloc = new ActionForm(dom, "proc-alloc", "memAllocPageDir", "Allocate directory");
        panel.appendChild(alloc.form);
        dom.add(alloc.body, "p", "field-hint", "Takes a free directory from the pool, zeroes it, sets its recursive PDE 1023, then syncPageDirs.");
        alloc.onSubmit(() -> run("memAllocPageDir"));

        ActionForm sw = new ActionForm(dom, "proc-change", "memChangePageDir", "Switch");
        panel.appendChild(sw.form);
        change = select(sw, "proc-change-pd", "Directory to load into CR3");
        sw.onSubmit(() -> {
            if (change.getValue() != null && !change.getValue().isEmpty()) {
                run("memChangePageDir " + change.getValue());
            }
        });

        ActionForm fr = new ActionForm(dom, "proc-free", "memFreePageDir", "Free");
        panel.appendChild(fr.form);
        free = select(fr, "proc-free-pd", "Process directory to free");
        freeError = dom.add(fr.body, "p", "field-error");
        freeError.setId("proc-free-pd-error");
        free.setAttribute("aria-describedby", "proc-free-pd-error");
        Guard.on(free, "change", e -> clearFreeError());
        fr.onSubmit(() -> {
            String v = free.getValue();
            if (v == null || v.isEmpty()) {
                Dom.text(freeError, "No process directory is in use: allocate one with memAllocPageDir first "
                        + "(initial_page_dir is the kernel's and cannot be freed).");
                free.setAttribute("aria-invalid", "true");
                free.focus();
                return;
            }
            clearFreeError();
            run("memFreePageDir " + v);
        });
        panel.appendChild(outcome.box);
    }

    private void clearFreeError() {
        Dom.text(freeError, "");
        free.removeAttribute("aria-invalid");
    }

    private HTMLSelectElement select(ActionForm form, String id, String label) {
        HTMLElement row = form.add(dom.el("div", "field"));
        HTMLElement l = dom.add(row, "label", "field-label", label);
        l.setAttribute("for", id);
        HTMLSelectElement s = dom.el("select", "input mono").cast();
        s.setId(id);
        row.appendChild(s);
        return s;
    }

    private void run(String line) {
        outcome.show(app, app.run(line), false);
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public void update() {
        CeanOs os = app.session().os();
        if (os == null) {
            Dom.text(pool, "No CeanOS kernel on this machine: no directory pool.");
            fill(change, new StringBuilder(), null, "change");
            fill(free, new StringBuilder(), null, "free");
            return;
        }
        GuestGlobals g = os.globals();
        int current = KernelLayout.virt(app.session().machine().cr().cr3() & EntryBits.FRAME_4K);
        StringBuilder used = new StringBuilder();
        int n = 0;
        for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
            if (g.pageDirUsed(i)) {
                used.append(n == 0 ? "" : ", ").append("pageDirs[").append(i).append(']');
                n++;
            }
        }
        Dom.text(pool, "In use: " + n + " of " + KernelLayout.NUM_PAGE_DIRS + (n == 0 ? "" : " (" + used + ")")
                + ". CR3 holds " + name(os, current) + " (" + Hex.hex32(current) + ").");
        StringBuilder key = new StringBuilder();
        key.append(current).append(';');
        for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
            if (g.pageDirUsed(i)) {
                key.append(i).append(',');
            }
        }
        fill(change, key, os, "change");
        fill(free, key, os, "free");
    }

    private void fill(HTMLSelectElement s, StringBuilder keyBuilder, CeanOs os, String which) {
        String key = keyBuilder.toString();
        boolean isChange = which.equals("change");
        if (key.equals(isChange ? changeKey : freeKey)) {
            return;
        }
        if (isChange) {
            changeKey = key;
        } else {
            freeKey = key;
        }
        String keep = s.getValue();
        Dom.clear(s);
        if (os == null) {
            return;
        }
        int current = KernelLayout.virt(app.session().machine().cr().cr3() & EntryBits.FRAME_4K);
        GuestGlobals g = os.globals();
        if (isChange) {
            option(s, os.initialPageDir(), "initial_page_dir", current);
        }
        int count = 0;
        for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
            if (g.pageDirUsed(i)) {
                option(s, os.pageDir(i), "pageDirs[" + i + "]", current);
                count++;
            }
        }
        if (!isChange && count == 0) {
            HTMLElement none = dom.add(s, "option", null, "none in use");
            none.setAttribute("value", "");
        }
        if (keep != null && !keep.isEmpty()) {
            s.setValue(keep);
            if (s.getSelectedIndex() < 0) {
                s.setSelectedIndex(0);
            }
        }
    }

    private void option(HTMLSelectElement s, int pd, String name, int current) {
        HTMLElement o = dom.add(s, "option", null, name + " \u00b7 " + Hex.hex32(pd) + (pd == current ? " (current)" : ""));
        o.setAttribute("value", Hex.hex32(pd));
    }

    private static String name(CeanOs os, int pd) {
        if (pd == os.initialPageDir()) {
            return "initial_page_dir";
        }
        for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
            if (os.pageDir(i) == pd) {
                return "pageDirs[" + i + "]";
            }
        }
        return "a directory outside the pool";
    }
}
