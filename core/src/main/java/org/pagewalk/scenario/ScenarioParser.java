package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Words;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.Defect;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.guest.Variant;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.PhysicalMemory;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.machine.Translation;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Sizes;

/**
 * Turns scenario text into steps, checking every line before anything runs. The grammar is in
 * docs/SCENARIOS.md; each command's usage string below is what an error about it quotes.
 */
final class ScenarioParser {
    static final String[] GUEST_FUNCTIONS = {"initMemory", "pmm_init", "pmmAllocPageFrame", "memGetCurrentPageDir",
        "memChangePageDir", "syncPageDirs", "memMapPage", "invalidate", "pmmFreePageFrame", "memUnmapPage",
        "memIsPagePresent", "memAllocPageDir", "memFreePageDir", "kmallocInit", "changeHeapSize", "init_mm"};

    static final String COMMANDS = "boot, attach, read, write, translate, mov, invlpg, poke, poke8, peek, tlb-load, "
            + "checkpoint, restore, note, pause, title, about, expect, or a CeanOS function (" + String.join(", ", GUEST_FUNCTIONS) + ")";

    static final String[] GLOBALS = {"pageFrameMin", "pageFrameMax", "totalAlloc", "mem_num_vpages", "heapStart",
        "heapSize", "pageDirsInUse"};

    private final Names names = new Names();
    private String title = "";
    private final StringBuilder about = new StringBuilder();

