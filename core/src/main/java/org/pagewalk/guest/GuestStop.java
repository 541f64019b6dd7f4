package org.pagewalk.guest;

import org.pagewalk.machine.PageFault;

/**
 * Unwinds a CeanOS call from anywhere inside the kernel: a refusal (the fixed variant's checks),
 * or a page fault the kernel took, as a panic would stop it. {@link CeanOs}'s call catches it and
 * turns it into the call's {@link CallResult}; it never leaves the guest package.
 */
final class GuestStop extends RuntimeException {
    final String refusal;
    final PageFault fault;

    GuestStop(String refusal, PageFault fault) {
        super(refusal, null, false, false);
        this.refusal = refusal;
        this.fault = fault;
    }

    static GuestStop refuse(String why) {
        return new GuestStop(why, null);
    }
}
