package org.pagewalk.conformance;

import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;

/**
 * Pagewalk's side of a QEMU comparison: how the harness sets its control registers and asks for
 * translations and accesses. {@link #AS_IS} is the machine itself; {@link WrongPagewalk} holds
 * deliberately wrong ones that the harnesses must catch (the check of the checker), built in test
 * scope around the public API, so production code has no hook for them.
 */
interface PagewalkSide {
    PagewalkSide AS_IS = new PagewalkSide() {
    };

    /** CR3, CR4, then CR0, as the QEMU side writes them. */
    default void controlRegisters(Machine m, int cr0, int cr3, int cr4) {
        m.cr().writeCr3(cr3);
        m.cr().writeCr4(cr4);
        m.cr().writeCr0(cr0);
    }

    default AccessResult probe(Machine m, int linear, int access) {
        return m.probe(linear, access);
    }

    default AccessResult access(Machine m, int linear, int access, int value, int size) {
        return m.access(linear, access, value, size);
    }
}
