package org.pagewalk.guest;

import org.pagewalk.text.Hex;

/**
 * Where CeanOS's kernel image puts things, in physical memory (virtual = physical +
 * KERNEL_START). The real addresses depend on the linker; these are Pagewalk's choice, fixed
 * and shown in the UI:
 * <pre>
 * 0x00100000  .text/.rodata          code (44 KiB)
 * 0x0010B000  initial_page_dir       4 KiB, from boot.s
 * 0x0010C000  globals                pageFrameMin, pageFrameMax, totalAlloc, mem_num_vpages,
 *                                    heap globals; pageDirUsed[256] at +0x100
 * 0x0010D000  kernel stack           128 KiB (boot.s: 16384 * 8), top at 0x0012D000
 * 0x0012D000  (unused)
 * 0x00130000  physicalMemoryBitmap   128 KiB (fixed: 4 GiB) or 16 KiB (as written: 512 MiB)
 * after it    pageDirs[256][1024]    1 MiB, 4 KiB aligned, directly after the bitmap, so the
 *                                    as-written allocator's overrun lands in pageDirs[0]
 * after that  end of the kernel image
 * </pre>
 */
public final class KernelLayout {
    public static final int KERNEL_START = 0xC0000000;
    public static final int KERNEL_LOAD = 0x00100000;
    public static final int KERNEL_MALLOC_FIXED = 0xD0000000;
    public static final int KERNEL_MALLOC_AS_WRITTEN = 0x0D000000;
    public static final int NUM_PAGE_DIRS = 256;

    public static final int CODE = 0x00100000;
    public static final int INITIAL_PAGE_DIR = 0x0010B000;
    public static final int GLOBALS = 0x0010C000;
    public static final int STACK_BOTTOM = 0x0010D000;
    public static final int STACK_TOP = 0x0012D000;
    public static final int BITMAP = 0x00130000;

    /** Offsets of the globals inside the GLOBALS page. */
    public static final int PAGE_FRAME_MIN = 0x00;
    public static final int PAGE_FRAME_MAX = 0x04;
    public static final int TOTAL_ALLOC = 0x08;
    public static final int MEM_NUM_VPAGES = 0x0C;
    public static final int HEAP_START = 0x10;
    public static final int HEAP_SIZE = 0x14;
    public static final int THRESHOLD = 0x18;
    public static final int KMALLOC_INITIALIZED = 0x1C;
    public static final int FIRST_MEMORY_SEGMENT = 0x20;
    /** Fixed variant only: where the next free-frame search starts (keeps allocation linear). */
    public static final int NEXT_FREE_HINT = 0x24;
    public static final int PAGE_DIR_USED = 0x100;

    /**
     * The stack slot that holds invalidate()'s parameter {@code vaddr} when memMapPage calls it
     * (cdecl: [esp+4] inside invalidate, at the call depth main -> init_mm -> kmallocInit ->
     * changeHeapSize -> memMapPage -> invalidate). The as-written INVLPG targets this address.
     */
    public static final int INVALIDATE_ARG_SLOT = STACK_TOP - 0x74;

    private final int bitmapBytes;

    public KernelLayout(boolean bitmapCovers512MiB) {
        this.bitmapBytes = bitmapCovers512MiB ? 0x4000 : 0x20000;
    }

    /** Size of physicalMemoryBitmap in bytes. */
    public int bitmapBytes() {
        return bitmapBytes;
    }

    public int pageDirs() {
        return BITMAP + bitmapBytes;
    }

    /** Physical address of pageDirs[i]. */
    public int pageDir(int i) {
        return pageDirs() + (i << 12);
    }

    /** First byte after the kernel image. */
    public int kernelEnd() {
        return pageDirs() + (NUM_PAGE_DIRS << 12);
    }

    public static int virt(int physical) {
        return physical + KERNEL_START;
    }

    /** What a physical address inside the kernel image holds, or {@code null} outside it. */
    public String describe(int physical) {
        if (Integer.compareUnsigned(physical, CODE) < 0 || Integer.compareUnsigned(physical, kernelEnd()) >= 0) {
            return null;
        }
        if (physical < INITIAL_PAGE_DIR) {
            return "kernel code";
        }
        if (physical < GLOBALS) {
            return "initial_page_dir";
        }
        if (physical < STACK_BOTTOM) {
            return physical >= GLOBALS + PAGE_DIR_USED ? "pageDirUsed" : "kernel globals";
        }
        if (physical < STACK_TOP) {
            return "kernel stack";
        }
        if (physical < BITMAP) {
            return "kernel .bss";
        }
        if (physical < pageDirs()) {
            return "physicalMemoryBitmap";
        }
        return "pageDirs[" + ((physical - pageDirs()) >>> 12) + "]";
    }

    @Override
    public String toString() {
        return "kernel " + Hex.hex32(CODE) + ".." + Hex.hex32(kernelEnd()) + ", initial_page_dir " + Hex.hex32(INITIAL_PAGE_DIR)
                + ", bitmap " + Hex.hex32(BITMAP) + " (" + bitmapBytes + " bytes), pageDirs " + Hex.hex32(pageDirs());
    }
}
