package org.pagewalk.guest;

import static org.pagewalk.guest.KernelLayout.virt;

import org.pagewalk.machine.Machine;
import org.pagewalk.text.Hex;
import org.pagewalk.trace.EventKind;

/**
 * mem.c's physical frame allocator: one bit per 4 KiB frame in the bitmap at BITMAP, the globals
 * pageFrameMin, pageFrameMax and totalAlloc (and, fixed, a next-free hint), all in emulated memory
 * and reached as the kernel reaches them ({@link KernelMemory}). The bodies of pmm_init,
 * pmmAllocPageFrame and pmmFreePageFrame; {@link CeanOs} makes each a traced call.
 */
final class FrameAllocator {
    private final Machine m;
    private final GuestConfig config;
    private final KernelLayout layout;
    private final KernelMemory mem;

    FrameAllocator(Machine m, GuestConfig config, KernelLayout layout, KernelMemory mem) {
        this.m = m;
        this.config = config;
        this.layout = layout;
        this.mem = mem;
    }

    /** pmm_init: the bounds, no frame allocated, every bit of the bitmap clear. */
    void init(int memLow, int memHigh) {
        // CEIL_DIV(memLow, 0x1000) in uint32_t arithmetic, wrap-around included.
        int min = (memLow + 0xFFF) >>> 12;
        mem.writeGlobal(KernelLayout.PAGE_FRAME_MIN, min);
        mem.writeGlobal(KernelLayout.PAGE_FRAME_MAX, memHigh >>> 12);
        mem.writeGlobal(KernelLayout.TOTAL_ALLOC, 0);
        mem.fill(virt(KernelLayout.BITMAP), layout.bitmapBytes() / 4);
        if (config.isFixed()) {
            mem.writeGlobal(KernelLayout.NEXT_FREE_HINT, min);
        }
    }

    /** The fixed variant's check of an allocator range (initMemory, pmm_init). */
    void checkRange(int low, int high) {
        int ramTop = m.memory().frames() << 12; // 0 for 4 GiB: handled below
        boolean fullRam = m.memory().frames() == 1 << 20;
        if (!fullRam && Integer.compareUnsigned(high, ramTop) > 0) {
            throw GuestStop.refuse("memHigh " + Hex.hex32(high) + " is beyond installed RAM (" + m.memory().sizeText()
                    + ", the highest allowed is " + Hex.hex32(ramTop) + ")");
        }
        if (Integer.compareUnsigned(low, layout.kernelEnd()) < 0) {
            throw GuestStop.refuse("the allocation start " + Hex.hex32(low) + " lies below the end of the kernel image ("
                    + Hex.hex32(layout.kernelEnd()) + "): the allocator would hand out the kernel's own frames");
        }
        if (Integer.compareUnsigned(low, high) >= 0) {
            throw GuestStop.refuse("the allocation start " + Hex.hex32(low) + " must be below memHigh " + Hex.hex32(high));
        }
    }

    /** pmmAllocPageFrame: the physical address of a frame now marked allocated. */
    int alloc() {
        return config.isFixed() ? allocFixed() : allocAsWritten();
    }

    /** A bitmap scan by 32-bit words from a next-free hint: linear in frames over a whole run. */
    private int allocFixed() {
        int min = mem.readGlobal(KernelLayout.PAGE_FRAME_MIN);
        int max = mem.readGlobal(KernelLayout.PAGE_FRAME_MAX);
        int frame = Math.max(mem.readGlobal(KernelLayout.NEXT_FREE_HINT), min);
        int bitmap = virt(KernelLayout.BITMAP);
        while (Integer.compareUnsigned(frame, max) < 0) {
            int wordAddress = bitmap + ((frame >>> 5) << 2);
            int word = mem.rd32(wordAddress);
            int free = ~word & (-1 << (frame & 31));
            if (free == 0) {
                frame = ((frame >>> 5) + 1) << 5;
                continue;
            }
            int found = ((frame >>> 5) << 5) + Integer.numberOfTrailingZeros(free);
            if (Integer.compareUnsigned(found, max) >= 0) {
                break;
            }
            mem.wr32(wordAddress, word | (1 << (found & 31)));
            int total = mem.readGlobal(KernelLayout.TOTAL_ALLOC) + 1;
            mem.writeGlobal(KernelLayout.TOTAL_ALLOC, total);
            mem.writeGlobal(KernelLayout.NEXT_FREE_HINT, found + 1);
            m.trace().event(EventKind.FRAME_ALLOC, found << 12, found, total, 0);
            return found << 12;
        }
        throw GuestStop.refuse("out of physical frames: every frame from " + Hex.hex32(min << 12) + " to "
                + Hex.hex32((max << 12) - 1) + " is allocated");
    }

