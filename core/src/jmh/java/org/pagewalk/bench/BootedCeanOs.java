package org.pagewalk.bench;

import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.TlbGeometry;

/** A machine with CeanOS (fixed variant) booted and initMemory done, as the page starts it. */
final class BootedCeanOs {
    private BootedCeanOs() {
    }

    /**
     * Boots CeanOS on {@code mib} MiB of RAM and runs initMemory with the allocator's range from
     * the end of the kernel image to the top of RAM (0xFFFFF000 for 4 GiB, the highest a
     * uint32_t memHigh can say).
     */
    static CeanOs boot(int mib) {
        Machine m = new Machine(new MachineConfig(mib << 8, TlbGeometry.DEFAULT));
        CeanOs os = CeanOs.boot(m, GuestConfig.FIXED);
        ok(os.initMemory(memHigh(mib), os.layout().kernelEnd()));
        return os;
    }

    /** The top of RAM as a uint32_t: 4 GiB does not fit, so 0xFFFFF000 there. */
    static int memHigh(int mib) {
        return mib == 4096 ? 0xFFFFF000 : mib << 20;
    }

    static int kernelEnd() {
        return new KernelLayout(false).kernelEnd();
    }

    static void ok(CallResult r) {
        PagedMachine.check(r.ok(), r.toString());
    }
}
