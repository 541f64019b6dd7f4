package org.pagewalk.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.PageFault;

/**
 * Pagewalk's faults against QEMU's (docs/CONFORMANCE.md, part 2): for each random image the
 * guest program {@code faultprobe.S} performs an access list at CPL 0 and 3 inside
 * {@code qemu-system-i386}, and Pagewalk performs the same list on the same memory. Compared: for
 * every access, fault or not, error code, CR2 and the value read; afterwards every word of RAM
 * outside the program's region (page-table entries with their A and D bits, data written,
 * entries written through tables that alias other tables). One QEMU process per image. QEMU or
 * binutils missing fails the test (./test.sh installs them).
 */
class FaultConformanceTest {
    private static final long CI_SEED = 0x13F0_2026L;
    private static final int CI_IMAGES = 16;
    private static final int CHECKER_IMAGES = 4;
    private static final int PSE36_IMAGES = 6;
    private static final int MAX_WORD_REPORTS = 8;
    private static FaultProbeProgram program;
    private static final Map<Long, QemuRun> QEMU_RUNS = new HashMap<>();

    @BeforeAll
    static void assemble() throws Exception {
        program = FaultProbeProgram.assemble();
    }

    private static long firstSeed() {
        return TestProperty.longValue("pagewalk.qemu.faultSeed", CI_SEED);
    }

    private static int images() {
        return (int) TestProperty.longValue("pagewalk.qemu.faultImages", CI_IMAGES);
    }

    /** What QEMU's run of one image left: the guest's status, its results, and RAM. */
    private static final class QemuRun {
        int status;
        int statusEip;
        int statusErrorCode;
        final List<FaultOutcome> outcomes = new ArrayList<>();
        byte[] low;
        byte[] high;

        int word(int physical) {
            byte[] b = physical < FaultImage.HOLE_END ? low : high;
            int at = physical < FaultImage.HOLE_END ? physical : physical - FaultImage.HOLE_END;
            return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
        }
    }

    /** What a comparison run came to. */
    private static final class Tally {
        int images;
        int accesses;
        int faults;
        int crossing;
        int secondPageFaults;
        /** Of those, writes whose first page's leaf entry got D although no byte was written. */
        int firstPageDirtied;
        int wordsChanged;
        /** Words of the page-table frames changed beyond A and D: written through an aliasing table. */
        int tableWordsWritten;
        /** CPL 0 writes to read-only pages: faulted with CR0.WP = 1, went through with WP = 0. */
        int readOnlyKernelWritesFaulted;
        int readOnlyKernelWritesAllowed;
        /** QEMU's RSVD faults without P: the documented QEMU difference (SDM §4.7: RSVD implies P). */
        int rsvdWithoutP;
        String firstRsvdWithoutP = "none";
        /** Accesses through a 4 MiB PDE with bits 20:13 set: QEMU's PSE-36, Pagewalk's RSVD fault. */
        int pse36;
        String firstPse36 = "none";
        final Map<String, Integer> errorCodes = new TreeMap<>();
        final List<String> divergences = new ArrayList<>();

        @Override
        public String toString() {
            return images + " images, " + accesses + " accesses (" + crossing + " page-crossing, " + secondPageFaults
                    + " of them faulting on the second page, "
                    + firstPageDirtied + " writes among them setting D on the first page), " + faults
                    + " page faults by error code (QEMU's) " + errorCodes + ", CPL 0 writes to read-only pages "
                    + readOnlyKernelWritesFaulted + " faulted (CR0.WP = 1) and " + readOnlyKernelWritesAllowed
                    + " went through (WP = 0), " + wordsChanged + " words of RAM changed by the lists (" + tableWordsWritten
                    + " of them page-table words written through aliases), " + rsvdWithoutP
                    + " RSVD faults QEMU reports without P (documented; the first: " + firstRsvdWithoutP + "), " + pse36
                    + " PSE-36 cases (the first: " + firstPse36 + "), " + divergences.size() + " divergences";
        }
    }

    @Test
    void faultsAgreeWithQemu() throws Exception {
        Tally t = new Tally();
        for (int i = 0; i < images(); i++) {
            compare(new FaultImage(firstSeed() + i, PagingMode.BITS_32, false), PagewalkSide.AS_IS, t);
        }
        System.out.println("QEMU fault conformance (" + PagingMode.BITS_32 + "): " + t);
        assertTrue(t.divergences.isEmpty(), String.join("\n", t.divergences));
        assertTrue(t.faults > 0 && t.accesses > t.faults && t.wordsChanged > 0, "the run met faults and changes: " + t);
        if (firstSeed() == CI_SEED && images() >= CI_IMAGES) {
            assertTrue(t.rsvdWithoutP > 0 && t.readOnlyKernelWritesFaulted > 0 && t.readOnlyKernelWritesAllowed > 0
                    && t.secondPageFaults > 0 && t.tableWordsWritten > 0, "the run covered reserved bits, CR0.WP both "
                    + "ways, second-page faults and writes through aliasing tables: " + t);
        }
    }

