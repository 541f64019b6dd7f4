package org.pagewalk.guest;

import org.pagewalk.machine.PhysicalMemory;

/**
 * The one table of CeanOS functions a scenario (and the page's Kernel form, and the command
 * line's help) can call: name, arguments and their kinds, whether it returns a value, where it
 * comes from, and how it is invoked on {@link CeanOs}. Adding a function is one entry here.
 * The order is the Kernel form's order.
 */
public enum GuestFunction {
    MEM_MAP_PAGE("memMapPage", Origin.MEM_C, false, "Map",
            "memMapPage(virtual, physical, flags): puts a PTE for the virtual page, allocating a page table if its PDE "
                    + "is not present, then INVLPG.",
            ", FLAGS like WRITE|USER or 0", (os, v, remap) -> os.memMapPage(v[0], v[1], v[2], remap),
            Arg.page("VIRTUAL", "virtual", "Virtual address (page aligned)", "0x08048000"),
            Arg.page("PHYSICAL", "physical", "Physical frame (page aligned)", "0x00300000")
                    .hint("Tip: Allocate frame (pmmAllocPageFrame) fills this in."),
            Arg.flags("FLAGS")),
    MEM_UNMAP_PAGE("memUnmapPage", Origin.PAGEWALK, true, "Unmap",
            "memUnmapPage(virtual): clears the PTE, INVLPG, and returns the frame it mapped (free it with pmmFreePageFrame).",
            "", (os, v, remap) -> os.memUnmapPage(v[0]),
            Arg.page("VIRTUAL", "virtual", "Virtual address (page aligned)", "0x08048000")),
    MEM_IS_PAGE_PRESENT("memIsPagePresent", Origin.PAGEWALK, true, "Check",
            "memIsPagePresent(virtual): 1 if the current directory maps the page, read through the recursive window.",
            "", (os, v, remap) -> os.memIsPagePresent(v[0]),
            Arg.address("VIRTUAL", "virtual", "Virtual address", "0x08048000")),
    PMM_ALLOC_PAGE_FRAME("pmmAllocPageFrame", Origin.MEM_C, true, "Allocate frame",
            "pmmAllocPageFrame(): the first free frame in [pageFrameMin, pageFrameMax), marked used in the bitmap; "
                    + "returns its physical address.",
            "", (os, v, remap) -> os.pmmAllocPageFrame()),
    PMM_FREE_PAGE_FRAME("pmmFreePageFrame", Origin.PAGEWALK, false, "Free frame",
            "pmmFreePageFrame(physical): marks the frame free in the bitmap; totalAlloc goes down by one.",
            "", (os, v, remap) -> os.pmmFreePageFrame(v[0]),
            Arg.page("PHYSICAL", "physical", "Physical frame (page aligned)", "0x00256000")),
    INVALIDATE("invalidate", Origin.MEM_C, false, "Invalidate",
            "invalidate(virtual): INVLPG of the page, so the TLB forgets it (the as-written kernel invalidates its own "
                    + "stack slot instead).",
            "", (os, v, remap) -> os.invalidate(v[0]),
            Arg.address("VIRTUAL", "virtual", "Virtual address", "0x08048000")),
    SYNC_PAGE_DIRS("syncPageDirs", Origin.MEM_C, false, "Sync",
            "syncPageDirs(): copies initial_page_dir's kernel half (PDEs 768..1022) into every directory in use.",
            "", (os, v, remap) -> os.syncPageDirs()),
    MEM_GET_CURRENT_PAGE_DIR("memGetCurrentPageDir", Origin.MEM_C, true, "Get",
            "memGetCurrentPageDir(): CR3 + KERNEL_START, the current directory's kernel virtual address.",
            "", (os, v, remap) -> os.memGetCurrentPageDir()),
    MEM_CHANGE_PAGE_DIR("memChangePageDir", Origin.MEM_C, false, "Switch",
            "memChangePageDir(pd): loads CR3 with the directory's physical address (pd - KERNEL_START), which flushes "
                    + "the TLB's non-global entries.",
            " (a kernel virtual address, e.g. initial_page_dir)", (os, v, remap) -> os.memChangePageDir(v[0]),
            Arg.directory()),
    MEM_ALLOC_PAGE_DIR("memAllocPageDir", Origin.PAGEWALK, true, "Allocate directory",
            "memAllocPageDir(): a free directory from the pageDirs pool, zeroed, with its recursive PDE 1023 and the "
                    + "kernel half synced; returns its kernel virtual address.",
            "", (os, v, remap) -> os.memAllocPageDir()),
    MEM_FREE_PAGE_DIR("memFreePageDir", Origin.PAGEWALK, false, "Free directory",
            "memFreePageDir(pd): returns the directory to the pool and frees the page tables it owns in the user half.",
            " (a kernel virtual address, e.g. initial_page_dir)", (os, v, remap) -> os.memFreePageDir(v[0]),
            Arg.directory()),
    KMALLOC_INIT("kmallocInit", Origin.MALLOC_C, false, "Init heap",
            "kmallocInit(size): the kernel heap at KERNEL_MALLOC, grown page by page with pmmAllocPageFrame and memMapPage.",
            "", (os, v, remap) -> os.kmallocInit(v[0]),
            Arg.heapSize("Initial heap size (bytes)", "0x4000")),
    CHANGE_HEAP_SIZE("changeHeapSize", Origin.MALLOC_C, true, "Resize heap",
            "changeHeapSize(size): maps more heap pages when the size grows past a page boundary; returns the new size.",
            "", (os, v, remap) -> os.changeHeapSize(v[0]),
            Arg.heapSize("New heap size (bytes)", "0x5000")),
    INIT_MEMORY("initMemory", Origin.MEM_C, false, "Run initMemory",
            "initMemory(memHigh, physicalAllocStart): clears PDE 0, sets the recursive PDE 1023, calls pmm_init and "
                    + "empties the directory pool.",
            "", (os, v, remap) -> os.initMemory(v[0], v[1]),
            Arg.of(Arg.Kind.RAM_TOP, "MEMHIGH", "high", "memHigh (end of usable RAM)", "0x02000000"),
            Arg.of(Arg.Kind.KERNEL_END, "PHYSICAL_ALLOC_START", "start", "physicalAllocStart", "0x00250000")),
    PMM_INIT("pmm_init", Origin.MEM_C, false, "Run pmm_init",
            "pmm_init(memLow, memHigh): pageFrameMin = ceil(memLow / 4096), pageFrameMax = memHigh / 4096, "
                    + "totalAlloc = 0, bitmap cleared.",
            "", (os, v, remap) -> os.pmm_init(v[0], v[1]),
            Arg.of(Arg.Kind.KERNEL_END, "MEMLOW", "low", "memLow", "0x00250000"),
            Arg.of(Arg.Kind.RAM_TOP, "MEMHIGH", "high", "memHigh", "0x02000000")),
    INIT_MM("init_mm", Origin.KERNEL_C, false, "Run init_mm",
            "init_mm (kernel.c): initMemory with the RAM size and the kernel image's end, then kmallocInit(0x4000).",
            "", (os, v, remap) -> initMm(os));

