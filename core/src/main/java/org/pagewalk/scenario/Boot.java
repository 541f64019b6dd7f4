package org.pagewalk.scenario;

import org.pagewalk.guest.Defect;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.PhysicalMemory;
import org.pagewalk.machine.TlbGeometry;

/** {@code boot ceanos|bare [ram=SIZE] [tlb=ENTRIESxWAYS] [variant=...] [defects=...]}: a new machine. */
public final class Boot extends Command {
    final MachineConfig config;
    /** The kernel to boot, or {@code null} for a bare machine. */
    final GuestConfig guest;

    Boot(int line, int column, String source, MachineConfig config, GuestConfig guest) {
        super(line, column, source);
        this.config = config;
        this.guest = guest;
    }

    @Override
    public String command() {
        return "boot";
    }

    @Override
    public boolean isBoot() {
        return true;
    }

    @Override
    public String toLine() {
        StringBuilder sb = new StringBuilder("boot ").append(guest == null ? "bare" : "ceanos");
        if (config.ramFrames() != MachineConfig.DEFAULT_FRAMES) {
            sb.append(" ram=").append(ram(config.ramFrames()));
        }
        if (!config.tlb().equals(TlbGeometry.DEFAULT)) {
            sb.append(" tlb=").append(config.tlb().entries()).append('x').append(config.tlb().ways());
        }
        if (guest != null) {
            sb.append(guestOptions(guest));
        }
        return sb.toString();
    }

    /** " variant=as-written defects=..." (nothing for the fixed kernel): shared with attach and the writer. */
    static String guestOptions(GuestConfig guest) {
        return guest.isFixed() ? "" : " variant=as-written defects=" + defects(guest.defects());
    }

    /** RAM as boot's ram= option writes it: 4G, whole MiB, or KiB. */
    static String ram(int frames) {
        if (frames == PhysicalMemory.MAX_FRAMES) {
            return "4G";
        }
        if ((frames & 0xFF) == 0) {
            return (frames >>> 8) + "M";
        }
        return (frames * 4) + "K";
    }

    static String defects(int bits) {
        if (bits == Defect.all()) {
            return "all";
        }
        if (bits == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Defect d : Defect.values()) {
            if ((bits & d.bit()) != 0) {
                sb.append(sb.length() == 0 ? "" : ",").append(d.key());
            }
        }
        return sb.toString();
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
