package org.pagewalk.guest;

import org.pagewalk.machine.Machine;

/**
 * CeanOS's globals as they are in memory at one moment, read the way a debugger reads them:
 * physical reads, no MMU, no events.
 */
public final class GuestGlobals {
    private final int pageFrameMin;
    private final int pageFrameMax;
    private final int totalAlloc;
    private final int memNumVpages;
    private final int heapStart;
    private final int heapSize;
    private final boolean[] pageDirUsed;

    GuestGlobals(Machine m, KernelLayout layout) {
        int g = KernelLayout.GLOBALS;
        pageFrameMin = m.readPhysical32(g + KernelLayout.PAGE_FRAME_MIN);
        pageFrameMax = m.readPhysical32(g + KernelLayout.PAGE_FRAME_MAX);
        totalAlloc = m.readPhysical32(g + KernelLayout.TOTAL_ALLOC);
        memNumVpages = m.readPhysical32(g + KernelLayout.MEM_NUM_VPAGES);
        heapStart = m.readPhysical32(g + KernelLayout.HEAP_START);
        heapSize = m.readPhysical32(g + KernelLayout.HEAP_SIZE);
        pageDirUsed = new boolean[KernelLayout.NUM_PAGE_DIRS];
        for (int i = 0; i < pageDirUsed.length; i++) {
            pageDirUsed[i] = m.readPhysical8(g + KernelLayout.PAGE_DIR_USED + i) != 0;
        }
    }

    public int pageFrameMin() {
        return pageFrameMin;
    }

    public int pageFrameMax() {
        return pageFrameMax;
    }

    public int totalAlloc() {
        return totalAlloc;
    }

    /** mem_num_vpages is a C int: it may go negative. */
    public int memNumVpages() {
        return memNumVpages;
    }

    public int heapStart() {
        return heapStart;
    }

    public int heapSize() {
        return heapSize;
    }

    public boolean pageDirUsed(int i) {
        return pageDirUsed[i];
    }

    public int pageDirsInUse() {
        int n = 0;
        for (boolean b : pageDirUsed) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Whether the bitmap marks {@code frame} used (reading past a short bitmap as the C code would). */
    public static boolean bitmapBit(Machine m, int frame) {
        return (m.readPhysical8(KernelLayout.BITMAP + (frame >>> 3)) & (1 << (frame & 7))) != 0;
    }
}
