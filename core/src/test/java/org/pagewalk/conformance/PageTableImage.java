package org.pagewalk.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random 32-bit paging image for the QEMU comparison: a directory and a few page tables in
 * low memory (below 640 KiB, where QEMU's pc machine has plain RAM), random control registers,
 * and the addresses to sample. Entries carry random flags at both levels (P, R/W, U/S, PWT, PCD,
 * A, D, PS/PAT, G, the available bits and junk in not-present entries); PS=1 PDEs point to tables
 * as often as to 4 MiB pages, so that with CR4.PSE = 0 they are used as table pointers; one
 * table may be the directory itself. {@code pse36} puts junk in bits 21:13 of 4 MiB PDEs.
 */
final class PageTableImage {
    static final int FIRST_FRAME = 0x10;
    static final int FRAMES = 0x80;

    final long seed;
    final int cr0;
    final int cr3;
    final int cr4;
    /** Physical frame address -> its 1024 words, for each frame the image uses. */
    final List<int[]> frames = new ArrayList<>();
    final List<Integer> frameAddresses = new ArrayList<>();
    final List<Integer> samples = new ArrayList<>();

    PageTableImage(long seed, PagingMode mode, boolean pse36) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        int directory = (FIRST_FRAME + r.nextInt(FRAMES)) << 12;
        cr3 = directory | (r.nextBoolean() ? 0x08 : 0) | (r.nextBoolean() ? 0x10 : 0);
        cr4 = mode.cr4() | (r.nextBoolean() ? 1 << 4 : 0) | (r.nextBoolean() ? 1 << 7 : 0);
        cr0 = 0x80000011 | (r.nextBoolean() ? 1 << 16 : 0);
        int[] tables = new int[6];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = i == 0 && r.nextInt(3) == 0 ? directory : (FIRST_FRAME + r.nextInt(FRAMES)) << 12;
        }
        int[] dir = frame(directory);
        for (int d = 0; d < 1024; d++) {
            int flags = r.nextInt(0x1000) & ~0x1;
            if (r.nextInt(4) == 0) {
                dir[d] = r.nextInt() & ~1; // not present, junk everywhere else
                continue;
            }
            if (r.nextInt(3) == 0) {
                // With PSE off a PS=1 entry points to a table: keep it in RAM that reads zero in both.
                int frame = (cr4 & (1 << 4)) != 0 ? r.nextInt() & 0xFFC00000 : (1 + r.nextInt(3)) << 22;
                int low = pse36 && r.nextBoolean() ? r.nextInt() & 0x003FE000 : 0;
                dir[d] = frame | low | (r.nextBoolean() ? 0x1000 : 0) | (flags & 0xFFF) | 0x80 | 1;
            } else {
                // PS=1 on a table pointer only while PSE is off (then PS is ignored): with PSE on it
                // would be a 4 MiB page with bits 21:13 set, the PSE-36 case of the separate run.
                boolean psIgnored = (cr4 & (1 << 4)) == 0 && r.nextInt(4) == 0;
                dir[d] = tables[r.nextInt(tables.length)] | (flags & 0xFFF & ~0x80) | (psIgnored ? 0x80 : 0) | 1;
            }
        }
        for (int t : tables) {
            if (t == directory) {
                continue;
            }
            int[] table = frame(t);
            for (int i = 0; i < 1024; i++) {
                table[i] = r.nextInt(4) == 0 ? r.nextInt() & ~1 : (r.nextInt() & 0xFFFFFFFF) | 1;
            }
        }
        for (int i = 0; i < 96; i++) {
            int d = r.nextInt(1024);
            int t = r.nextInt(5) == 0 ? (r.nextBoolean() ? 0 : 1023) : r.nextInt(1024);
            int offset = r.nextInt(3) == 0 ? (r.nextBoolean() ? 0 : 0xFFF) : r.nextInt(0x1000);
            samples.add((d << 22) | (t << 12) | offset);
        }
        // QEMU's info mem and info tlb print every mapped page, about 400,000 lines for a full
        // directory, which cost most of a run. Only the entries some sample's walk reads stay
        // present: its PDE, and (when that PDE makes the directory a page table) the directory
        // entry read as its PTE. The others keep their junk with P = 0; no answer changes.
        boolean[] read = new boolean[1024];
        for (int a : samples) {
            read[a >>> 22] = true;
            read[(a >>> 12) & 0x3FF] = true;
        }
        for (int d = 0; d < 1024; d++) {
            dir[d] = read[d] ? dir[d] : dir[d] & ~1;
        }
    }

    private int[] frame(int address) {
        int i = frameAddresses.indexOf(address);
        if (i >= 0) {
            return frames.get(i);
        }
        int[] words = new int[1024];
        frameAddresses.add(address);
        frames.add(words);
        return words;
    }

    static byte[] bytes(int[] words) {
        byte[] b = new byte[4096];
        for (int i = 0; i < 1024; i++) {
            int w = words[i];
            b[i * 4] = (byte) w;
            b[i * 4 + 1] = (byte) (w >>> 8);
            b[i * 4 + 2] = (byte) (w >>> 16);
            b[i * 4 + 3] = (byte) (w >>> 24);
        }
        return b;
    }
}
