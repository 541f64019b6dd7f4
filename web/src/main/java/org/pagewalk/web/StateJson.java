package org.pagewalk.web;

import org.pagewalk.text.Hex;

/** The registers and globals as a JSON object text: for window.pagewalk.state() and postMessage replies. */
public final class StateJson {
    private StateJson() {
    }

    public static String of(App app) {
        org.pagewalk.machine.Machine m = app.session().machine();
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"cr0\":\"").append(Hex.hex32(m.cr().cr0())).append("\",\"cr2\":\"").append(Hex.hex32(m.cr().cr2()))
                .append("\",\"cr3\":\"").append(Hex.hex32(m.cr().cr3())).append("\",\"cr4\":\"").append(Hex.hex32(m.cr().cr4()))
                .append("\",\"tlbEntries\":").append(m.tlb().validEntries()).append(",\"tlbHits\":").append(m.tlb().hits())
                .append(",\"tlbMisses\":").append(m.tlb().misses()).append(",\"address\":\"").append(Hex.hex32(app.currentAddress()))
                .append('"');
        if (app.session().os() != null) {
            org.pagewalk.guest.GuestGlobals g = app.session().os().globals();
            sb.append(",\"variant\":\"").append(app.session().os().config()).append("\",\"pageFrameMin\":").append(g.pageFrameMin())
                    .append(",\"pageFrameMax\":").append(g.pageFrameMax()).append(",\"totalAlloc\":").append(g.totalAlloc())
                    .append(",\"mem_num_vpages\":").append(g.memNumVpages()).append(",\"pageDirsInUse\":").append(g.pageDirsInUse());
        }
        return sb.append('}').toString();
    }

}