    /**
     * Part 3 through QEMU's real MMU: with bits 20:13 of 4 MiB PDEs set, the accesses through them
     * are the only difference (QEMU maps above 4 GiB, where nothing answers; Pagewalk faults
     * with RSVD), and the A and D bits QEMU sets in those PDEs the only difference in RAM.
     */
    @Test
    void pse36IsTheOnlyFaultDifference() throws Exception {
        Tally t = new Tally();
        for (int i = 0; i < PSE36_IMAGES; i++) {
            compare(new FaultImage(firstSeed() + 1_000_000 + i, PagingMode.BITS_32, true), PagewalkSide.AS_IS, t);
        }
        System.out.println("QEMU fault conformance with PSE-36 bits (" + PagingMode.BITS_32 + "): " + t);
        assertTrue(t.divergences.isEmpty(), String.join("\n", t.divergences));
        assertTrue(t.pse36 > 0, "the run met PSE-36 entries: " + t);
    }

    /** The check of the checker: deliberately wrong Pagewalks must diverge from QEMU. */
    @Test
    void wrongPagewalksDiverge() throws Exception {
        for (PagewalkSide wrong : List.of(WrongPagewalk.WP_IGNORED, WrongPagewalk.USER_BIT_DROPPED)) {
            Tally t = new Tally();
            for (int i = 0; i < CHECKER_IMAGES; i++) {
                compare(new FaultImage(firstSeed() + i, PagingMode.BITS_32, false), wrong, t);
            }
            assertFalse(t.divergences.isEmpty(), "the fault harness missed a wrong Pagewalk: " + t);
        }
    }

    private static QemuRun qemu(FaultImage image) throws Exception {
        QemuRun run = QEMU_RUNS.get(image.seed);
        if (run != null) {
            return run;
        }
        run = new QemuRun();
        byte[] low = image.bytes(0, FaultImage.HOLE_START);
        System.arraycopy(program.code, 0, low, FaultProbeProgram.LOAD, program.code.length);
        try (Qemu q = new Qemu(low, image.bytes(FaultImage.HOLE_END, FaultImage.RAM))) {
            q.runFromRealMode(FaultProbeProgram.LOAD, program.finish, 60_000);
            run.low = q.readPhysical(0, FaultImage.HOLE_START);
            run.high = q.readPhysical(FaultImage.HOLE_END, FaultImage.RAM - FaultImage.HOLE_END);
        }
        int h = FaultProbeProgram.HEADER;
        run.status = run.word(h + 16);
        run.statusEip = run.word(h + 20);
        run.statusErrorCode = run.word(h + 24);
        for (int i = 0; i < image.accesses.size(); i++) {
            int at = FaultProbeProgram.RESULTS + i * 16;
            run.outcomes.add(new FaultOutcome(run.word(at), run.word(at + 4), run.word(at + 8), run.word(at + 12)));
        }
        QEMU_RUNS.put(image.seed, run);
        return run;
    }

    private static void compare(FaultImage image, PagewalkSide side, Tally tally) throws Exception {
        QemuRun theirs = qemu(image);
        String regs = "seed " + image.seed + " (CR0 " + hex(image.cr0) + " CR3 " + hex(image.cr3) + " CR4 "
                + hex(image.cr4) + ")";
        tally.images++;
        if (theirs.status != 1) {
            tally.divergences.add(regs + ": the guest stopped on exception " + (theirs.status - 0x100) + " at EIP "
                    + hex(theirs.statusEip) + " (next word " + hex(theirs.statusErrorCode) + ")");
            return;
        }
        Machine m = new Machine(MachineConfig.ofMiB(16, 64, 4));
        Set<Integer> pse36Entries = new HashSet<>();
        image.load(m);
        side.controlRegisters(m, image.cr0, image.cr3, image.cr4);
        for (int i = 0; i < image.accesses.size(); i++) {
            FaultAccess a = image.accesses.get(i);
            FaultImage.flushTlb(m);
            ReferenceWalk.Result walk = ReferenceWalk.walk(m::readPhysical32, image.cr3, image.cr0, image.cr4, a.linear,
                    Access.isUser(a.access()), Access.isWrite(a.access()), false);
            int leaf = walk.pteAddress != -1 ? walk.pteAddress : walk.pdeAddress;
            int leafBefore = m.readPhysical32(leaf);
            AccessResult r = side.access(m, a.linear, a.access(), a.value, a.size());
            FaultOutcome ours = r.isFault() ? new FaultOutcome(1, r.fault().errorCode(), m.cr().cr2(), 0)
                    : new FaultOutcome(0, 0, 0, Access.isWrite(a.access()) ? 0 : r.value());
            FaultOutcome qemu = theirs.outcomes.get(i);
            boolean firstPageDirtied = (leafBefore & 0x40) == 0 && (m.readPhysical32(leaf) & 0x40) != 0;
            count(tally, image, a, walk, qemu, firstPageDirtied);
            int pse36Entry = pse36Entry(m, a);
            if (pse36Entry != -1 && !ours.equals(qemu)) {
                if (tally.pse36++ == 0) {
                    tally.firstPse36 = regs + " access " + i + " " + a + ", PDE at " + hex(pse36Entry) + " = "
                            + hex(m.readPhysical32(pse36Entry)) + ": QEMU " + qemu + ", Pagewalk " + ours;
                }
                pse36Entries.add(pse36Entry);
            } else if (isRsvdWithoutP(qemu, ours)) {
                if (tally.rsvdWithoutP++ == 0) {
                    tally.firstRsvdWithoutP = regs + " access " + i + " " + a + ", translation " + walk + ": QEMU " + qemu
                            + ", Pagewalk " + ours;
                }
            } else if (!qemu.equals(ours)) {
                tally.divergences.add(regs + " access " + i + " " + a + ", translation before it " + walk + ": QEMU "
                        + qemu + ", Pagewalk " + ours);
            }
        }
        compareMemory(image, theirs, m, pse36Entries, regs, tally);
    }