    Scenario parse(String text) {
        if (text == null) {
            throw new ScenarioError(1, 1, "no scenario text");
        }
        String[] lines = org.pagewalk.text.Split.on(text, '\n');
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Line line = new Line(i + 1, lines[i]);
            if (line.isBlank()) {
                continue;
            }
            Step step = parseLine(line);
            if (step != null) {
                steps.add(step);
            }
        }
        return new Scenario(title, about.toString(), steps, text);
    }

    /** One line on its own (the page's console): variables known to the session count as defined. */
    static Step parseOne(String text, int lineNumber, Session session) {
        ScenarioParser p = new ScenarioParser();
        for (String v : session.variables().keySet()) {
            p.names.define(v);
        }
        Line line = new Line(lineNumber, text);
        if (line.isBlank()) {
            return null;
        }
        return p.parseLine(line);
    }

    private Step parseLine(Line line) {
        Token first = line.peek();
        if (first.kind != Token.Kind.WORD) {
            throw line.error(first, "a line starts with a command, found " + first + "; commands are " + COMMANDS);
        }
        // NAME = function ...   or   NAME = value
        if (line.peek(1).kind == Token.Kind.EQUALS) {
            return assignment(line);
        }
        String cmd = line.next().text;
        switch (cmd) {
            case "title":
                title = line.rest();
                return null;
            case "about":
                about.append(about.length() == 0 ? "" : " ").append(line.rest());
                return null;
            case "note": {
                String text = line.rest();
                return step(line, cmd, s -> text);
            }
            case "pause":
                line.end("'pause' takes nothing");
                return new Step(line.number, line.text, cmd, s -> "", null, true);
            case "boot":
                names.forgetVariables();
                return boot(line);
            case "attach":
                return attach(line);
            case "read":
            case "write":
            case "translate":
                return access(line, cmd);
            case "mov":
                return mov(line);
            case "invlpg": {
                Expr a = expr(line, "the linear address to invalidate");
                line.end("usage: invlpg ADDRESS");
                return step(line, cmd, s -> {
                    int v = a.eval(s, line.number);
                    int n = s.machine().invlpg(v);
                    return "INVLPG " + Hex.hex32(v) + ": " + n + " TLB " + (n == 1 ? "entry" : "entries") + " removed";
                });
            }
            case "poke":
            case "poke8":
                return poke(line, cmd.equals("poke8"));
            case "peek":
                return peek(line);
            case "tlb-load":
                return tlbLoad(line);
            case "checkpoint":
            case "restore": {
                Token name = line.word("a checkpoint name");
                line.end("usage: " + cmd + " NAME");
                if (cmd.equals("checkpoint")) {
                    return step(line, cmd, s -> {
                        s.checkpoint(name.text);
                        return "checkpoint '" + name.text + "' saved";
                    });
                }
                return step(line, cmd, s -> {
                    Session.State st = s.checkpointNamed(name.text);
                    if (st == null) {
                        throw line.error(name, "no checkpoint named '" + name.text + "' has been saved yet");
                    }
                    s.load(st);
                    return "back at checkpoint '" + name.text + "'";
                });
            }
            case "expect":
                return expect(line);
            default:
                if (isGuestFunction(cmd)) {
                    return guestCall(line, first, cmd, null);
                }
                throw line.error(first, "unknown command '" + cmd + "'; commands are " + COMMANDS);
        }
    }

    private static Step step(Line line, String cmd, Step.Action action) {
        return new Step(line.number, line.text, cmd, action, null, false);
    }

    private Step assignment(Line line) {
        Token name = line.next();
        line.next(); // =
        if (Names.isReserved(name.text)) {
            throw line.error(name, "'" + name.text + "' is a built-in name and cannot be assigned");
        }
        if (!org.pagewalk.text.Split.isIdentifier(name.text)) {
            throw line.error(name, "a variable name is letters, digits and _, starting with a letter: '" + name.text + "' is not");
        }
        Token fn = line.peek();
        if (fn.kind == Token.Kind.WORD && isGuestFunction(fn.text)) {
            if (!returnsValue(fn.text)) {
                throw line.error(fn, fn.text + " returns nothing to assign; functions with a result are "
                        + "pmmAllocPageFrame, memGetCurrentPageDir, memUnmapPage, memIsPagePresent, memAllocPageDir and changeHeapSize");
            }
            line.next();
            Step s = guestCall(line, fn, fn.text, name.text);
            names.define(name.text);
            return s;
        }
        Expr value = expr(line, "a value for " + name.text);
        line.end("usage: NAME = VALUE, or NAME = FUNCTION ARGS");
        names.define(name.text);
        return step(line, "=", s -> {
            int v = value.eval(s, line.number);
            s.set(name.text, v);
            return name.text + " = " + Hex.hex32(v);
        });
    }

    private static boolean returnsValue(String fn) {
        switch (fn) {
            case "pmmAllocPageFrame":
            case "memGetCurrentPageDir":
            case "memUnmapPage":
            case "memIsPagePresent":
            case "memAllocPageDir":
            case "changeHeapSize":
                return true;
            default:
                return false;
        }
    }

    private static boolean isGuestFunction(String word) {
        for (String f : GUEST_FUNCTIONS) {
            if (f.equals(word)) {
                return true;
            }
        }
        return false;
    }

    private Expr expr(Line line, String what) {
        Token t = line.peek();
        if (t.kind == Token.Kind.END) {
            throw line.error(t, "missing " + what);
        }
        line.next();
        return Expr.parse(line, t, names);
    }

    // ---- boot, attach -----------------------------------------------------------------------

    private Step boot(Line line) {
        Token kind = line.word("'ceanos' or 'bare'");
        boolean ceanos = kind.is("ceanos");
        if (!ceanos && !kind.is("bare")) {
            throw line.error(kind, "boot what? expected 'ceanos' (CeanOS's boot state, paging on) or 'bare' (paging off, empty memory)");
        }
        int frames = MachineConfig.DEFAULT_FRAMES;
        TlbGeometry tlb = TlbGeometry.DEFAULT;
        Variant variant = Variant.FIXED;
        int defects = -1;
        while (!line.atEnd()) {
            Token key = line.word("an option: ram=SIZE, tlb=ENTRIESxWAYS" + (ceanos ? ", variant=fixed|as-written, defects=LIST" : ""));
            line.expectEquals("after " + key.text);
            Token value = line.next();
            switch (key.text) {
                case "ram":
                    frames = ramFrames(line, value);
                    break;
                case "tlb":
                    tlb = tlbGeometry(line, value);
                    break;
                case "variant":
                    if (!ceanos) {
                        throw line.error(key, "a bare machine has no guest kernel, so no variant");
                    }
                    variant = variant(line, value);
                    break;
                case "defects":
                    if (!ceanos) {
                        throw line.error(key, "a bare machine has no guest kernel, so no defects");
                    }
                    defects = defects(line, value);
                    break;
                default:
                    throw line.error(key, "unknown option '" + key.text + "'; boot takes ram=, tlb="
                            + (ceanos ? ", variant= and defects=" : ""));
            }
        }
        GuestConfig guest = ceanos ? guestConfig(line, kind, variant, defects) : null;
        MachineConfig config = new MachineConfig(frames, tlb);
        if (ceanos) {
            // Check the kernel fits now, so the line fails at parse time rather than at run time.
            int kernelEnd = new org.pagewalk.guest.KernelLayout(guest.has(Defect.BITMAP_512_MIB)).kernelEnd();
            if (Integer.compareUnsigned(kernelEnd - 1, (frames << 12) - 1) > 0 && frames != PhysicalMemory.MAX_FRAMES) {
                throw line.error(kind, "CeanOS's kernel image ends at " + Hex.hex32(kernelEnd) + " and does not fit in "
                        + Sizes.ofFrames(frames) + " of RAM: boot it with ram=4M or more");
            }
        }
        return step(line, "boot", s -> {
            Machine m = new Machine(config);
            if (ceanos) {
                s.bootCeanOs(m, guest);
                return "CeanOS (" + guest + ") booted on " + config + ": CR3 = " + Hex.hex32(m.cr().cr3());
            }
            s.bootBare(m);
            return "bare machine: " + config + ", paging off";
        });
    }

    private Step attach(Line line) {
        Token kind = line.word("'ceanos'");
        if (!kind.is("ceanos")) {
            throw line.error(kind, "attach what? only 'ceanos' can be attached");
        }
        Variant variant = Variant.FIXED;
        int defects = -1;
        while (!line.atEnd()) {
            Token key = line.word("variant= or defects=");
            line.expectEquals("after " + key.text);
            Token value = line.next();
            if (key.text.equals("variant")) {
                variant = variant(line, value);
            } else if (key.text.equals("defects")) {
                defects = defects(line, value);
            } else {
                throw line.error(key, "unknown option '" + key.text + "'; attach takes variant= and defects=");
            }
        }
        GuestConfig guest = guestConfig(line, kind, variant, defects);
        return step(line, "attach", s -> {
            s.attach(guest);
            return "CeanOS (" + guest + ") attached to the machine as it is";
        });
    }

    private static GuestConfig guestConfig(Line line, Token at, Variant variant, int defects) {
        if (variant == Variant.FIXED && defects > 0) {
            throw line.error(at, "the fixed variant has no defects: add variant=as-written to switch defects on");
        }
        return new GuestConfig(variant, variant == Variant.FIXED ? 0 : defects < 0 ? Defect.all() : defects);
    }

    private static int ramFrames(Line line, Token t) {
        String v = t.text.toUpperCase();
        if (v.equals("4G") || v.equals("4096M")) {
            return PhysicalMemory.MAX_FRAMES;
        }
        if (t.kind != Token.Kind.NUMBER) {
            throw line.error(t, "expected a RAM size such as 32M, 1G or 4G, found " + t);
        }
        int bytes = Expr.number(line, t, t.text);
        if ((bytes & 0xFFF) != 0 || Integer.compareUnsigned(bytes, 1 << 20) < 0) {
            throw line.error(t, "RAM must be 1M to 4G in whole 4 KiB frames, was " + t.text);
        }
        return bytes >>> 12;
    }

    private static TlbGeometry tlbGeometry(Line line, Token t) {
        String[] p = org.pagewalk.text.Split.on(t.text.toLowerCase(), 'x');
        if (p.length != 2 || p[0].isEmpty() || p[1].isEmpty()) {
            throw line.error(t, "expected the TLB as ENTRIESxWAYS, for example 64x4, found " + t);
        }
        int entries = Expr.number(line, t, p[0]);
        int ways = Expr.number(line, t, p[1]);
        String error = TlbGeometry.check(entries, ways);
        if (error != null) {
            throw line.error(t, error);
        }
        return new TlbGeometry(entries, ways);
    }

    private static Variant variant(Line line, Token t) {
        if (t.is("fixed")) {
            return Variant.FIXED;
        }
        if (t.is("as-written") || t.is("as_written") || t.is("original")) {
            return Variant.AS_WRITTEN;
        }
        throw line.error(t, "expected variant fixed or as-written, found " + t);
    }

    private static int defects(Line line, Token t) {
        if (t.is("all")) {
            return Defect.all();
        }
        if (t.is("none")) {
            return 0;
        }
        int bits = 0;
        for (String k : org.pagewalk.text.Split.on(t.text, ',')) {
            Defect d = Defect.byKey(k);
            if (d == null) {
                throw line.error(t, "unknown defect '" + k + "'; defects are all, none, or a list of: " + Defect.keys());
            }
            bits |= d.bit();
        }
        return bits;
    }

    // ---- guest calls ------------------------------------------------------------------------

    private Step guestCall(Line line, Token at, String fn, String assignTo) {
        int arity;
        switch (fn) {
            case "initMemory":
            case "pmm_init":
                arity = 2;
                break;
            case "memMapPage":
                arity = 3;
                break;
            case "memChangePageDir":
            case "invalidate":
            case "pmmFreePageFrame":
            case "memUnmapPage":
            case "memIsPagePresent":
            case "memFreePageDir":
            case "kmallocInit":
            case "changeHeapSize":
                arity = 1;
                break;
            default:
                arity = 0;
                break;
        }
        Expr[] args = new Expr[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = expr(line, "argument " + (i + 1) + " of " + fn + " (" + usage(fn) + ")");
        }
        boolean remap = fn.equals("memMapPage") && line.accept("remap");
        line.end(usage(fn));
        return new Step(line.number, line.text, fn, s -> {
            CeanOs os = s.os();
            if (os == null) {
                throw line.error(at, fn + " needs the CeanOS kernel: 'boot ceanos' (or 'attach ceanos') first");
            }
            int[] v = new int[arity];
            for (int i = 0; i < arity; i++) {
                v[i] = args[i].eval(s, line.number);
            }
            CallResult r = call(os, fn, v, remap);
            s.called(r);
            if (r.ok() && assignTo != null) {
                s.set(assignTo, r.value());
            }
            if (!r.ok()) {
                return r.error();
            }
            return r.returnsValue() ? fn + " returned " + Hex.hex32(r.value()) + (assignTo != null ? " -> " + assignTo : "")
                    : fn + " done";
        }, null, false);
    }

    static String usage(String fn) {
        switch (fn) {
            case "initMemory":
                return "usage: initMemory MEMHIGH PHYSICAL_ALLOC_START";
            case "pmm_init":
                return "usage: pmm_init MEMLOW MEMHIGH";
            case "memMapPage":
                return "usage: memMapPage VIRTUAL PHYSICAL FLAGS [remap], FLAGS like WRITE|USER or 0";
            case "memChangePageDir":
            case "memFreePageDir":
                return "usage: " + fn + " PAGE_DIRECTORY (a kernel virtual address, e.g. initial_page_dir)";
            case "kmallocInit":
            case "changeHeapSize":
                return "usage: " + fn + " SIZE";
            case "pmmFreePageFrame":
                return "usage: pmmFreePageFrame PHYSICAL";
            case "invalidate":
            case "memUnmapPage":
            case "memIsPagePresent":
                return "usage: " + fn + " VIRTUAL";
            default:
                return "usage: " + fn + " (no arguments)";
        }
    }

    private static CallResult call(CeanOs os, String fn, int[] v, boolean remap) {
        switch (fn) {
            case "initMemory":
                return os.initMemory(v[0], v[1]);
            case "pmm_init":
                return os.pmm_init(v[0], v[1]);
            case "pmmAllocPageFrame":
                return os.pmmAllocPageFrame();
            case "memGetCurrentPageDir":
                return os.memGetCurrentPageDir();
            case "memChangePageDir":
                return os.memChangePageDir(v[0]);
            case "syncPageDirs":
                return os.syncPageDirs();
            case "memMapPage":
                return os.memMapPage(v[0], v[1], v[2], remap);
            case "invalidate":
                return os.invalidate(v[0]);
            case "pmmFreePageFrame":
                return os.pmmFreePageFrame(v[0]);
            case "memUnmapPage":
                return os.memUnmapPage(v[0]);
            case "memIsPagePresent":
                return os.memIsPagePresent(v[0]);
            case "memAllocPageDir":
                return os.memAllocPageDir();
            case "memFreePageDir":
                return os.memFreePageDir(v[0]);
            case "kmallocInit":
                return os.kmallocInit(v[0]);
            case "changeHeapSize":
                return os.changeHeapSize(v[0]);
            case "init_mm":
            default:
                return initMm(os);
        }
    }

    /**
     * kernel.c's init_mm: initMemory(mem_upper * 1024, physicalAllocStart) then kmallocInit(0x4000).
     * mem_upper is the KiB above 1 MiB, so the as-written kernel leaves the top 1 MiB of RAM out;
     * the fixed kernel passes the whole size. physicalAllocStart is the kernel image's end.
     */
    static CallResult initMm(CeanOs os) {
        int frames = os.machine().memory().frames();
        int ramTop = frames == PhysicalMemory.MAX_FRAMES ? 0xFFFFF000 : frames << 12;
        int memHigh = os.config().isFixed() ? ramTop : ramTop - 0x100000;
        CallResult r = os.initMemory(memHigh, os.layout().kernelEnd());
        return r.ok() ? os.kmallocInit(0x4000) : r;
    }

    // ---- accesses and CPU ---------------------------------------------------------------------

    private static int privilege(Line line) {
        if (line.accept("user")) {
            return Access.USER;
        }
        line.accept("kernel");
        return 0;
    }

    private Step access(Line line, String cmd) {
        int access = privilege(line);
        if (cmd.equals("translate") && line.accept("write")) {
            access |= Access.WRITE;
        } else if (cmd.equals("translate")) {
            line.accept("read");
        }
        if (cmd.equals("write")) {
            access |= Access.WRITE;
        }
        Expr address = expr(line, "the linear address to " + cmd);
        Expr value = cmd.equals("write") ? expr(line, "the value to write") : null;
        boolean bite = !cmd.equals("translate") && line.accept("byte");
        line.end(cmd.equals("translate") ? "usage: translate [kernel|user] [read|write] ADDRESS"
                : "usage: " + cmd + " [kernel|user] ADDRESS" + (value != null ? " VALUE" : "") + " [byte]");
        final int acc = access;
        return step(line, cmd, s -> {
            Machine m = s.machine();
            int linear = address.eval(s, line.number);
            AccessResult r;
            if (cmd.equals("translate")) {
                r = m.translateAccess(linear, acc);
            } else {
                r = m.access(linear, acc, value == null ? 0 : value.eval(s, line.number), bite ? 1 : 4);
            }
            boolean hit = r.hit();
            s.accessed(r, hit);
            return describe(cmd, acc, linear, r, hit, bite, value == null ? 0 : value.eval(s, line.number));
        });
    }

    private static String describe(String cmd, int access, int linear, AccessResult r, boolean hit, boolean bite, int value) {
        String who = Words.access(access);
        if (r.isFault()) {
            PageFault f = r.fault();
            return who + " of " + Hex.hex32(linear) + ": page fault, error code " + Hex.hex(f.errorCode(), 1) + " ("
                    + Words.errorCode(f.errorCode()) + "), CR2 = " + Hex.hex32(f.linear()) + ": " + Words.reason(f);
        }
        Translation t = r.translation();
        String how = t.isFromTlb() ? "TLB hit" : hit ? "TLB hit" : "TLB miss, walked";
        String where = Hex.hex32(linear) + " -> physical " + Hex.hex32(r.physical()) + " (" + how + ")";
        String as = Access.isUser(access) ? "user " : "kernel ";
        switch (cmd) {
            case "read":
                return as + "read " + where + " = " + (bite ? Hex.hex(r.value(), 2) : Hex.hex32(r.value()));
            case "write":
                return as + "wrote " + (bite ? Hex.hex(value & 0xFF, 2) : Hex.hex32(value)) + " at " + where;
            default:
                return as + (Access.isWrite(access) ? "write " : "read ") + "translate " + where + (t.isLargePage() ? ", 4 MiB page" : ", 4 KiB page");
        }
    }

    private Step mov(Line line) {
        Token reg = line.word("a control register: cr0, cr2, cr3 or cr4");
        String r = reg.text.toLowerCase();
        if (r.endsWith(",")) {
            r = r.substring(0, r.length() - 1);
        } else if (line.peek().text.equals(",")) {
            line.next();
        }
        if (!r.equals("cr0") && !r.equals("cr2") && !r.equals("cr3") && !r.equals("cr4")) {
            throw line.error(reg, "mov writes a control register: cr0, cr2, cr3 or cr4, found '" + reg.text + "'");
        }
        Expr value = expr(line, "the value for " + r);
        line.end("usage: mov " + r + ", VALUE");
        final String name = r;
        return step(line, "mov", s -> {
            int v = value.eval(s, line.number);
            Machine m = s.machine();
            int removed = m.tlb().validEntries();
            switch (name) {
                case "cr0":
                    m.cr().writeCr0(v);
                    break;
                case "cr2":
                    m.cr().writeCr2(v);
                    break;
                case "cr3":
                    m.cr().writeCr3(v);
                    break;
                default:
                    m.cr().writeCr4(v);
                    break;
            }
            removed -= m.tlb().validEntries();
            return name.toUpperCase() + " = " + Hex.hex32(v) + (removed > 0 ? "; " + removed + " TLB "
                    + (removed == 1 ? "entry" : "entries") + " flushed" : "");
        });
    }

    private Step poke(Line line, boolean bytes) {
        Expr address = expr(line, "the physical address");
        List<Expr> values = new ArrayList<>();
        while (!line.atEnd()) {
            values.add(expr(line, "a value"));
        }
        if (values.isEmpty()) {
            throw line.error("missing the value to write: usage: " + (bytes ? "poke8" : "poke") + " PHYSICAL VALUE [VALUE...]");
        }
        return step(line, bytes ? "poke8" : "poke", s -> {
            int at = address.eval(s, line.number);
            Machine m = s.machine();
            for (Expr e : values) {
                int v = e.eval(s, line.number);
                if (bytes) {
                    m.writePhysical8(at, v);
                    at += 1;
                } else {
                    m.writePhysical32(at, v);
                    at += 4;
                }
            }
            return "wrote " + values.size() + (bytes ? " byte" : " word") + (values.size() == 1 ? "" : "s")
                    + " at physical " + Hex.hex32(address.eval(s, line.number));
        });
    }

    private Step peek(Line line) {
        Expr address = expr(line, "the physical address");
        Expr count = line.atEnd() ? null : expr(line, "how many words");
        line.end("usage: peek PHYSICAL [COUNT]");
        return step(line, "peek", s -> {
            int at = address.eval(s, line.number);
            int n = count == null ? 1 : count.eval(s, line.number);
            if (n < 1 || n > 1024) {
                throw new ScenarioError(line.number, count.column(), "peek shows 1 to 1024 words, not " + Integer.toUnsignedString(n));
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i % 4 == 0) {
                    sb.append(i == 0 ? "" : "\n").append(Hex.hex32(at + i * 4)).append(':');
                }
                sb.append(' ').append(Hex.hex32(s.machine().readPhysical32(at + i * 4)));
            }
            return sb.toString();
        });
    }

    private Step tlbLoad(Line line) {
        Expr[] v = new Expr[4];
        String[] keys = {"set", "way", "linear", "frame"};
        boolean large = false;
        int rights = 0;
        boolean dirty = false;
        boolean global = false;
        while (!line.atEnd()) {
            Token k = line.peek();
            if (k.kind == Token.Kind.NUMBER && k.text.equalsIgnoreCase("4M")) {
                line.next();
                large = true;
                continue;
            }
            k = line.word("set=, way=, linear=, frame=, or 4M, user, write, dirty, global");
            int idx = java.util.Arrays.asList(keys).indexOf(k.text);
            if (idx >= 0) {
                line.expectEquals("after " + k.text);
                v[idx] = expr(line, "a value for " + k.text);
            } else if (k.is("4M")) {
                large = true;
            } else if (k.is("user")) {
                rights |= EntryBits.USER;
            } else if (k.is("write")) {
                rights |= EntryBits.WRITE;
            } else if (k.is("dirty")) {
                dirty = true;
            } else if (k.is("global")) {
                global = true;
            } else {
                throw line.error(k, "unknown tlb-load word '" + k.text + "'; usage: tlb-load set=S way=W linear=ADDR frame=ADDR [4M] [user] [write] [dirty] [global]");
            }
        }
        for (int i = 0; i < 4; i++) {
            if (v[i] == null) {
                throw line.error("tlb-load needs " + keys[i] + "=");
            }
        }
        final boolean lg = large;
        final int rt = rights;
        final boolean d = dirty;
        final boolean g = global;
        return step(line, "tlb-load", s -> {
            s.machine().tlb().load(v[0].eval(s, line.number), v[1].eval(s, line.number), v[2].eval(s, line.number), lg,
                    v[3].eval(s, line.number), rt, d, g);
            return "TLB set " + v[0].eval(s, line.number) + " way " + v[1].eval(s, line.number) + " loaded";
        });
    }

    // ---- expect -----------------------------------------------------------------------------

    private Step expect(Line line) {
        Token what = line.peek();
        if (what.kind != Token.Kind.WORD) {
            throw line.error(what, "expect what? " + EXPECT_USAGE);
        }
        Step.Check check;
        // "expect NAME = VALUE" wins over the keyword forms, so a variable may be called frame or last.
        switch (line.peek(1).kind == Token.Kind.EQUALS ? "" : what.text) {
            case "physical":
            case "fault": {
                line.next();
                int access = privilege(line);
                if (line.accept("write")) {
                    access |= Access.WRITE;
                } else {
                    line.accept("read");
                }
                Expr address = expr(line, "the linear address");
                Expr expected = null;
                if (what.text.equals("physical")) {
                    line.expectEquals("and the physical address expected");
                    expected = expr(line, "the physical address expected");
                } else if (!line.atEnd()) {
                    line.expectEquals("and the error code expected");
                    expected = expr(line, "the error code expected");
                }
                line.end("usage: expect " + what.text + " [kernel|user] [read|write] ADDRESS"
                        + (what.text.equals("physical") ? " = PHYSICAL" : " [= ERROR_CODE]"));
                check = expectTranslation(line, what.text.equals("physical"), access, address, expected);
                break;
            }
            case "value": {
                line.next();
                boolean bite = line.accept("byte");
                Expr address = expr(line, "the linear address");
                line.expectEquals("and the value expected");
                Expr expected = expr(line, "the value expected");
                Expr mask = line.accept("mask") ? expr(line, "the mask") : null;
                line.end("usage: expect value [byte] ADDRESS = VALUE [mask MASK]");
                check = s -> {
                    int linear = address.eval(s, line.number);
                    AccessResult r = s.machine().preview(linear, Access.KERNEL_READ);
                    if (r.isFault()) {
                        return "expected " + Hex.hex32(linear) + " to hold " + Hex.hex32(expected.eval(s, line.number))
                                + ", actual: a kernel read faults (" + Words.reason(r.fault()) + ")";
                    }
                    int actual = bite ? s.machine().readPhysical8(r.physical()) : readWord(s, linear);
                    int m = mask == null ? -1 : mask.eval(s, line.number);
                    return compare(Hex.hex32(linear), expected.eval(s, line.number) & m, actual & m);
                };
                break;
            }
            case "memory":
            case "pde": {
                line.next();
                boolean pde = what.text.equals("pde");
                Expr where = expr(line, pde ? "the directory index (0..1023)" : "the physical address");
                line.expectEquals("and the value expected");
                Expr expected = expr(line, "the value expected");
                Expr mask = line.accept("mask") ? expr(line, "the mask") : null;
                line.end("usage: expect " + what.text + (pde ? " INDEX" : " PHYSICAL") + " = VALUE [mask MASK]");
                check = s -> {
                    int w = where.eval(s, line.number);
                    if (pde && Integer.compareUnsigned(w, 1023) > 0) {
                        throw new ScenarioError(line.number, where.column(), "a directory index is 0..1023, not " + Integer.toUnsignedString(w));
                    }
                    int address = pde ? (s.machine().cr().cr3() & 0xFFFFF000) + w * 4 : w;
                    int m = mask == null ? -1 : mask.eval(s, line.number);
                    String label = pde ? "PDE " + w + " (at " + Hex.hex32(address) + ")" : "memory at " + Hex.hex32(address);
                    return compare(label, expected.eval(s, line.number) & m, s.machine().readPhysical32(address) & m);
                };
                break;
            }
            case "tlb":
                line.next();
                check = expectTlb(line);
                break;
            case "last": {
                line.next();
                Token k = line.word("hit, miss or fault");
                line.end("usage: expect last hit|miss|fault");
                if (!k.is("hit") && !k.is("miss") && !k.is("fault")) {
                    throw line.error(k, "expect last hit, miss or fault, not '" + k.text + "'");
                }
                check = s -> {
                    AccessResult r = s.lastAccess();
                    if (r == null) {
                        return "expected the last access to be a " + k.text + ", actual: no access yet";
                    }
                    String actual = r.isFault() ? "fault" : s.lastAccessHit() ? "hit" : "miss";
                    return actual.equals(k.text.toLowerCase()) ? null
                            : "expected the last access to be a " + k.text.toLowerCase() + ", actual: a " + actual;
                };
                break;
            }
            case "frame": {
                line.next();
                Expr address = expr(line, "the frame's physical address");
                Token state = line.word("used or free");
                line.end("usage: expect frame PHYSICAL used|free");
                if (!state.is("used") && !state.is("free")) {
                    throw line.error(state, "a frame is 'used' or 'free' in the bitmap, not '" + state.text + "'");
                }
                check = s -> {
                    if (s.os() == null) {
                        throw new ScenarioError(line.number, what.column, "the frame bitmap belongs to CeanOS: 'boot ceanos' first");
                    }
                    int p = address.eval(s, line.number);
                    boolean used = GuestGlobals.bitmapBit(s.machine(), p >>> 12);
                    boolean want = state.is("used");
                    return used == want ? null : "expected frame " + Hex.hex32(p & ~0xFFF) + " " + (want ? "used" : "free")
                            + " in the bitmap, actual: " + (used ? "used" : "free");
                };
                break;
            }
            case "refused":
            case "ok": {
                line.next();
                boolean refused = what.text.equals("refused");
                String text = refused && !line.atEnd() ? line.rest() : null;
                line.end("usage: expect " + what.text + (refused ? " [\"part of the message\"]" : ""));
                check = s -> {
                    CallResult r = s.lastCall();
                    if (r == null) {
                        return "expected the last CeanOS call to be " + (refused ? "refused" : "ok") + ", actual: no call yet";
                    }
                    if (refused && r.ok()) {
                        return "expected " + r.function() + " to be refused, actual: it succeeded";
                    }
                    if (!refused && !r.ok()) {
                        return "expected " + r.function() + " to succeed, actual: " + r.error();
                    }
                    if (text != null && !r.error().contains(text)) {
                        return "expected the refusal to mention \"" + text + "\", actual: " + r.error();
                    }
                    return null;
                };
                break;
            }
            default: {
                Token name = line.next();
                line.expectEquals("after " + name.text + " (" + EXPECT_USAGE + ")");
                Expr expected = expr(line, "the value expected");
                line.end("usage: expect NAME = VALUE");
                check = expectNamed(line, name, expected);
                break;
            }
        }
        return new Step(line.number, line.text, "expect", null, check, false);
    }

    static final String EXPECT_USAGE = "expect physical|fault|value|memory|pde|tlb|last|frame|refused|ok ..., "
            + "or expect NAME = VALUE with NAME one of cr0, cr2, cr3, cr4, result, " + String.join(", ", GLOBALS)
            + " or a variable";

    private static int readWord(Session s, int linear) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            AccessResult r = s.machine().preview(linear + i, Access.KERNEL_READ);
            value |= (r.isFault() ? 0 : s.machine().readPhysical8(r.physical())) << (i * 8);
        }
        return value;
    }

    private static String compare(String label, int expected, int actual) {
        return expected == actual ? null : "expected " + label + " = " + Hex.hex32(expected) + ", actual " + Hex.hex32(actual);
    }

    private static Step.Check expectTranslation(Line line, boolean physical, int access, Expr address, Expr expected) {
        return s -> {
            int linear = address.eval(s, line.number);
            AccessResult r = s.machine().preview(linear, access);
            String what = "a " + Words.access(access) + " of " + Hex.hex32(linear);
            if (physical) {
                int want = expected.eval(s, line.number);
                if (r.isFault()) {
                    return "expected " + what + " to reach physical " + Hex.hex32(want) + ", actual: page fault "
                            + Hex.hex(r.fault().errorCode(), 1) + " (" + Words.reason(r.fault()) + ")";
                }
                return r.physical() == want ? null : "expected " + what + " to reach physical " + Hex.hex32(want)
                        + ", actual " + Hex.hex32(r.physical()) + (r.translation().isFromTlb() ? " (from the TLB)" : "");
            }
            if (!r.isFault()) {
                return "expected " + what + " to fault, actual: it reaches physical " + Hex.hex32(r.physical());
            }
            if (expected != null && r.fault().errorCode() != expected.eval(s, line.number)) {
                int want = expected.eval(s, line.number);
                return "expected " + what + " to fault with error code " + Hex.hex(want, 1) + " (" + Words.errorCode(want)
                        + "), actual " + Hex.hex(r.fault().errorCode(), 1) + " (" + Words.errorCode(r.fault().errorCode()) + ")";
            }
            return null;
        };
    }

    private Step.Check expectTlb(Line line) {
        Token k = line.word("hit, miss, stale, fresh or entries");
        if (k.is("entries")) {
            line.expectEquals("and the number of valid entries");
            Expr n = expr(line, "the number of valid entries");
            line.end("usage: expect tlb entries = N");
            return s -> {
                int actual = s.machine().tlb().validEntries();
                int want = n.eval(s, line.number);
                return actual == want ? null : "expected " + want + " valid TLB entries, actual " + actual;
            };
        }
        if (!k.is("hit") && !k.is("miss") && !k.is("stale") && !k.is("fresh")) {
            throw line.error(k, "expect tlb hit|miss|stale|fresh ADDRESS, or expect tlb entries = N; not '" + k.text + "'");
        }
        Expr address = expr(line, "the linear address");
        line.end("usage: expect tlb " + k.text + " ADDRESS");
        String kind = k.text.toLowerCase();
        return s -> {
            int linear = address.eval(s, line.number);
            int index = s.machine().tlb().lookup(linear);
            String page = "the page of " + Hex.hex32(linear);
            switch (kind) {
                case "hit":
                    return index >= 0 ? null : "expected " + page + " in the TLB (a hit), actual: not cached (a miss)";
                case "miss":
                    return index < 0 ? null : "expected " + page + " not in the TLB (a miss), actual: cached in set "
                            + s.machine().tlb().entry(index).set() + " way " + s.machine().tlb().entry(index).way();
                default: {
                    if (index < 0) {
                        return "expected a " + kind + " TLB entry for " + page + ", actual: not cached";
                    }
                    TlbEntry e = s.machine().tlb().entry(index);
                    String why = Words.staleness(s.machine().staleness(e.set(), e.way()));
                    boolean stale = why != null;
                    if (kind.equals("stale")) {
                        return stale ? null : "expected the TLB entry for " + page + " to be stale, actual: it agrees with memory";
                    }
                    return !stale ? null : "expected the TLB entry for " + page + " to agree with memory, actual: stale: " + why;
                }
            }
        };
    }

    private Step.Check expectNamed(Line line, Token name, Expr expected) {
        String n = name.text;
        boolean known = n.equals("cr0") || n.equals("cr2") || n.equals("cr3") || n.equals("cr4") || n.equals("result")
                || java.util.Arrays.asList(GLOBALS).contains(n) || names.isKnown(n);
        if (!known) {
            throw line.error(name, "cannot expect '" + n + "': " + EXPECT_USAGE);
        }
        return s -> {
            int want = expected.eval(s, line.number);
            Integer actual;
            switch (n) {
                case "cr0":
                    actual = s.machine().cr().cr0();
                    break;
                case "cr2":
                    actual = s.machine().cr().cr2();
                    break;
                case "cr3":
                    actual = s.machine().cr().cr3();
                    break;
                case "cr4":
                    actual = s.machine().cr().cr4();
                    break;
                case "result":
                    if (s.lastCall() == null || !s.lastCall().returnsValue()) {
                        return "expected result = " + Hex.hex32(want) + ", actual: the last call returned no value";
                    }
                    actual = s.lastCall().value();
                    break;
                default:
                    actual = global(s, n);
                    if (actual == null) {
                        actual = s.lookup(n);
                    }
                    if (actual == null) {
                        throw new ScenarioError(line.number, name.column, "'" + n + "' has no value here (" + s.whyUnavailable(n) + ")");
                    }
                    break;
            }
            return compare(n, want, actual);
        };
    }

    private static Integer global(Session s, String n) {
        if (!java.util.Arrays.asList(GLOBALS).contains(n)) {
            return null;
        }
        if (s.os() == null) {
            return null;
        }
        GuestGlobals g = s.os().globals();
        switch (n) {
            case "pageFrameMin":
                return g.pageFrameMin();
            case "pageFrameMax":
                return g.pageFrameMax();
            case "totalAlloc":
                return g.totalAlloc();
            case "mem_num_vpages":
                return g.memNumVpages();
            case "heapStart":
                return g.heapStart();
            case "heapSize":
                return g.heapSize();
            default:
                return g.pageDirsInUse();
        }
    }
}
