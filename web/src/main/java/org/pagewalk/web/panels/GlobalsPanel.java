package org.pagewalk.web.panels;

import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Sizes;
import org.pagewalk.web.App;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/** CeanOS's globals (#globals-view), read as a debugger would, and the page-directory pool. */
final class GlobalsPanel implements App.Listener {
    private static final String[] NAMES = {"variant", "pageFrameMin", "pageFrameMax", "totalAlloc", "mem_num_vpages",
        "heapStart", "heapSize", "pageDirs"};
    private static final String[] TITLES = {"which CeanOS memory manager runs",
        "first frame the allocator may hand out", "frame after the last one it may hand out",
        "frames allocated now", "pages mapped by memMapPage", "KERNEL_MALLOC: where the kernel heap starts",
        "bytes of kernel heap", "the pool of 256 process page directories"};

    private final HTMLElement list;
    private final HTMLElement none;
    private final Readout[] values = new Readout[NAMES.length];
    private int generation;

    GlobalsPanel(App app, Dom dom, HTMLElement container) {
        container.setAttribute("aria-labelledby", "globals-title");
        dom.heading(container, "Kernel globals", "globals-title");
        none = dom.add(container, "p", "notice", "A bare machine has no guest kernel, so no globals: boot CeanOS to see them.");
        none.setHidden(true);
        list = dom.add(container, "dl", "globals");
        for (int i = 0; i < NAMES.length; i++) {
            HTMLElement dt = dom.add(list, "dt", "mono", NAMES[i]);
            dt.setAttribute("title", TITLES[i]);
            HTMLElement dd = dom.add(list, "dd", "mono");
            dd.setId("g-" + NAMES[i]);
            values[i] = new Readout(dd);
        }
        app.addListener(this);
    }

    @Override
    public void changed(App app, int what) {
        if ((what & App.MACHINE) == 0) {
            return;
        }
        generation++;
        CeanOs os = app.session().os();
        Dom.hide(none, os != null);
        Dom.hide(list, os == null);
        if (os == null) {
            return;
        }
        GuestGlobals g = os.globals();
        String[] text = new String[NAMES.length];
        text[0] = os.config().toString();
        text[1] = frame(g.pageFrameMin());
        text[2] = frame(g.pageFrameMax());
        text[3] = Integer.toString(g.totalAlloc());
        text[4] = Integer.toString(g.memNumVpages());
        text[5] = Hex.hex32(g.heapStart());
        text[6] = Hex.hex32(g.heapSize()) + (g.heapSize() > 0 ? " (" + Sizes.ofBytes(g.heapSize()) + ")" : "");
        StringBuilder pool = new StringBuilder();
        int n = 0;
        for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
            if (g.pageDirUsed(i)) {
                if (n < 6) {
                    pool.append(n == 0 ? ": " : ", ").append('[').append(i).append(']');
                }
                n++;
            }
        }
        if (n > 6) {
            pool.append(" and ").append(n - 6).append(" more");
        }
        text[7] = n + " of " + KernelLayout.NUM_PAGE_DIRS + " in use" + pool;
        for (int i = 0; i < NAMES.length; i++) {
            values[i].set(text[i], true, generation);
        }
    }

    /** A frame number and the address it starts at: 592 (0x00250000). */
    private static String frame(int number) {
        return Integer.toUnsignedString(number) + " (" + Hex.hex32(number << 12) + ")";
    }
}
