package org.pagewalk.exercise;

import org.pagewalk.guest.Defect;

/**
 * A find-the-bug lab for each defect of the as-written CeanOS: the lesson that shows the symptom,
 * a short excerpt of {@code mem.c}'s logic (pseudo-C written for Pagewalk, close to the original
 * but not a copy), which lines are the faulty ones, the fixed variant of the excerpt, and why.
 */
public final class BugLab {
    private final Defect defect;
    private final String lesson;
    private final String[] excerpt;
    private final String[] fixed;
    private final int[] faulty;
    private final String why;

    private BugLab(Defect defect, String lesson, String[] excerpt, String[] fixed, int[] faulty, String why) {
        this.defect = defect;
        this.lesson = lesson;
        this.excerpt = excerpt;
        this.fixed = fixed;
        this.faulty = faulty;
        this.why = why;
    }

    private static final BugLab[] LABS = {
        new BugLab(Defect.FRAME_ADDRESS_MULTIPLY, "13-bug-frame-multiply.pw",
            new String[] {
                "uint32_t pmmAllocPageFrame(void) {",
                "    for (uint32_t b = start; b < end; b++) {      /* bitmap bytes */",
                "        uint8_t byte = bitmap[b];",
                "        if (byte == 0xFF) continue;               /* 8 frames in use */",
                "        for (uint32_t i = 0; i < 8; i++) {",
                "            if (!(byte >> i & 1)) {               /* frame b*8+i is free */",
                "                bitmap[b] = byte | (1 << i);      /* mark it used */",
                "                totalAlloc++;",
                "                return (b * 8 * i) * 0x1000;",
                "            }",
                "        }",
                "    }",
                "    return 0;",
                "}"},
            new String[] {null, null, null, null, null, null, null, null,
                "                return (b * 8 + i) * 0x1000;", null, null, null, null, null},
            new int[] {8},
            "The bit it marks is frame b*8+i, but the address it returns is (b*8*i)*0x1000: bit 0 of every byte "
                    + "returns physical 0, and the other bits return multiples of b*8, frames the bitmap never marked."),
        new BugLab(Defect.BITMAP_512_MIB, "19-bug-bitmap-512m.pw",
            new String[] {
                "#define NUM_PAGE_FRAMES (0x100000000 / 0x1000 / 8)   /* 4 GiB of frames, in bytes of bitmap */",
                "uint8_t physicalMemoryBitmap[NUM_PAGE_FRAMES / 8];",
                "static uint32_t pageDirs[256][1024];",
                "",
                "/* in pmmAllocPageFrame: */",
                "uint8_t byte = physicalMemoryBitmap[frame / 8];        /* no bound checked */"},
            new String[] {null, "uint8_t physicalMemoryBitmap[NUM_PAGE_FRAMES];", null, null, null, null},
            new int[] {1},
            "NUM_PAGE_FRAMES already counts bytes (frames / 8); dividing by 8 again makes the array 16 KiB, a bitmap "
                    + "for 512 MiB. Nothing checks the index, so frames above 512 MiB use whatever the linker placed "
                    + "after the array (Pagewalk places pageDirs[0] there)."),
        new BugLab(Defect.BYTE_ROUNDING, "14-bug-byte-rounding.pw",
            new String[] {
                "uint32_t pmmAllocPageFrame(void) {",
                "    uint32_t start = pageFrameMin / 8 + ((pageFrameMin & 7) != 0 ? 1 : 0);",
                "    uint32_t end = pageFrameMax / 8 - ((pageFrameMax & 7) != 0 ? 1 : 0);",
                "    for (uint32_t b = start; b < end; b++) {",
                "        /* ... the first clear bit of bitmap[b] ... */",
                "    }",
                "    return 0;",
                "}"},
            new String[] {null,
                "    uint32_t start = pageFrameMin / 8;            /* and skip frames below pageFrameMin */",
                "    uint32_t end = (pageFrameMax + 7) / 8;        /* and skip frames from pageFrameMax on */",
                null, null, null, null, null},
            new int[] {1, 2},
            "Both bounds round inwards to whole bytes: when pageFrameMin is not a multiple of 8 the scan starts at "
                    + "the next byte (up to 7 frames lost), and when pageFrameMax is not, it stops one whole byte early "
                    + "(up to 15 frames lost)."),
        new BugLab(Defect.NO_OUT_OF_MEMORY_CHECK, "15-bug-no-oom-check.pw",
            new String[] {
                "uint32_t pmmAllocPageFrame(void) {",
                "    /* ... scan the bitmap, return the first free frame ... */",
                "    return 0;                                     /* nothing free */",
                "}",
                "",
                "void memMapPage(uint32_t virt, uint32_t phys, uint32_t flags) {",
                "    if (!(pageDir[pdIndex] & PAGE_FLAG_PRESENT)) {",
                "        uint32_t ptPAddr = pmmAllocPageFrame();",
                "        pageDir[pdIndex] = ptPAddr | PAGE_FLAG_PRESENT | PAGE_FLAG_WRITE | PAGE_FLAG_OWNER | flags;",
                "        /* ... zero the new table ... */",
                "    }",
                "    pt[ptIndex] = phys | PAGE_FLAG_PRESENT | flags;",
                "}"},
            new String[] {null, null, "    panic(\"out of physical frames\");         /* or return an error the caller checks */",
                null, null, null, null, null, null, null, null, null, null},
            new int[] {2, 8},
            "0 is a valid physical address, so returning it for \"nothing free\" is an answer nobody can tell from a "
                    + "frame; memMapPage then makes physical 0 a page table without checking."),
        new BugLab(Defect.SILENT_REMAP, "16-bug-silent-remap.pw",
            new String[] {
                "void memMapPage(uint32_t virt, uint32_t phys, uint32_t flags) {",
                "    uint32_t pdIndex = virt >> 22;",
                "    uint32_t ptIndex = virt >> 12 & 0x3FF;",
                "    /* ... make sure the page table exists ... */",
                "    pt[ptIndex] = phys | PAGE_FLAG_PRESENT | flags;",
                "    mem_num_vpages++;",
                "    invalidate(virt);",
                "}"},
            new String[] {null, null, null, null,
                "    if (pt[ptIndex] & PAGE_FLAG_PRESENT) return;   /* already mapped: refuse */\n"
                    + "    pt[ptIndex] = phys | PAGE_FLAG_PRESENT | flags;",
                null, null, null},
            new int[] {4, 5},
            "The PTE is written without looking at what it held: a present mapping is replaced, its frame stays "
                    + "marked used with nothing pointing at it (a leak), and mem_num_vpages counts the page twice."),
        new BugLab(Defect.INVALIDATE_STACK_SLOT, "17-bug-invlpg-operand.pw",
            new String[] {
                "void memMapPage(uint32_t virt, uint32_t phys, uint32_t flags) {",
                "    /* ... */",
                "    pt[ptIndex] = phys | PAGE_FLAG_PRESENT | flags;",
                "    invalidate(virt);",
                "}",
                "",
                "void invalidate(uint32_t vaddr) {",
                "    asm volatile(\"invlpg %0\" :: \"m\"(vaddr));",
                "}"},
            new String[] {null, null, null, null, null, null, null,
                "    asm volatile(\"invlpg (%0)\" :: \"r\"(vaddr) : \"memory\");", null},
            new int[] {7},
            "INVLPG reads no memory: it invalidates the page that holds its operand's address. The \"m\" constraint "
                    + "makes the operand vaddr's own slot on the kernel stack, so the stack's page is invalidated and "
                    + "vaddr's page never is."),
        new BugLab(Defect.HEAP_IN_USER_HALF, "18-bug-heap-0x0D000000.pw",
            new String[] {
                "#define KERNEL_START  0xC0000000",
                "#define KERNEL_MALLOC 0xD000000",
                "#define REC_PAGEDIR   ((uint32_t *) 0xFFFFF000)",
                "",
                "void syncPageDirs(void) {      /* the kernel half only */",
                "    for (int i = 768; i < 1023; i++) pageDir[i] = initial_page_dir[i] & ~PAGE_FLAG_OWNER;",
                "}"},
            new String[] {null, "#define KERNEL_MALLOC 0xD0000000", null, null, null, null, null},
            new int[] {1},
            "0xD000000 has seven digits: the heap lands at 0x0D000000, PDE 52, in the user half, which syncPageDirs "
                    + "never copies into a process's directory."),
    };

    /** Every lab, in the order of the defects. */
    public static BugLab[] all() {
        return LABS.clone();
    }

    /** The lab for a defect key ({@code frame-multiply}), or {@code null}. */
    public static BugLab byKey(String key) {
        for (BugLab l : LABS) {
            if (l.defect.key().equals(key)) {
                return l;
            }
        }
        return null;
    }

    public Defect defect() {
        return defect;
    }

    /** The library lesson that runs the symptom. */
    public String lesson() {
        return lesson;
    }

    /** The excerpt as written, one line each. */
    public String[] excerpt() {
        return excerpt.clone();
    }

    /**
     * Line {@code i} in the fixed variant: the same as written where nothing changes; a fix that
     * adds a line holds two, separated by a newline.
     */
    public String fixedLine(int i) {
        return fixed[i] != null ? fixed[i] : excerpt[i];
    }

    /** Whether line {@code i} (0-based) is one of the faulty lines. */
    public boolean isFaulty(int i) {
        for (int f : faulty) {
            if (f == i) {
                return true;
            }
        }
        return false;
    }

    /** Why the faulty line is wrong, in a sentence or two. */
    public String why() {
        return why;
    }
}