    /** Where a function comes from. */
    public enum Origin {
        MEM_C("mem.c", "CeanOS mm/mem.c"),
        MALLOC_C("malloc.c", "CeanOS mm/malloc.c"),
        KERNEL_C("kernel.c", "CeanOS kernel.c"),
        PAGEWALK("Pagewalk", "Pagewalk's addition (not in CeanOS)");

        private final String key;
        private final String text;

        Origin(String key, String text) {
            this.key = key;
            this.text = text;
        }

        /** The short name docs/SCENARIOS.md's function table uses. */
        public String key() {
            return key;
        }

        public String text() {
            return text;
        }

        /** Whether CeanOS itself has the function (Pagewalk adds the others to complete the manager). */
        public boolean isCeanOs() {
            return this != PAGEWALK;
        }
    }

    /** How a call reaches {@link CeanOs}: the evaluated arguments, and memMapPage's remap option. */
    interface Invoker {
        CallResult invoke(CeanOs os, int[] args, boolean remap);
    }

    private final String name;
    private final Origin origin;
    private final boolean returnsValue;
    private final String action;
    private final String about;
    private final String usageNote;
    private final Invoker invoker;
    private final Arg[] args;
    private String usage;
    /** {@code values()} copies its array on every call; the parser looks functions up per line. */
    private static final GuestFunction[] ALL = values();

    GuestFunction(String name, Origin origin, boolean returnsValue, String action, String about, String usageNote,
            Invoker invoker, Arg... args) {
        this.name = name;
        this.origin = origin;
        this.returnsValue = returnsValue;
        this.action = action;
        this.about = about;
        this.usageNote = usageNote;
        this.invoker = invoker;
        this.args = args;
    }

    /** The C name, as scenarios spell it. */
    public String functionName() {
        return name;
    }

    public Origin origin() {
        return origin;
    }

    public boolean returnsValue() {
        return returnsValue;
    }

    /** The Kernel form's button text. */
    public String action() {
        return action;
    }

    /** One sentence: what the call does. */
    public String about() {
        return about;
    }

    public int arity() {
        return args.length;
    }

    public Arg arg(int i) {
        return args[i];
    }

    /** memMapPage alone takes the {@code remap} word. */
    public boolean takesRemap() {
        return this == MEM_MAP_PAGE;
    }

