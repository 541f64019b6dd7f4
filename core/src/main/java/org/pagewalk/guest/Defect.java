package org.pagewalk.guest;

/**
 * The defects of CeanOS's original memory manager (tayoky/ceanos, mm/mem.c and mm/mem.h), each
 * switchable in the as-written variant, each with what it breaks in plain words.
 */
public enum Defect {
    FRAME_ADDRESS_MULTIPLY("frame-multiply",
            "pmmAllocPageFrame returns (b*8*i)*0x1000 instead of (b*8+i)*0x1000",
            "Bit 0 of every byte returns physical 0, the other bits multiples of b*8 that the bitmap never marked, so "
                    + "frames are handed out twice. At boot kernel.c runs initMemory, then kmallocInit, whose "
                    + "changeHeapSize allocates before it maps: physical 0 becomes the heap's first page (the kmalloc "
                    + "header lands on the real-mode interrupt vector table) and the heap's page table gets the second "
                    + "allocation, 0x00250000. A page table lands on physical 0 only when its own allocation is the one "
                    + "at bit 0."),
    BITMAP_512_MIB("bitmap-512m",
            "physicalMemoryBitmap has NUM_PAGE_FRAMES / 8 bytes: 16 KiB, 131072 frames, 512 MiB",
            "NUM_PAGE_FRAMES is already divided by 8, and the array divides again: on a machine above 512 MiB the "
                    + "allocator reads and writes past the end of the bitmap, into whatever the linker placed after it "
                    + "(Pagewalk places pageDirs[0] there)."),
    BYTE_ROUNDING("byte-rounding",
            "the scan starts at byte ceil(pageFrameMin / 8) and, when pageFrameMax is not a multiple of 8, stops before "
                    + "byte floor(pageFrameMax / 8) - 1",
            "The allocator works in whole bitmap bytes and rounds inwards at both ends: up to 7 frames after "
                    + "pageFrameMin and up to 15 frames before pageFrameMax are never handed out."),
    NO_OUT_OF_MEMORY_CHECK("no-oom-check",
            "pmmAllocPageFrame returns 0 when nothing is free, and memMapPage uses it",
            "When memory runs out the allocator returns 0, and a memMapPage that needs a new page table makes "
                    + "physical 0 that table: it is zeroed over whatever lived there, and its PTEs are written into it."),
    SILENT_REMAP("silent-remap",
            "memMapPage overwrites a present PTE and counts it again",
            "Mapping an address that is already mapped replaces the old frame without a word (the old frame "
                    + "leaks) and mem_num_vpages grows although no new page exists."),
    INVALIDATE_STACK_SLOT("invlpg-operand",
            "invalidate(vaddr) is asm(\"invlpg %0\" :: \"m\"(vaddr))",
            "INVLPG reads no memory: it invalidates the page that holds its operand's address. The \"m\" "
                    + "constraint makes that operand vaddr's own slot on the kernel stack, so INVLPG invalidates the "
                    + "stack's page (inside the 4 MiB page at 0xC0000000), never vaddr's page: a stale translation "
                    + "survives every unmap and every memMapPage that replaces a present PTE (a not-present PTE is "
                    + "never cached, so a first mapping leaves nothing stale)."),
    HEAP_IN_USER_HALF("heap-0x0D000000",
            "KERNEL_MALLOC is 0xD000000, one digit short of 0xD0000000",
            "The kernel heap sits at 0x0D000000 in the user half (PDE 52): it is mapped only into the directory "
                    + "that was current at boot and syncPageDirs never shares it with process directories.");

    private final String key;
    private final String code;
    private final String consequence;

    Defect(String key, String code, String consequence) {
        this.key = key;
        this.code = code;
        this.consequence = consequence;
    }

    /** The short name scenarios and URLs use. */
    public String key() {
        return key;
    }

    /** What the C code does. */
    public String code() {
        return code;
    }

    /** What it breaks. */
    public String consequence() {
        return consequence;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public static int all() {
        return (1 << values().length) - 1;
    }

    public static Defect byKey(String key) {
        for (Defect d : values()) {
            if (d.key.equals(key)) {
                return d;
            }
        }
        return null;
    }

    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (Defect d : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(d.key);
        }
        return sb.toString();
    }
}
