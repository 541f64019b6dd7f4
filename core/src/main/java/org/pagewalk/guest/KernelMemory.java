package org.pagewalk.guest;

import static org.pagewalk.guest.KernelLayout.GLOBALS;
import static org.pagewalk.guest.KernelLayout.virt;

import org.pagewalk.machine.Access;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.PageFault;

/**
 * Memory as CeanOS's C code reaches it: kernel virtual addresses through the MMU at CPL 0, with
 * every walk, A/D update and TLB fill that brings. A page fault stops the call where it happened
 * ({@link GuestStop}), as a panic would.
 */
final class KernelMemory {
    private static final int K = Access.KERNEL_READ;
    private static final int KW = Access.KERNEL_WRITE;

    private final Machine m;

    KernelMemory(Machine m) {
        this.m = m;
    }

    int rd32(int v) {
        int value = m.read32(v, K);
        panicIfFaulted();
        return value;
    }

    int rd8(int v) {
        int value = m.read8(v, K);
        panicIfFaulted();
        return value;
    }

    void wr32(int v, int value) {
        m.write32(v, value, KW);
        panicIfFaulted();
    }

    void wr8(int v, int value) {
        m.write8(v, value, KW);
        panicIfFaulted();
    }

    /** memset(v, 0, words * 4), as {@code rep stosd}. */
    void fill(int v, int words) {
        m.fill32(v, words, 0, KW);
        panicIfFaulted();
    }

    /** A global of mem.c or malloc.c, at its offset in the kernel's data (KernelLayout). */
    int readGlobal(int offset) {
        return rd32(virt(GLOBALS + offset));
    }

    void writeGlobal(int offset, int value) {
        wr32(virt(GLOBALS + offset), value);
    }

    private void panicIfFaulted() {
        PageFault f = m.lastFault();
        if (f != null) {
            throw new GuestStop(null, f);
        }
    }
}