    /** What the tally says about the run's coverage; {@code walk} is the translation before the access. */
    private static void count(Tally tally, FaultImage image, FaultAccess a, ReferenceWalk.Result walk, FaultOutcome qemu,
                              boolean firstPageDirtied) {
        tally.accesses++;
        tally.crossing += a.crossesPage() ? 1 : 0;
        if (a.crossesPage() && qemu.faults > 0 && qemu.cr2 == (a.linear | 0xFFF) + 1) {
            tally.secondPageFaults++;
            tally.firstPageDirtied += Access.isWrite(a.access()) && !walk.faulted() && firstPageDirtied ? 1 : 0;
        }
        if (qemu.faults > 0) {
            tally.faults++;
            tally.errorCodes.merge("0x" + Integer.toHexString(qemu.errorCode), 1, Integer::sum);
        }
        if (a.access() == Access.KERNEL_WRITE && !walk.faulted() && (walk.rights & 2) == 0 && !a.crossesPage()) {
            if ((image.cr0 & (1 << 16)) != 0) {
                tally.readOnlyKernelWritesFaulted += qemu.faults;
            } else {
                tally.readOnlyKernelWritesAllowed += 1 - qemu.faults;
            }
        }
    }

    /** Every word of RAM outside the program's region; a PSE-36 PDE may differ in A and D only. */
    private static void compareMemory(FaultImage image, QemuRun theirs, Machine m, Set<Integer> pse36Entries,
                                      String regs, Tally tally) {
        int reported = 0;
        for (int at = FaultProbeProgram.REGION_END; at < FaultImage.RAM; at += 4) {
            if (at == FaultImage.HOLE_START) {
                at = FaultImage.HOLE_END;
            }
            int loaded = image.memory[at >>> 2];
            int qemu = theirs.word(at);
            int ours = m.readPhysical32(at);
            tally.wordsChanged += qemu != loaded ? 1 : 0;
            tally.tableWordsWritten += at < FaultImage.TABLES_END && ((qemu ^ loaded) & ~0x60) != 0 ? 1 : 0;
            boolean pse36AccessedDirty = pse36Entries.contains(at) && ((qemu ^ ours) & ~0x60) == 0;
            if (qemu != ours && !pse36AccessedDirty && reported++ < MAX_WORD_REPORTS) {
                tally.divergences.add(regs + ": the word at " + hex(at) + (at < FaultImage.TABLES_END ? " (table frames)" : "")
                        + " was " + hex(loaded) + " before the list, QEMU " + hex(qemu) + ", Pagewalk " + hex(ours));
            }
        }
    }

    /**
     * QEMU 7.2 reports a reserved-bit fault with RSVD but without P. The SDM (Vol. 3A §4.7) says
     * reserved bits are checked only in present entries, so RSVD can be set only with P: Pagewalk
     * follows the SDM, and this is the one error-code difference accepted (docs/CONFORMANCE.md).
     */
    private static boolean isRsvdWithoutP(FaultOutcome qemu, FaultOutcome ours) {
        return ours.faults == 1 && (ours.errorCode & (PageFault.RSVD | PageFault.P)) == (PageFault.RSVD | PageFault.P)
                && qemu.equals(new FaultOutcome(1, ours.errorCode & ~PageFault.P, ours.cr2, ours.value));
    }

    /** The address of the 4 MiB PDE with PSE-36 bits (and bit 21 clear) that {@code a} goes through, or -1. */
    private static int pse36Entry(Machine m, FaultAccess a) {
        if (!m.cr().pse()) {
            return -1;
        }
        int[] starts = a.crossesPage() ? new int[] {a.linear, (a.linear | 0xFFF) + 1} : new int[] {a.linear};
        for (int start : starts) {
            int address = (m.cr().cr3() & 0xFFFFF000) + (start >>> 22) * 4;
            int pde = m.readPhysical32(address);
            // With bit 21 set QEMU faults with RSVD too: that is the RSVD-without-P case.
            if ((pde & 0x81) == 0x81 && (pde & 0x001FE000) != 0 && (pde & 0x00200000) == 0) {
                return address;
            }
        }
        return -1;
    }

    private static String hex(int v) {
        return ReferenceWalk.hex(v);
    }
}
