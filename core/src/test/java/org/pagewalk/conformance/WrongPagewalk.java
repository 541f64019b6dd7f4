package org.pagewalk.conformance;

import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.PageFault;

/** Deliberately wrong Pagewalks: each QEMU harness must report divergences against them. */
final class WrongPagewalk {
    /** CR0.WP ignored: supervisor writes to read-only pages go through. */
    static final PagewalkSide WP_IGNORED = new PagewalkSide() {
        @Override
        public void controlRegisters(Machine m, int cr0, int cr3, int cr4) {
            PagewalkSide.AS_IS.controlRegisters(m, cr0 & ~ControlRegisterBits.CR0_WP, cr3, cr4);
        }
    };

    /** The error code's U/S bit dropped: every fault looks like a supervisor access's. */
    static final PagewalkSide USER_BIT_DROPPED = new PagewalkSide() {
        @Override
        public AccessResult probe(Machine m, int linear, int access) {
            return withoutUserBit(m.probe(linear, access));
        }

        @Override
        public AccessResult access(Machine m, int linear, int access, int value, int size) {
            return withoutUserBit(m.access(linear, access, value, size));
        }
    };

    private WrongPagewalk() {
    }

    private static AccessResult withoutUserBit(AccessResult r) {
        if (!r.isFault()) {
            return r;
        }
        PageFault f = r.fault();
        PageFault.Builder kind = f.isNotPresent() ? PageFault.notPresent()
                : f.isReserved() ? PageFault.reserved() : PageFault.protection();
        return AccessResult.faulted(kind.write(f.isWrite()).user(false).at(f.linear())
                .entry(f.level(), f.entryAddress(), f.entryValue()).build());
    }
}
