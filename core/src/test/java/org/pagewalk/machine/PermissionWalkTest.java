package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every combination of PDE and PTE R/W and U/S, CR0.WP, CPL 0/3 and read/write, through the
 * real walk, for 4 KiB pages (128 cases) and 4 MiB pages (32 cases). Each expects the exact
 * physical address, or the exact error code and CR2. The rights must be combined with AND
 * over both levels (SDM §4.6), which is what the expected values below spell out.
 */
class PermissionWalkTest {
    private static final int LINEAR_4K = 0x40123ABC;
    private static final int FRAME_4K = 0x00456000;
    private static final int LINEAR_4M = 0x80345678;
    private static final int FRAME_4M = 0x01400000;

    private static boolean allowed(boolean wp, boolean user, boolean us, boolean rw, boolean write) {
        if (user && !us) {
            return false;
        }
        if (user && write && !rw) {
            return false;
        }
        return !(!user && write && !rw && wp);
    }

    @TestFactory
    List<DynamicTest> fourKibPages() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int bits = 0; bits < 128; bits++) {
            boolean pdeRw = (bits & 1) != 0;
            boolean pdeUs = (bits & 2) != 0;
            boolean pteRw = (bits & 4) != 0;
            boolean pteUs = (bits & 8) != 0;
            boolean wp = (bits & 16) != 0;
            boolean user = (bits & 32) != 0;
            boolean write = (bits & 64) != 0;
            String name = "PDE " + (pdeRw ? "RW" : "rw") + (pdeUs ? "US" : "us") + " PTE " + (pteRw ? "RW" : "rw")
                    + (pteUs ? "US" : "us") + " WP=" + (wp ? 1 : 0) + (user ? " user " : " kernel ") + (write ? "write" : "read");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Tables t = Tables.pagingOn(MachineConfig.DEFAULT, true, wp);
                t.map4k(LINEAR_4K, FRAME_4K, (pdeRw ? EntryBits.WRITE : 0) | (pdeUs ? EntryBits.USER : 0),
                        (pteRw ? EntryBits.WRITE : 0) | (pteUs ? EntryBits.USER : 0));
                int access = (user ? Access.USER : 0) | (write ? Access.WRITE : 0);
                int physical = t.m.translate(LINEAR_4K, access);
                if (allowed(wp, user, pdeUs && pteUs, pdeRw && pteRw, write)) {
                    assertNull(t.m.lastFault(), name);
                    assertEquals(0x00456ABC, physical, name);
                } else {
                    PageFault f = t.m.lastFault();
                    assertEquals(PageFault.P | (write ? PageFault.WR : 0) | (user ? PageFault.US : 0), f.errorCode(), name);
                    assertEquals(LINEAR_4K, t.m.cr().cr2(), name);
                    assertEquals(PageFault.LEVEL_PTE, f.level(), name);
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> fourMibPages() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int bits = 0; bits < 32; bits++) {
            boolean rw = (bits & 1) != 0;
            boolean us = (bits & 2) != 0;
            boolean wp = (bits & 4) != 0;
            boolean user = (bits & 8) != 0;
            boolean write = (bits & 16) != 0;
            String name = "4M PDE " + (rw ? "RW" : "rw") + (us ? "US" : "us") + " WP=" + (wp ? 1 : 0)
                    + (user ? " user " : " kernel ") + (write ? "write" : "read");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Tables t = Tables.pagingOn(MachineConfig.DEFAULT, true, wp);
                t.pde(LINEAR_4M >>> 22, FRAME_4M | EntryBits.PRESENT | EntryBits.PAGE_SIZE
                        | (rw ? EntryBits.WRITE : 0) | (us ? EntryBits.USER : 0));
                int access = (user ? Access.USER : 0) | (write ? Access.WRITE : 0);
                int physical = t.m.translate(LINEAR_4M, access);
                if (allowed(wp, user, us, rw, write)) {
                    assertNull(t.m.lastFault(), name);
                    assertEquals(0x01745678, physical, name);
                } else {
                    assertEquals(PageFault.P | (write ? PageFault.WR : 0) | (user ? PageFault.US : 0),
                            t.m.lastFault().errorCode(), name);
                    assertEquals(LINEAR_4M, t.m.cr().cr2(), name);
                    assertEquals(PageFault.LEVEL_PDE, t.m.lastFault().level(), name);
                }
            }));
        }
        return tests;
    }
}