    /** mem.c's loop, byte by byte, with each defect that is on. */
    private int allocAsWritten() {
        int min = mem.readGlobal(KernelLayout.PAGE_FRAME_MIN);
        int max = mem.readGlobal(KernelLayout.PAGE_FRAME_MAX);
        boolean rounding = config.has(Defect.BYTE_ROUNDING);
        int start = rounding ? (min >>> 3) + ((min & 7) != 0 ? 1 : 0) : min >>> 3;
        int end = rounding ? (max >>> 3) - ((max & 7) != 0 ? 1 : 0) : (max + 7) >>> 3;
        int bitmap = virt(KernelLayout.BITMAP);
        for (int b = start; Integer.compareUnsigned(b, end) < 0; b++) {
            int value = mem.rd8(bitmap + b);
            if (value == 0xFF) {
                continue;
            }
            for (int i = 0; i < 8; i++) {
                if (((value >>> i) & 1) != 0) {
                    continue;
                }
                int frame = (b << 3) + i;
                if (!rounding && (Integer.compareUnsigned(frame, min) < 0 || Integer.compareUnsigned(frame, max) >= 0)) {
                    continue;
                }
                value |= 1 << i;
                mem.wr8(bitmap + b, value);
                int total = mem.readGlobal(KernelLayout.TOTAL_ALLOC) + 1;
                mem.writeGlobal(KernelLayout.TOTAL_ALLOC, total);
                int address = config.has(Defect.FRAME_ADDRESS_MULTIPLY) ? (b * 8 * i) * 0x1000 : frame * 0x1000;
                m.trace().event(EventKind.FRAME_ALLOC, address, address >>> 12, total, 0);
                return address;
            }
        }
        if (config.has(Defect.NO_OUT_OF_MEMORY_CHECK)) {
            m.trace().text(EventKind.NOTE, "pmmAllocPageFrame found no free frame and returns 0", 0, 0);
            return 0;
        }
        throw GuestStop.refuse("out of physical frames: every frame the allocator scans is allocated");
    }

    /** pmmFreePageFrame: the frame at {@code physAddr} is free again. */
    void free(int physAddr) {
        int frame = physAddr >>> 12;
        int byteAddress = virt(KernelLayout.BITMAP) + (frame >>> 3);
        if (config.isFixed()) {
            if ((physAddr & 0xFFF) != 0) {
                throw GuestStop.refuse("the physical address " + Hex.hex32(physAddr) + " is not page aligned (its low 12 bits must be 0)");
            }
            int min = mem.readGlobal(KernelLayout.PAGE_FRAME_MIN);
            int max = mem.readGlobal(KernelLayout.PAGE_FRAME_MAX);
            if (Integer.compareUnsigned(frame, min) < 0 || Integer.compareUnsigned(frame, max) >= 0) {
                throw GuestStop.refuse(Hex.hex32(physAddr) + " is outside the allocator's range " + Hex.hex32(min << 12) + ".."
                        + Hex.hex32((max << 12) - 1));
            }
            if ((mem.rd8(byteAddress) & (1 << (frame & 7))) == 0) {
                throw GuestStop.refuse("frame " + Hex.hex32(physAddr) + " is not allocated: freeing it twice would corrupt totalAlloc");
            }
        }
        mem.wr8(byteAddress, mem.rd8(byteAddress) & ~(1 << (frame & 7)));
        int total = mem.readGlobal(KernelLayout.TOTAL_ALLOC) - 1;
        mem.writeGlobal(KernelLayout.TOTAL_ALLOC, total);
        if (config.isFixed() && Integer.compareUnsigned(frame, mem.readGlobal(KernelLayout.NEXT_FREE_HINT)) < 0) {
            mem.writeGlobal(KernelLayout.NEXT_FREE_HINT, frame);
        }
        m.trace().event(EventKind.FRAME_FREE, physAddr, frame, total, 0);
    }
}
