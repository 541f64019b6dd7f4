package org.pagewalk.exercise;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;
import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;

/**
 * Builds a set of questions from a seed and a level: first a sensible CeanOS address space (the
 * fixed kernel, user pages whose frames come from its allocator, so the bitmap and the page tables
 * agree; a page table's first mapping is a user one, so its directory entry lets user code in),
 * then questions that each aim at one outcome (a translation, each kind of fault, a TLB hit or
 * miss) so every set mixes them. The emulator works out each answer on a copy of the machine.
 */
public final class ExerciseGenerator {
    /** Questions in a set. */
    public static final int QUESTIONS = 8;

    private final Prng rnd;
    private final Level level;
    private final AddressSpace space;
    private final List<AddressSpace.Page> pagesA;
    private final List<AddressSpace.Page> pagesB;
    private final int cr3A;
    private final int cr3B;

    private ExerciseGenerator(int seed, Level level) {
        this.rnd = new Prng(seed ^ (level.number() * 0x01000193));
        this.level = level;
        this.space = new AddressSpace(rnd, level);
        this.pagesA = space.pagesA;
        this.pagesB = space.pagesB;
        this.cr3A = space.cr3A;
        this.cr3B = space.cr3B;
    }

    /** The set for this seed and level: the same on every engine. */
    public static ExerciseSet generate(int seed, Level level) {
        ExerciseGenerator g = new ExerciseGenerator(seed, level);
        return new ExerciseSet(seed, level, g.space.setup, g.questions());
    }

    // ---- the questions ----

    private List<Question> questions() {
        List<Question> out = new ArrayList<>();
        switch (level) {
            case PAGES_4K:
                out.add(indexes());
                out.add(indexes());
                out.add(pte());
                out.add(translate(anyUserAccess(pick(pagesA)), cr3A));
                out.add(translate(anyUserAccess(pdeNotPresent()), cr3A));
                out.add(translate(anyUserAccess(pteNotPresent()), cr3A));
                out.add(translate(anyUserAccess(pick(pagesA)), cr3A));
                out.add(bitmap());
                break;
            case PAGES_4M:
                out.add(indexes());
                out.add(kernelPde());
                out.add(pte());
                out.add(translate(anyUserAccess(pick(pagesA)), cr3A));
                out.add(translate(kernelAccess(inKernelPage()), cr3A));
                out.add(translate(userAccess(inKernelPage(), rnd.oneIn(2)), cr3A));
                out.add(translate(anyUserAccess(rnd.oneIn(2) ? pdeNotPresent() : pteNotPresent()), cr3A));
                out.add(bitmap());
                break;
            case RIGHTS:
                out.add(pte());
                out.add(rightsQuestion(pagesA.get(0), Access.USER_READ | (rnd.oneIn(2) ? Access.WRITE : 0)));
                out.add(rightsQuestion(pagesA.get(1), Access.USER_WRITE));
                out.add(rightsQuestion(pagesA.get(2), Access.USER_READ | (rnd.oneIn(2) ? Access.WRITE : 0)));
                out.add(rightsQuestion(pagesA.get(4), Access.USER_READ));
                out.add(rightsQuestion(pagesA.get(1), Access.KERNEL_WRITE));
                out.add(translate(anyUserAccess(rnd.oneIn(2) ? pdeNotPresent() : pteNotPresent()), cr3A));
                out.add(indexes());
                break;
            case TLB:
                int[] order = shuffled(TlbSequence.COUNT);
                for (int i = 0; i < 4; i++) {
                    out.add(tlb(order[i]));
                }
                out.add(translate(anyUserAccess(pick(pagesA)), cr3A));
                out.add(translate(anyUserAccess(rnd.oneIn(2) ? pdeNotPresent() : pteNotPresent()), cr3A));
                out.add(pte());
                out.add(indexes());
                break;
            default:
                AddressSpace.Page shared = pagesA.get(0);
                out.add(translate(anyUserAccess(offset(shared.linear)), cr3A));
                out.add(translate(anyUserAccess(offset(shared.linear)), cr3B));
                out.add(translate(anyUserAccess(offset(pick(pagesA.subList(1, pagesA.size())))), cr3B));
                out.add(translate(anyUserAccess(offset(pagesB.get(1 + rnd.below(2)).linear)), cr3A));
                out.add(switchTlb(shared.linear));
                out.add(pdeIn(cr3B, pagesB.get(1).linear, "directory B", "user read "));
                out.add(indexes());
                out.add(translate(kernelAccess(KernelLayout.KERNEL_MALLOC_FIXED + (rnd.below(4) << 12)
                        + (rnd.below(1024) << 2)), cr3B));
                break;
        }
        List<Question> shuffledOut = new ArrayList<>();
        for (int i : shuffled(out.size())) {
            shuffledOut.add(out.get(i));
        }
        return shuffledOut;
    }

