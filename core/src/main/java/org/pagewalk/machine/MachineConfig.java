package org.pagewalk.machine;

import org.pagewalk.text.Sizes;

/** Installed RAM and TLB geometry: what a machine is built with. Immutable, validated. */
public final class MachineConfig {
    public static final int DEFAULT_FRAMES = 32 << 8; // 32 MiB
    public static final MachineConfig DEFAULT = new MachineConfig(DEFAULT_FRAMES, TlbGeometry.DEFAULT);

    private final int ramFrames;
    private final TlbGeometry tlb;

    public MachineConfig(int ramFrames, TlbGeometry tlb) {
        if (ramFrames < PhysicalMemory.MIN_FRAMES || ramFrames > PhysicalMemory.MAX_FRAMES) {
            throw new IllegalArgumentException("installed RAM must be 1 MiB to 4 GiB in whole 4 KiB frames, was "
                    + ramFrames + " frames");
        }
        if (tlb == null) {
            throw new IllegalArgumentException("TLB geometry must be given");
        }
        this.ramFrames = ramFrames;
        this.tlb = tlb;
    }

    /** RAM in MiB (1 to 4096). */
    public static MachineConfig ofMiB(int mib, int tlbEntries, int tlbWays) {
        if (mib < 1 || mib > 4096) {
            throw new IllegalArgumentException("installed RAM must be 1 MiB to 4096 MiB (4 GiB), was " + mib + " MiB");
        }
        return new MachineConfig(mib << 8, new TlbGeometry(tlbEntries, tlbWays));
    }

    public int ramFrames() {
        return ramFrames;
    }

    public TlbGeometry tlb() {
        return tlb;
    }

    @Override
    public String toString() {
        return Sizes.ofFrames(ramFrames) + " RAM, TLB " + tlb;
    }
}