    /** The arguments as usage text names them, e.g. "VIRTUAL PHYSICAL FLAGS [remap]"; empty for none. */
    public String signature() {
        StringBuilder sb = new StringBuilder();
        for (Arg a : args) {
            sb.append(sb.length() == 0 ? "" : " ").append(a.name());
        }
        return sb.append(takesRemap() ? " [remap]" : "").toString();
    }

    /** "usage: memMapPage VIRTUAL PHYSICAL FLAGS [remap], ...": what an error about this call quotes. */
    public String usage() {
        // Built once: the parser quotes it for every call line it checks.
        if (usage == null) {
            usage = "usage: " + name + (args.length == 0 ? " (no arguments)" : " " + signature() + usageNote);
        }
        return usage;
    }

    public CallResult invoke(CeanOs os, int[] values, boolean remap) {
        if (values.length != args.length) {
            throw new IllegalArgumentException(name + " takes " + args.length + " arguments, not " + values.length);
        }
        return invoker.invoke(os, values, remap);
    }

    /** The function called {@code name}, or {@code null}. */
    public static GuestFunction byName(String name) {
        for (GuestFunction f : ALL) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** "memMapPage, memUnmapPage, ..." (every function, or only those that return a value), for messages. */
    public static String names(boolean onlyWithValue) {
        StringBuilder sb = new StringBuilder();
        for (GuestFunction f : values()) {
            if (!onlyWithValue || f.returnsValue) {
                sb.append(sb.length() == 0 ? "" : ", ").append(f.name);
            }
        }
        return sb.toString();
    }

    /**
     * kernel.c's init_mm: initMemory(mem_upper * 1024, physicalAllocStart) then kmallocInit(0x4000).
     * mem_upper is the KiB above 1 MiB, so the as-written kernel leaves the top 1 MiB of RAM out;
     * the fixed kernel passes the whole size. physicalAllocStart is the kernel image's end.
     */
    private static CallResult initMm(CeanOs os) {
        int memHigh = os.config().isFixed() ? ramTop(os) : ramTop(os) - 0x100000;
        CallResult r = os.initMemory(memHigh, os.layout().kernelEnd());
        return r.ok() ? os.kmallocInit(0x4000) : r;
    }

    /** The end of installed RAM as initMemory's memHigh (4 GiB is 0xFFFFF000: it does not fit in 32 bits). */
    public static int ramTop(CeanOs os) {
        int frames = os.machine().memory().frames();
        return frames == PhysicalMemory.MAX_FRAMES ? 0xFFFFF000 : frames << 12;
    }

    /** One argument: its name in usage text, the form's field id and label and first value, and its kind. */
    public static final class Arg {
        /** What a value means, so a form can check it and fill it in. */
        public enum Kind {
            /** A page-aligned address. */
            PAGE,
            /** Any address. */
            ADDRESS,
            /** Page flags: WRITE|USER|... */
            FLAGS,
            /** A heap size, 0 to {@link CeanOs#MAX_HEAP}. */
            HEAP_SIZE,
            /** A page directory's kernel virtual address. */
            DIRECTORY,
            /** The end of installed RAM. */
            RAM_TOP,
            /** The end of the kernel image. */
            KERNEL_END
        }

        private final Kind kind;
        private final String name;
        private final String id;
        private final String label;
        private final String initial;
        private String hint;

        private Arg(Kind kind, String name, String id, String label, String initial) {
            this.kind = kind;
            this.name = name;
            this.id = id;
            this.label = label;
            this.initial = initial;
        }

        static Arg of(Kind kind, String name, String id, String label, String initial) {
            return new Arg(kind, name, id, label, initial);
        }

        static Arg page(String name, String id, String label, String initial) {
            return new Arg(Kind.PAGE, name, id, label, initial);
        }

        static Arg address(String name, String id, String label, String initial) {
            return new Arg(Kind.ADDRESS, name, id, label, initial);
        }

        static Arg flags(String name) {
            return new Arg(Kind.FLAGS, name, "flag", "Flags (PRESENT is always set)", "WRITE");
        }

        static Arg heapSize(String label, String initial) {
            return new Arg(Kind.HEAP_SIZE, "SIZE", "size", label, initial);
        }

        static Arg directory() {
            return new Arg(Kind.DIRECTORY, "PAGE_DIRECTORY", "pd", "Page directory (kernel virtual address)", "0xC010B000");
        }

        Arg hint(String text) {
            hint = text;
            return this;
        }

        public Kind kind() {
            return kind;
        }

        /** The word usage text shows, e.g. VIRTUAL. */
        public String name() {
            return name;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public String initial() {
            return initial;
        }

        /** A tip under the form's field, or {@code null}. */
        public String hint() {
            return hint;
        }
    }
}