    private int[] shuffled(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.below(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private int pick(List<AddressSpace.Page> pages) {
        return offset(pages.get(rnd.below(pages.size())).linear);
    }

    private int offset(int page) {
        return page | rnd.below(4096);
    }

    private int pdeNotPresent() {
        return (space.newDirectoryIndex() << 22) | (rnd.below(1024) << 12) | rnd.below(4096);
    }

    private int pteNotPresent() {
        int dir = pagesA.get(rnd.below(pagesA.size())).linear >>> 22;
        while (true) {
            int linear = (dir << 22) | (rnd.below(1024) << 12);
            if (!space.isMapped(linear)) {
                return linear | rnd.below(4096);
            }
        }
    }

    /** Inside the kernel's 4 MiB page at 0xC0000000, within installed RAM. */
    private int inKernelPage() {
        return KernelLayout.KERNEL_START + rnd.below(0x400000);
    }

    private int[] anyUserAccess(int linear) {
        return userAccess(linear, rnd.oneIn(2));
    }

    private static int[] userAccess(int linear, boolean write) {
        return new int[] {linear, write ? Access.USER_WRITE : Access.USER_READ};
    }

    private int[] kernelAccess(int linear) {
        return new int[] {linear, rnd.oneIn(2) ? Access.KERNEL_WRITE : Access.KERNEL_READ};
    }

    private Question rightsQuestion(AddressSpace.Page p, int access) {
        return translate(new int[] {offset(p.linear), access}, cr3A);
    }

    static String accessWords(int access) {
        return (Access.isUser(access) ? "user " : "kernel ") + (Access.isWrite(access) ? "write" : "read");
    }

    private String cr3Words(int cr3) {
        if (level != Level.TWO_SPACES) {
            return "";
        }
        return " with CR3 = " + Hex.hex32(cr3) + (cr3 == cr3A ? " (directory A, initial_page_dir)" : " (directory B)");
    }

    private String wpWords() {
        if (level != Level.RIGHTS) {
            return "";
        }
        return " CR0.WP is " + ((space.session.machine().cr().cr0() & AddressSpace.WP) != 0 ? "1" : "0") + ".";
    }

    private Question translate(int[] access, int cr3) {
        int linear = access[0];
        List<String> context = new ArrayList<>();
        if (cr3 != space.session.machine().cr().cr3()) {
            context.add("mov cr3, " + Hex.hex32(cr3));
        }
        String walk = "translate " + accessWords(access[1]) + " " + Hex.hex32(linear);
        AccessResult r = space.runCopy(context, walk);
        String prompt = "A " + accessWords(access[1]) + " of " + Hex.hex32(linear) + cr3Words(cr3) + "." + wpWords()
                + " Give the physical address it reaches, or, if it page-faults, the error code's bits and CR2.";
        return Question.translation(prompt, context, walk, linear, r);
    }

    private static String[] keys(QuestionKind kind) {
        return Question.keys(kind);
    }

    private Question indexes() {
        boolean anywhere = rnd.oneIn(4);
        int linear = anywhere ? rnd.next() : pick(pagesA);
        Answer a = new Answer(QuestionKind.INDEXES).with("directory", linear >>> 22)
                .with("table", (linear >>> 12) & 0x3FF).with("offset", linear & 0xFFF);
        String prompt = "Split the linear address " + Hex.hex32(linear) + " the way 32-bit paging does: "
                + "its directory index, table index and offset.";
        // The walk shows the split at work: the directory index picks the PDE, the table index the PTE.
        String walk = "translate " + (anywhere ? "kernel read " : "user read ") + Hex.hex32(linear);
        return new Question(QuestionKind.INDEXES, prompt, new ArrayList<>(), walk, linear, "split", a,
                keys(QuestionKind.INDEXES));
    }

    private Question pte() {
        AddressSpace.Page p = pagesA.get(rnd.below(pagesA.size()));
        int linear = rnd.oneIn(5) ? pteNotPresent() & ~0xFFF : p.linear;
        int pde = space.session.machine().readPhysical32((cr3A & ~0xFFF) | ((linear >>> 22) << 2));
        int table = pde & ~0xFFF;
        int index = (linear >>> 12) & 0x3FF;
        int pte = space.session.machine().readPhysical32(table | (index << 2));
        String prompt = "The PTE that maps " + Hex.hex32(linear) + " (entry " + index + " of the page table at "
                + Hex.hex32(table) + ") holds " + Hex.hex32(pte) + ". What does it say?";
        return entryQuestion(prompt, pte, false, linear, new ArrayList<>(), "translate user read " + Hex.hex32(linear),
                new String[] {"present", "frame", "writable", "user", "accessed", "dirty"});
    }

    private Question kernelPde() {
        return pdeIn(cr3A, inKernelPage(), "the current directory", "kernel read ");
    }

    private Question pdeIn(int cr3, int linear, String which, String access) {
        int index = linear >>> 22;
        int pde = space.session.machine().readPhysical32((cr3 & ~0xFFF) | (index << 2));
        String prompt = "PDE " + index + " of " + which + " (at " + Hex.hex32(cr3 & ~0xFFF) + ") holds " + Hex.hex32(pde)
                + ". What does it say? (With CR4.PSE = 1, as CeanOS sets it.)";
        List<String> context = new ArrayList<>();
        if (cr3 != space.session.machine().cr().cr3()) {
            context.add("mov cr3, " + Hex.hex32(cr3));
        }
        return entryQuestion(prompt, pde, true, linear, context, "translate " + access + Hex.hex32(linear),
                keys(QuestionKind.ENTRY));
    }

    /** {@code walk}: the access whose walk reads the entry (the page shows it step by step). */
    private Question entryQuestion(String prompt, int value, boolean isPde, int linear, List<String> context, String walk,
            String[] blanks) {
        Answer a = new Answer(QuestionKind.ENTRY).with("present", (value & PageFlags.PRESENT) != 0);
        String outcome = "not present";
        if ((value & PageFlags.PRESENT) != 0) {
            boolean large = isPde && (value & PageFlags.PS) != 0;
            if (isPde) {
                a.with("large", large);
            }
            a.with("frame", value & (large ? 0xFFC00000 : 0xFFFFF000))
                    .with("writable", (value & PageFlags.WRITE) != 0)
                    .with("user", (value & PageFlags.USER) != 0)
                    .with("accessed", (value & PageFlags.ACCESSED) != 0);
            // D means something only in the entry that maps the page (SDM Vol. 3A §4.8).
            if (!isPde || large) {
                a.with("dirty", (value & PageFlags.DIRTY) != 0);
            }
            outcome = isPde ? (large ? "PDE, 4 MiB page" : "PDE, page table") : "PTE";
        }
        return new Question(QuestionKind.ENTRY, prompt, context, walk, linear, outcome, a, blanks);
    }

    private Question bitmap() {
        Session.State saved = space.session.save();
        int frame;
        int wordIndex;
        int before;
        int after;
        try {
            AddressSpace.check(Interpreter.runLine(space.session, "pmmAllocPageFrame"), "pmmAllocPageFrame");
            frame = space.session.lastCall().value();
            wordIndex = frame >>> 17;
            after = space.session.machine().readPhysical32(KernelLayout.BITMAP + (wordIndex << 2));
            before = after & ~(1 << ((frame >>> 12) & 31));
        } finally {
            space.session.load(saved);
        }
        int min = (space.session.os().layout().kernelEnd() + 0xFFF) >>> 12;
        int first = wordIndex << 5;
        String prompt = "CeanOS's pmmAllocPageFrame hands out the lowest free frame at or above pageFrameMin (frame "
                + shortHex(min) + "). Bitmap word " + wordIndex + " covers frames " + shortHex(first) + " to "
                + shortHex(first + 31) + " (bit i is frame " + shortHex(first) + " + i) and holds " + Hex.hex32(before)
                + (first > min ? "; every frame from " + shortHex(min) + " to " + shortHex(first - 1) + " is in use" : "")
                + ". Which physical address does the next call return, and what does the word hold afterwards?";
        Answer a = new Answer(QuestionKind.BITMAP).with("frame", frame).with("word", after);
        return new Question(QuestionKind.BITMAP, prompt, new ArrayList<>(), "pmmAllocPageFrame", frame,
                "frame " + Hex.hex32(frame), a, keys(QuestionKind.BITMAP));
    }

    /** A frame number in as few hex digits as it needs. */
    private static String shortHex(int value) {
        return "0x" + Chars.upper(Integer.toHexString(value));
    }

    private Question tlb(int template) {
        int first = rnd.below(pagesA.size());
        int second = (first + 1 + rnd.below(pagesA.size() - 1)) % pagesA.size();
        List<String> lines = TlbSequence.lines(template, rnd, pagesA.get(first).linear, pagesA.get(second).linear,
                pteNotPresent(), cr3A);
        return tlbQuestion(lines, "From a TLB that holds no user page (CR3 was just reloaded), these run in order: ");
    }

    private Question switchTlb(int page) {
        int linear = offset(page);
        List<String> lines = new ArrayList<>();
        lines.add("translate user read " + Hex.hex32(linear));
        lines.add("mov cr3, " + Hex.hex32(cr3B));
        lines.add("translate user read " + Hex.hex32(offset(page)));
        return tlbQuestion(lines, "Directory A is current (CR3 = " + Hex.hex32(cr3A) + ") and the TLB holds no user page. "
                + "These run in order: ");
    }

    private Question tlbQuestion(List<String> lines, String intro) {
        List<String> context = new ArrayList<>(lines.subList(0, lines.size() - 1));
        String walk = lines.get(lines.size() - 1);
        AccessResult r = space.runCopy(context, walk);
        StringBuilder prompt = new StringBuilder(intro);
        for (int i = 0; i < lines.size(); i++) {
            prompt.append(i == 0 ? "" : "; ").append(lines.get(i));
        }
        prompt.append(". Does the last access hit the TLB?");
        String outcome = r.isFault() ? "fault" : r.hit() ? "hit" : "miss";
        Answer a = new Answer(QuestionKind.TLB).with("hit", r.hit());
        int linear = TlbSequence.lastLinear(lines);
        return new Question(QuestionKind.TLB, prompt.toString(), context, walk, linear, outcome, a, keys(QuestionKind.TLB));
    }
}
