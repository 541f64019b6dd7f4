package org.pagewalk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.PageFault;

/**
 * Pagewalk's translation against QEMU's (docs/CONFORMANCE.md, parts 1 and 3): the same random
 * page-table images and control registers in both, and for every sampled address and access kind
 * the same answer: mapped or not, physical address, page size, effective rights, fault or not.
 * One QEMU serves every image. QEMU missing fails the test (./test.sh installs it).
 */
class TranslationConformanceTest {
    private static final int CI_IMAGES = 12;
    private static final int GVA2GPA_CHECKS = 4;
    private static Qemu qemu;
    private static List<Integer> loaded = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        qemu = new Qemu();
    }

    @AfterAll
    static void stop() throws Exception {
        if (qemu != null) {
            qemu.close();
        }
    }

    private static long firstSeed() {
        return TestProperty.longValue("pagewalk.qemu.seed", 0x13C0_2026L);
    }

    private static int images() {
        return (int) TestProperty.longValue("pagewalk.qemu.images", CI_IMAGES);
    }

    /** What one comparison run came to. */
    private static final class Tally {
        int cases;
        int pse36;
        final List<String> divergences = new ArrayList<>();
    }

    @Test
    void translationsAgreeWithQemu() throws Exception {
        Tally t = run(PagingMode.BITS_32, false);
        System.out.println("QEMU conformance (" + PagingMode.BITS_32 + "): " + images() + " images, " + t.cases
                + " address × access cases, " + t.divergences.size() + " divergences");
        assertTrue(t.divergences.isEmpty(), String.join("\n", t.divergences));
        assertTrue(t.cases > 1000, "cases compared: " + t.cases);
        assertEquals(0, t.pse36, "part 1 keeps bits 21:13 of 4 MiB PDEs zero: no RSVD fault");
    }

    /** Part 3: bits 21:13 of 4 MiB PDEs set: Pagewalk's RSVD fault exactly where QEMU applies PSE-36. */
    @Test
    void pse36IsTheOnlyDifference() throws Exception {
        Tally t = run(PagingMode.BITS_32, true);
        System.out.println("QEMU conformance with PSE-36 bits (" + PagingMode.BITS_32 + "): " + t.cases + " cases, "
                + t.pse36 + " where QEMU applies PSE-36 and Pagewalk faults with RSVD (the documented difference), "
                + t.divergences.size() + " other divergences");
        assertTrue(t.divergences.isEmpty(), String.join("\n", t.divergences));
        assertTrue(t.pse36 > 0, "the run met PSE-36 entries");
    }

    /**
     * The check of the checker: a Pagewalk that ignores CR0.WP must diverge from QEMU on images
     * with WP = 1 (the first from the CI's first seed).
     */
    @Test
    void aPagewalkIgnoringWriteProtectDiverges() throws Exception {
        Tally tally = new Tally();
        int compared = 0;
        for (long seed = firstSeed(); compared < 1; seed++) {
            PageTableImage image = new PageTableImage(seed, PagingMode.BITS_32, false);
            if ((image.cr0 & (1 << 16)) != 0) {
                compare(image, tally, WrongPagewalk.WP_IGNORED);
                compared++;
            }
        }
        assertFalse(tally.divergences.isEmpty(), "the translation harness missed a Pagewalk ignoring CR0.WP in "
                + tally.cases + " cases");
    }

    private static Tally run(PagingMode mode, boolean pse36) throws Exception {
        Tally tally = new Tally();
        long first = firstSeed() + (pse36 ? 1_000_000 : 0);
        for (int i = 0; i < images(); i++) {
            compare(new PageTableImage(first + i, mode, pse36), tally, PagewalkSide.AS_IS);
        }
        return tally;
    }

    /** QEMU's answers for an image's samples: kept per seed, so a second comparison needs no QEMU. */
    private static final class QemuAnswers {
        final String[] rights;
        final boolean[] large;
        /** info tlb's "physical flags" for the sample's leaf, or null where nothing is mapped. */
        final String[] leaf;
        final String[] gva2gpa = new String[GVA2GPA_CHECKS];

        QemuAnswers(int samples) {
            rights = new String[samples];
            large = new boolean[samples];
            leaf = new String[samples];
        }
    }

    private static final Map<Long, QemuAnswers> ANSWERS = new HashMap<>();

    private static QemuAnswers qemuAnswers(PageTableImage image) throws Exception {
        QemuAnswers answers = ANSWERS.get(image.seed);
        if (answers != null) {
            return answers;
        }
        for (int address : loaded) {
            qemu.write(address, new byte[4096]);
        }
        loaded = new ArrayList<>(image.frameAddresses);
        for (int i = 0; i < image.frames.size(); i++) {
            qemu.write(image.frameAddresses.get(i), PageTableImage.bytes(image.frames.get(i)));
        }
        qemu.controlRegisters(image.cr0, image.cr3, image.cr4);
        assertEquals(image.cr3, qemu.cr3(), "QEMU took CR3");
        TreeMap<Long, String> mem = ranges(qemu.monitor("info mem"));
        Map<Long, String> tlb = tlbEntries(qemu.monitor("info tlb"));
        answers = new QemuAnswers(image.samples.size());
        for (int n = 0; n < image.samples.size(); n++) {
            int a = image.samples.get(n);
            answers.rights[n] = rangeAt(mem, a);
            answers.large[n] = isLarge(tlb, a, image.cr4);
            answers.leaf[n] = tlb.get((a & 0xFFFFFFFFL) & (answers.large[n] ? 0xFFC00000L : 0xFFFFF000L));
            if (n < GVA2GPA_CHECKS) {
                answers.gva2gpa[n] = qemu.monitor("gva2gpa " + hex(a)).trim();
            }
        }
        ANSWERS.put(image.seed, answers);
        return answers;
    }

    private static void compare(PageTableImage image, Tally tally, PagewalkSide side) throws Exception {
        QemuAnswers theirs = qemuAnswers(image);
        Machine m = new Machine(MachineConfig.ofMiB(16, 64, 4));
        for (int i = 0; i < image.frames.size(); i++) {
            int address = image.frameAddresses.get(i);
            int[] words = image.frames.get(i);
            for (int w = 0; w < 1024; w++) {
                m.writePhysical32(address + w * 4, words[w]);
            }
        }
        side.controlRegisters(m, image.cr0, image.cr3, image.cr4);
        boolean wp = (image.cr0 & (1 << 16)) != 0;
        for (int n = 0; n < image.samples.size(); n++) {
            int a = image.samples.get(n);
            AccessResult ours = side.probe(m, a, Access.KERNEL_READ);
            boolean large = theirs.large[n];
            String leaf = theirs.leaf[n];
            boolean qemuMapped = leaf != null;
            long qemuPhysical = qemuMapped ? Long.parseUnsignedLong(leaf.substring(0, leaf.indexOf(' ')), 16)
                    + (a & (large ? 0x003FFFFF : 0xFFF)) : -1;
            String gpa = qemuMapped ? "gpa: 0x" + Long.toHexString(qemuPhysical) : "Unmapped";
            if (n < GVA2GPA_CHECKS && !(ours.isFault() && (ours.fault().errorCode() & PageFault.RSVD) != 0)) {
                // info tlb is one command per image; gva2gpa, one per address, must agree with it.
                String walked = theirs.gva2gpa[n];
                if (!walked.equals(gpa)) {
                    tally.divergences.add("QEMU's gva2gpa says " + walked + " where its info tlb says " + gpa
                            + ": seed " + image.seed + " address " + hex(a));
                }
            }
            String where = "seed " + image.seed + " address " + hex(a) + " (CR0 " + hex(image.cr0) + " CR3 "
                    + hex(image.cr3) + " CR4 " + hex(image.cr4) + ", PDE " + hex(m.readPhysical32((image.cr3 & 0xFFFFF000)
                    + (a >>> 22) * 4)) + "): QEMU " + gpa + " / info mem " + theirs.rights[n] + ", Pagewalk " + ours;
            // QEMU's info tlb drops the PSE-36 bits that its gva2gpa applies: either way, mapped.
            if (ours.isFault() && (ours.fault().errorCode() & PageFault.RSVD) != 0 && qemuMapped) {
                tally.pse36++;
                tally.cases += 4;
                continue;
            }
            if (qemuMapped == ours.isFault()) {
                tally.divergences.add("mapped or not: " + where);
                continue;
            }
            if (!qemuMapped) {
                tally.cases += 4;
                continue;
            }
            String rights = theirs.rights[n];
            boolean user = rights.charAt(0) == 'u';
            boolean writable = rights.charAt(2) == 'w';
            if (qemuPhysical != (ours.physical() & 0xFFFFFFFFL) || large != ours.translation().isLargePage()
                    || user != ours.translation().isUser() || writable != ours.translation().isWritable()) {
                tally.divergences.add("translation (QEMU " + (large ? "4 MiB" : "4 KiB") + "): " + where);
                continue;
            }
            for (int access = 0; access < 8; access += 2) {
                boolean allowed = Access.isUser(access) ? user && (!Access.isWrite(access) || writable)
                        : !Access.isWrite(access) || writable || !wp;
                tally.cases++;
                if (allowed == side.probe(m, a, access).isFault()) {
                    tally.divergences.add("fault or not for access " + access + ": " + where);
                }
            }
        }
    }

    /** {@code info mem}: "start-end size urw" lines, effective rights of each range. */
    private static TreeMap<Long, String> ranges(String text) {
        TreeMap<Long, String> map = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] p = fields(line);
            if (p.length == 3 && p[0].contains("-")) {
                String[] se = p[0].split("-");
                map.put(Long.parseUnsignedLong(se[0], 16), Long.parseUnsignedLong(se[1], 16) + " " + p[2]);
            }
        }
        return map;
    }

    /**
     * The space-separated fields of a monitor line. By hand rather than with a regular expression:
     * {@code info mem} and {@code info tlb} print hundreds of thousands of lines per image.
     */
    private static String[] fields(String line) {
        List<String> out = new ArrayList<>(3);
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static String rangeAt(TreeMap<Long, String> mem, int a) {
        long address = a & 0xFFFFFFFFL;
        Map.Entry<Long, String> e = mem.floorEntry(address);
        if (e == null) {
            return "---";
        }
        String[] v = e.getValue().split(" ");
        return address < Long.parseLong(v[0]) ? v[1] : "---";
    }

    /** {@code info tlb}: "linear: physical flags" for each leaf, as linear -> "physical flags". */
    private static Map<Long, String> tlbEntries(String text) {
        Map<Long, String> map = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] p = fields(line);
            if (p.length == 3 && p[0].endsWith(":")) {
                map.put(Long.parseUnsignedLong(p[0].substring(0, p[0].length() - 1), 16), p[1] + " " + p[2]);
            }
        }
        return map;
    }

    /** A 4 MiB leaf: PSE on, QEMU lists the region's base with PS and nothing else inside it. */
    private static boolean isLarge(Map<Long, String> tlb, int a, int cr4) {
        if ((cr4 & (1 << 4)) == 0) {
            return false;
        }
        long base = a & 0xFFC00000L;
        String leaf = tlb.get(base);
        String flags = leaf == null ? "" : leaf.substring(leaf.indexOf(' ') + 1);
        if (flags.length() < 3 || flags.charAt(2) != 'P') {
            return false;
        }
        return ((TreeMap<Long, String>) tlb).subMap(base + 1, base + 0x400000).isEmpty();
    }

    private static String hex(int v) {
        return ReferenceWalk.hex(v);
    }
}
