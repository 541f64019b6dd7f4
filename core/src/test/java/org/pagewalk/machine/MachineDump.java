package org.pagewalk.machine;

/**
 * The whole visible state of a machine as text, read through its public API only, so that two
 * states compare with one {@code assertEquals} and a difference shows as a line: configuration,
 * control registers, the TLB's counters and every valid way (with its LRU age and the entries it
 * was filled from), and each backed frame's non-zero words. Test code only: the product keeps
 * states as {@link MachineSnapshot}s and exports them as scenarios.
 */
public final class MachineDump {
    private MachineDump() {
    }

    public static String of(Machine m) {
        StringBuilder sb = new StringBuilder(4096);
        MachineConfig c = m.config();
        sb.append("config ").append(c.ramFrames()).append(" frames, TLB ").append(c.tlb()).append('\n');
        ControlRegisters cr = m.cr();
        sb.append("cr ").append(hex(cr.cr0())).append(' ').append(hex(cr.cr2())).append(' ').append(hex(cr.cr3()))
                .append(' ').append(hex(cr.cr4())).append('\n');
        Tlb tlb = m.tlb();
        sb.append("tlb hits ").append(tlb.hits()).append(" misses ").append(tlb.misses()).append(" evictions ")
                .append(tlb.evictions()).append('\n');
        TlbGeometry g = tlb.geometry();
        for (int set = 0; set < g.sets(); set++) {
            for (int way = 0; way < g.ways(); way++) {
                TlbEntry e = tlb.entry(set, way);
                if (e.isValid()) {
                    sb.append(e).append(" from ").append(hex(e.pdeAddress())).append('=').append(hex(e.pde()))
                            .append(' ').append(hex(e.pteAddress())).append('=').append(hex(e.pte())).append('\n');
                }
            }
        }
        PhysicalMemory mem = m.memory();
        for (int f = 0; f < mem.frames(); f++) {
            if (!mem.isBacked(f)) {
                continue;
            }
            int[] w = mem.frameWords(f);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 1024; i++) {
                if (w[i] != 0) {
                    line.append(' ').append(hex(i << 2)).append(':').append(hex(w[i]));
                }
            }
            if (line.length() > 0) {
                sb.append("frame ").append(hex(f)).append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static String hex(int v) {
        return Integer.toHexString(v);
    }
}
