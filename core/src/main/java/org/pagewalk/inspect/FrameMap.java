package org.pagewalk.inspect;

import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.Machine;

/**
 * The use of every physical frame, computed from memory's truth (the directories and tables
 * reachable from initial_page_dir, CR3 and the used pageDirs), plus the bitmap's opinion beside
 * it: the as-written allocator makes the two differ, and the frame map shows where.
 *
 * <p>Built by debugger reads (no MMU, no events). One byte per frame of the whole 4 GiB space,
 * so a 4 GiB machine's map is 1 MiB and takes a few milliseconds.
 */
public final class FrameMap {
    public static final int FRAMES = 1 << 20;

    private final byte[] kinds;
    private final boolean[] bitmap;
    private final int installed;
    private final int firstAllocatable;

    private FrameMap(byte[] kinds, boolean[] bitmap, int installed) {
        this.kinds = kinds;
        this.bitmap = bitmap;
        this.installed = installed;
        int f = 0;
        while (f < installed && (kinds[f] == FrameKind.LOW.ordinal() || kinds[f] == FrameKind.KERNEL_IMAGE.ordinal())) {
            f++;
        }
        this.firstAllocatable = f;
    }

    public static FrameMap of(Machine m, CeanOs os) {
        int installed = m.memory().frames();
        byte[] kinds = new byte[FRAMES];
        boolean[] bitmap = new boolean[installed];
        for (int f = installed; f < FRAMES; f++) {
            kinds[f] = (byte) FrameKind.BEYOND_RAM.ordinal();
        }
        int min = 0;
        int max = installed;
        if (os != null) {
            GuestGlobals g = os.globals();
            min = Math.min(g.pageFrameMin(), installed);
            for (int f = 0; f < min; f++) {
                kinds[f] = (byte) FrameKind.LOW.ordinal();
            }
            KernelLayout layout = os.layout();
            for (int f = KernelLayout.CODE >>> 12; f < layout.kernelEnd() >>> 12 && f < installed; f++) {
                kinds[f] = (byte) FrameKind.KERNEL_IMAGE.ordinal();
            }
            max = Math.min(g.pageFrameMax(), installed);
            for (int f = 0; f < installed; f++) {
                bitmap[f] = GuestGlobals.bitmapBit(m, f);
                if (bitmap[f] && kinds[f] == FrameKind.FREE.ordinal()) {
                    kinds[f] = (byte) FrameKind.ALLOCATED.ordinal();
                }
            }
        }
        // Directories: the current one, initial_page_dir, every used pool entry.
        markDirectory(m, kinds, installed, m.cr().cr3() & EntryBits.FRAME_4K);
        if (os != null) {
            markDirectory(m, kinds, installed, KernelLayout.INITIAL_PAGE_DIR);
            GuestGlobals g = os.globals();
            for (int i = 0; i < KernelLayout.NUM_PAGE_DIRS; i++) {
                if (g.pageDirUsed(i)) {
                    markDirectory(m, kinds, installed, os.layout().pageDir(i));
                }
            }
        }
        return new FrameMap(kinds, bitmap, installed);
    }

    private static void markDirectory(Machine m, byte[] kinds, int installed, int dir) {
        int frame = dir >>> 12;
        if (frame >= installed) {
            return;
        }
        kinds[frame] = (byte) FrameKind.DIRECTORY.ordinal();
        boolean pse = m.cr().pse();
        for (int i = 0; i < 1024; i++) {
            int pde = m.readPhysical32(dir + i * 4);
            if ((pde & EntryBits.PRESENT) == 0 || (pse && (pde & EntryBits.PAGE_SIZE) != 0)) {
                continue;
            }
            int table = pde & EntryBits.FRAME_4K;
            int tf = table >>> 12;
            if (tf >= installed || table == dir) {
                continue;
            }
            if (kinds[tf] != FrameKind.DIRECTORY.ordinal() && kinds[tf] != FrameKind.KERNEL_IMAGE.ordinal()) {
                kinds[tf] = (byte) FrameKind.PAGE_TABLE.ordinal();
            }
            for (int j = 0; j < 1024; j++) {
                int pte = m.readPhysical32(table + j * 4);
                if ((pte & EntryBits.PRESENT) == 0) {
                    continue;
                }
                int pf = pte >>> 12;
                if (pf < installed && (kinds[pf] == FrameKind.FREE.ordinal() || kinds[pf] == FrameKind.ALLOCATED.ordinal()
                        || kinds[pf] == FrameKind.LOW.ordinal())) {
                    kinds[pf] = (byte) FrameKind.MAPPED.ordinal();
                }
            }
        }
    }

    public FrameKind kind(int frame) {
        return FrameKind.values()[kinds[frame]];
    }

    /** The raw ordinal of {@link FrameKind} per frame (for drawing: no allocation per frame). */
    public int kindOrdinal(int frame) {
        return kinds[frame];
    }

    public int installedFrames() {
        return installed;
    }

    /** Whether the bitmap marks the frame used (false on a bare machine). */
    public boolean bitmapUsed(int frame) {
        return frame < installed && bitmap[frame];
    }

    /**
     * Where the bitmap and memory disagree: a frame in use as a table or a mapped page that the
     * bitmap calls free (the allocator may hand it out again), inside the allocator's range.
     */
    public boolean disagrees(int frame) {
        if (frame >= installed) {
            return false;
        }
        int k = kinds[frame];
        return !bitmap[frame] && (k == FrameKind.PAGE_TABLE.ordinal() || k == FrameKind.MAPPED.ordinal())
                && frame >= firstAllocatable;
    }

    public int count(FrameKind kind) {
        int n = 0;
        for (byte k : kinds) {
            if (k == kind.ordinal()) {
                n++;
            }
        }
        return n;
    }
}
