package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.ControlRegisterBits;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Hex;

/**
 * The machine a set of questions is about, built line by line from the seed: the fixed kernel,
 * user pages whose frames come from its allocator (so the bitmap and the page tables agree), a
 * page table's first mapping a user one (so its directory entry lets user code in), a few
 * accesses that set A and D, and a CR3 reload. The lines are kept: they are the set's setup.
 */
final class AddressSpace {
    static final int WP = ControlRegisterBits.CR0_WP;

    /** A mapped page: where, to which frame, with which PTE flags, in which directory. */
    static final class Page {
        final int linear;
        final int flags;
        final boolean userPde;

        Page(int linear, int flags, boolean userPde) {
            this.linear = linear;
            this.flags = flags;
            this.userPde = userPde;
        }

        boolean userReadable() {
            return userPde && (flags & PageFlags.USER) != 0;
        }
    }

    final Session session = new Session();
    final List<String> setup = new ArrayList<>();
    final List<Page> pagesA = new ArrayList<>();
    final List<Page> pagesB = new ArrayList<>();
    private final List<Integer> usedDirectoryIndexes = new ArrayList<>();
    private final Prng rnd;
    private final Level level;
    int cr3A;
    int cr3B;

    AddressSpace(Prng rnd, Level level) {
        this.rnd = rnd;
        this.level = level;
        build();
    }

    private void build() {
        run("boot ceanos ram=32M");
        run("init_mm");
        cr3A = session.machine().cr().cr3();
        List<Integer> early = new ArrayList<>();
        if (level == Level.PAGES_4K || level == Level.PAGES_4M) {
            // Frames taken now and some freed at the end leave holes below the mapped frames.
            for (int n = 2 + rnd.below(3); n > 0; n--) {
                run("pmmAllocPageFrame");
                early.add(session.lastCall().value());
            }
        }
        if (level == Level.RIGHTS) {
            mapTable(pagesA, newDirectoryIndex(), true, new int[] {PageFlags.USER | PageFlags.WRITE, PageFlags.USER,
                PageFlags.WRITE});
            boolean supervisorPde = rnd.oneIn(2);
            mapTable(pagesA, newDirectoryIndex(), !supervisorPde, new int[] {supervisorPde ? PageFlags.WRITE
                : PageFlags.USER | PageFlags.WRITE, PageFlags.USER | PageFlags.WRITE});
        } else {
            for (int t = 0; t < 2; t++) {
                mapTable(pagesA, newDirectoryIndex(), true, userPages(2 + rnd.below(2)));
            }
        }
        if (level == Level.TWO_SPACES) {
            run("memAllocPageDir");
            int dirB = session.lastCall().value();
            run("memChangePageDir " + Hex.hex32(dirB));
            cr3B = session.machine().cr().cr3();
            // The same addresses as A's first page (other frames), and a table A does not have.
            Page shared = pagesA.get(0);
            mapPage(pagesB, shared.linear, PageFlags.USER | PageFlags.WRITE, true);
            mapTable(pagesB, newDirectoryIndex(), true, userPages(2));
            run("memChangePageDir " + Hex.hex32(cr3A + KernelLayout.KERNEL_START));
        }
        touch();
        boolean freed = false;
        for (int i = 0; i < early.size(); i++) {
            if (rnd.oneIn(2) || (!freed && i == early.size() - 1)) {
                run("pmmFreePageFrame " + Hex.hex32(early.get(i)));
                freed = true;
            }
        }
        if (level == Level.RIGHTS && rnd.oneIn(2)) {
            run("mov cr0, " + Hex.hex32(session.machine().cr().cr0() | WP));
        }
        // A CR3 reload: the questions start with no user page in the TLB.
        run("mov cr3, " + Hex.hex32(cr3A));
    }

    private int[] userPages(int n) {
        int[] flags = new int[n];
        for (int i = 0; i < n; i++) {
            flags[i] = PageFlags.USER | PageFlags.WRITE;
        }
        return flags;
    }

    int newDirectoryIndex() {
        while (true) {
            // The user half, above the first 32 MiB (PDE 0 is cleared by initMemory).
            int d = 8 + rnd.below(760);
            if (!usedDirectoryIndexes.contains(d)) {
                usedDirectoryIndexes.add(d);
                return d;
            }
        }
    }

    /** Maps pages at distinct random slots of the table of PDE {@code dir}; the first decides the PDE. */
    private void mapTable(List<Page> into, int dir, boolean userPde, int[] flags) {
        List<Integer> slots = new ArrayList<>();
        while (slots.size() < flags.length) {
            int t = rnd.below(1024);
            if (!slots.contains(t)) {
                slots.add(t);
            }
        }
        for (int i = 0; i < flags.length; i++) {
            mapPage(into, (dir << 22) | (slots.get(i) << 12), flags[i], userPde);
        }
    }

    private void mapPage(List<Page> into, int linear, int flags, boolean userPde) {
        run("pmmAllocPageFrame");
        int frame = session.lastCall().value();
        run("memMapPage " + Hex.hex32(linear) + " " + Hex.hex32(frame) + " " + PageFlags.format(flags));
        into.add(new Page(linear, flags, userPde));
    }

    /** A few accesses so that some entries have A, some D, some neither. */
    private void touch() {
        for (Page p : pagesA) {
            int r = rnd.below(3);
            if (r == 0) {
                continue;
            }
            String who = p.userReadable() ? "user " : "kernel ";
            boolean writable = (p.flags & PageFlags.WRITE) != 0;
            if (r == 2 && writable) {
                run("write " + who + Hex.hex32(p.linear + (rnd.below(1024) << 2)) + " " + Hex.hex32(rnd.next()));
            } else {
                run("read " + who + Hex.hex32(p.linear + (rnd.below(1024) << 2)));
            }
        }
    }

    private void run(String line) {
        StepResult r = Interpreter.runLine(session, line);
        if (r.status() != StepResult.Status.OK) {
            throw new IllegalStateException("exercise setup failed at '" + line + "': " + r.message());
        }
        setup.add(line);
    }

    boolean isMapped(int page) {
        for (Page p : pagesA) {
            if (p.linear == page) {
                return true;
            }
        }
        return false;
    }

    /** Runs lines on a copy of the machine and returns the last access's result. */
    AccessResult runCopy(List<String> context, String walk) {
        Session.State saved = session.save();
        try {
            for (String l : context) {
                check(Interpreter.runLine(session, l), l);
            }
            check(Interpreter.runLine(session, walk), walk);
            return session.lastAccess();
        } finally {
            session.load(saved);
        }
    }

    static void check(StepResult r, String line) {
        if (r.status() != StepResult.Status.OK) {
            throw new IllegalStateException("exercise question failed at '" + line + "': " + r.message());
        }
    }
}
