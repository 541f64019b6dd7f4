package org.pagewalk.machine;

/**
 * The whole machine at one moment: memory (shared copy-on-write, so O(1) to take), control
 * registers and the TLB's arrays (a few KiB, in a block shared with other snapshots). Immutable;
 * restore it as often as you like.
 */
public final class MachineSnapshot {
    final MachineConfig config;
    final PhysicalMemory.Image memory;
    final int cr0;
    final int cr2;
    final int cr3;
    final int cr4;
    final TlbSnapshots.Image tlb;

    MachineSnapshot(MachineConfig config, PhysicalMemory.Image memory, int cr0, int cr2, int cr3, int cr4,
                    TlbSnapshots.Image tlb) {
        this.config = config;
        this.memory = memory;
        this.cr0 = cr0;
        this.cr2 = cr2;
        this.cr3 = cr3;
        this.cr4 = cr4;
        this.tlb = tlb;
    }

    public MachineConfig config() {
        return config;
    }
}
