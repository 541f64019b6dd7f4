package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.PhysicalMemory;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.text.Hex;

/**
 * Writes a session out as a scenario that rebuilds it: a bare boot, the non-zero words of
 * memory as {@code poke} runs, the control registers, the TLB's entries as {@code tlb-load}
 * (stale ones included, oldest first so LRU order survives), the CeanOS kernel re-attached, and
 * the variables. What it cannot carry: the TLB's hit/miss counters and the entry values each TLB
 * entry was filled from (staleness is judged against memory, so it is kept).
 */
public final class ScenarioWriter {
    private static final int WORDS_PER_LINE = 8;

    private ScenarioWriter() {
    }

    public static String write(Session s, String title) {
        Machine m = s.machine();
        StringBuilder sb = new StringBuilder(8192);
        sb.append("title ").append(title == null || title.isEmpty() ? "Saved machine state" : title).append('\n');
        sb.append("about A machine saved by Pagewalk: memory, control registers, the TLB and the CeanOS kernel as they were.\n");
        TlbGeometry g = m.config().tlb();
        sb.append("boot bare ram=").append(Boot.ram(m.memory().frames())).append(" tlb=").append(g.entries()).append('x')
                .append(g.ways()).append('\n');
        PhysicalMemory mem = m.memory();
        for (int f = 0; f < mem.frames(); f++) {
            if (!mem.isBacked(f)) {
                continue;
            }
            int[] w = mem.frameWords(f);
            int i = 0;
            while (i < 1024) {
                if (w[i] == 0) {
                    i++;
                    continue;
                }
                sb.append("poke ").append(Hex.hex32((f << 12) + (i << 2)));
                int n = 0;
                while (i < 1024 && w[i] != 0 && n < WORDS_PER_LINE) {
                    sb.append(' ').append(Hex.hex32(w[i]));
                    i++;
                    n++;
                }
                sb.append('\n');
            }
        }
        sb.append("mov cr4, ").append(Hex.hex32(m.cr().cr4())).append('\n');
        sb.append("mov cr3, ").append(Hex.hex32(m.cr().cr3())).append('\n');
        sb.append("mov cr0, ").append(Hex.hex32(m.cr().cr0())).append('\n');
        sb.append("mov cr2, ").append(Hex.hex32(m.cr().cr2())).append('\n');
        List<TlbEntry> entries = new ArrayList<>();
        for (int set = 0; set < g.sets(); set++) {
            for (int way = 0; way < g.ways(); way++) {
                TlbEntry e = m.tlb().entry(set, way);
                if (e.isValid()) {
                    entries.add(e);
                }
            }
        }
        // Oldest first: each load becomes the most recent, so the order inside every set survives.
        entries.sort((a, b) -> b.age() - a.age());
        for (TlbEntry e : entries) {
            sb.append("tlb-load set=").append(e.set()).append(" way=").append(e.way()).append(" linear=")
                    .append(Hex.hex32(e.linearBase())).append(" frame=").append(Hex.hex32(e.frame()))
                    .append(e.isLargePage() ? " 4M" : "").append(e.isUser() ? " user" : "")
                    .append(e.isWritable() ? " write" : "").append(e.isDirty() ? " dirty" : "")
                    .append(e.isGlobal() ? " global" : "").append('\n');
        }
        CeanOs os = s.os();
        if (os != null) {
            sb.append("attach ceanos variant=").append(os.config().isFixed() ? "fixed" : "as-written");
            if (!os.config().isFixed()) {
                sb.append(" defects=").append(Boot.defects(os.config().defects()));
            }
            sb.append('\n');
        }
        for (Map.Entry<String, Integer> v : s.variables().entrySet()) {
            sb.append(v.getKey()).append(" = ").append(Hex.hex32(v.getValue())).append('\n');
        }
        return sb.toString();
    }
}
