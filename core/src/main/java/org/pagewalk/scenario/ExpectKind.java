package org.pagewalk.scenario;

import org.pagewalk.explain.Words;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.GuestGlobals;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.TlbEntry;
import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;

/**
 * The table of {@code expect} kinds: each entry is its keyword, its usage, how its operands are
 * parsed and how it is checked. Adding a kind is one entry (and its test and its line in
 * docs/SCENARIOS.md). A check returns its {@link ExpectOutcome}: held or not, the value asserted
 * and the value found, and for a failure the sentence "expected ..., actual ...".
 */
public enum ExpectKind {
    PHYSICAL("physical", "expect physical [kernel|user] [read|write] ADDRESS = PHYSICAL") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            int access = ScenarioParser.readOrWrite(line, ScenarioParser.privilege(line));
            Expr address = p.expr(line, "the linear address");
            line.expectEquals("and the physical address expected");
            Expr expected = p.expr(line, "the physical address expected");
            line.end("usage: ", usage());
            return new Expect(line, column, this, new Expr[] {address, expected}, access, null, null, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            int linear = e.values[0].eval(s, e.line());
            int want = e.values[1].eval(s, e.line());
            AccessResult r = s.machine().preview(linear, e.access);
            String what = "a " + Words.access(e.access) + " of " + Hex.hex32(linear);
            if (r.isFault()) {
                return failed(Hex.hex32(want), fault(r), "expected " + what + " to reach physical " + Hex.hex32(want)
                        + ", actual: page fault " + Hex.hex(r.fault().errorCode(), 1) + " (" + Words.reason(r.fault()) + ")");
            }
            return r.physical() == want ? held(Hex.hex32(want)) : failed(Hex.hex32(want), Hex.hex32(r.physical()),
                    "expected " + what + " to reach physical " + Hex.hex32(want) + ", actual " + Hex.hex32(r.physical())
                    + (r.translation().isFromTlb() ? " (from the TLB)" : ""));
        }
    },
    FAULT("fault", "expect fault [kernel|user] [read|write] ADDRESS [= ERROR_CODE]") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            int access = ScenarioParser.readOrWrite(line, ScenarioParser.privilege(line));
            Expr address = p.expr(line, "the linear address");
            Expr expected = null;
            if (!line.atEnd()) {
                line.expectEquals("and the error code expected");
                expected = p.expr(line, "the error code expected");
            }
            line.end("usage: ", usage());
            return new Expect(line, column, this, new Expr[] {address, expected}, access, null, null, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            int linear = e.values[0].eval(s, e.line());
            AccessResult r = s.machine().preview(linear, e.access);
            String what = "a " + Words.access(e.access) + " of " + Hex.hex32(linear);
            Integer want = e.values[1] == null ? null : e.values[1].eval(s, e.line());
            String expected = want == null ? "fault" : "fault " + Hex.hex(want, 1);
            if (!r.isFault()) {
                return failed(expected, Hex.hex32(r.physical()), "expected " + what + " to fault, actual: it reaches physical "
                        + Hex.hex32(r.physical()));
            }
            if (want != null && r.fault().errorCode() != want) {
                return failed(expected, fault(r), "expected " + what + " to fault with error code " + Hex.hex(want, 1) + " ("
                        + Words.errorCode(want) + "), actual " + Hex.hex(r.fault().errorCode(), 1) + " ("
                        + Words.errorCode(r.fault().errorCode()) + ")");
            }
            return held(expected, fault(r));
        }
    },
    VALUE("value", "expect value [byte] ADDRESS = VALUE [mask MASK]") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            boolean bite = line.accept("byte");
            Expr[] v = p.addressValueMask(line, "the linear address", usage());
            return new Expect(line, column, this, v, bite ? 1 : 4, null, null, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            int linear = e.values[0].eval(s, e.line());
            Ranges.within4GiB(linear, e.access, e.values[0], e.line(), "linear", "a 4-byte read");
            if (e.access == 1) {
                // A byte can never equal 0x1FF: a value that cannot match is a mistake in the check, not a failure.
                Ranges.byteValue(e.values[1].eval(s, e.line()), e.values[1], e.line(), "the value of expect value byte");
            }
            AccessResult r = s.machine().preview(linear, Access.KERNEL_READ);
            if (r.isFault()) {
                String want = Hex.hex32(e.values[1].eval(s, e.line()));
                return failed(want, fault(r), "expected " + Hex.hex32(linear) + " to hold " + want
                        + ", actual: a kernel read faults (" + Words.reason(r.fault()) + ")");
            }
            int actual = e.access == 1 ? s.machine().readPhysical8(r.physical()) : readWord(s, linear);
            return masked(e, s, Hex.hex32(linear), actual);
        }
    },
    MEMORY("memory", "expect memory PHYSICAL = VALUE [mask MASK]") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            return addressValueMask(p, line, column, what, "the physical address");
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            int address = e.values[0].eval(s, e.line());
            Ranges.within4GiB(address, 4, e.values[0], e.line(), "physical", "a word");
            return masked(e, s, "memory at " + Hex.hex32(address), s.machine().readPhysical32(address));
        }
    },
    PDE("pde", "expect pde INDEX = VALUE [mask MASK]") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            return addressValueMask(p, line, column, what, "the directory index (0..1023)");
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            int w = e.values[0].eval(s, e.line());
            if (Integer.compareUnsigned(w, 1023) > 0) {
                throw new ScenarioError(e.line(), e.values[0].column(), "a directory index is 0..1023, not " + Integer.toUnsignedString(w));
            }
            int address = (s.machine().cr().cr3() & 0xFFFFF000) + w * 4;
            return masked(e, s, "PDE " + w + " (at " + Hex.hex32(address) + ")", s.machine().readPhysical32(address));
        }
    },
    PTE("pte", "expect pte ADDRESS = VALUE [mask MASK]") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            return addressValueMask(p, line, column, what, "the linear address");
        }

        /** The PTE that maps ADDRESS in the directory CR3 points at, read from memory (not the TLB). */
        @Override
        ExpectOutcome check(Expect e, Session s) {
            int linear = e.values[0].eval(s, e.line());
            int index = linear >>> 22;
            int pde = s.machine().readPhysical32((s.machine().cr().cr3() & 0xFFFFF000) + index * 4);
            String label = "the PTE of " + Hex.hex32(linear);
            String want = Hex.hex32(e.values[1].eval(s, e.line()));
            if ((pde & EntryBits.PRESENT) == 0) {
                return failed(want, "no page table", "expected " + label + " = " + want + ", actual: PDE " + index
                        + " is not present, so there is no page table");
            }
            if ((pde & EntryBits.PAGE_SIZE) != 0 && (s.machine().cr().cr4() & org.pagewalk.machine.ControlRegisterBits.CR4_PSE) != 0) {
                return failed(want, "4 MiB page", "expected " + label + " = " + want + ", actual: PDE " + index
                        + " maps a 4 MiB page, so there is no PTE");
            }
            int address = (pde & EntryBits.FRAME_4K) + ((linear >>> 12) & 0x3FF) * 4;
            return masked(e, s, label + " (at " + Hex.hex32(address) + ")", s.machine().readPhysical32(address));
        }
    },
    TLB("tlb", "expect tlb hit|miss|stale|fresh ADDRESS, or expect tlb entries = N") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            Token k = line.word("hit, miss, stale, fresh or entries");
            if (k.is("entries")) {
                line.expectEquals("and the number of valid entries");
                Expr n = p.expr(line, "the number of valid entries");
                line.end("usage: expect tlb entries = N");
                return new Expect(line, column, this, new Expr[] {n}, 0, "entries", null, what.column);
            }
            if (!k.is("hit") && !k.is("miss") && !k.is("stale") && !k.is("fresh")) {
                throw line.error(k, "expect tlb hit|miss|stale|fresh ADDRESS, or expect tlb entries = N; not " + org.pagewalk.text.Printable.quote(k.text));
            }
            Expr address = p.expr(line, "the linear address");
            line.end("usage: expect tlb ", k.text + " ADDRESS");
            return new Expect(line, column, this, new Expr[] {address}, 0, Chars.lower(k.text), null, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            if (e.word.equals("entries")) {
                int actual = s.machine().tlb().validEntries();
                int want = e.values[0].eval(s, e.line());
                return actual == want ? held(Integer.toString(want)) : failed(Integer.toString(want), Integer.toString(actual),
                        "expected " + want + " valid TLB entries, actual " + actual);
            }
            int linear = e.values[0].eval(s, e.line());
            int index = s.machine().tlb().lookup(linear);
            String page = "the page of " + Hex.hex32(linear);
            switch (e.word) {
                case "hit":
                    return index >= 0 ? held("hit") : failed("hit", "miss", "expected " + page
                            + " in the TLB (a hit), actual: not cached (a miss)");
                case "miss":
                    return index < 0 ? held("miss") : failed("miss", "hit", "expected " + page
                            + " not in the TLB (a miss), actual: cached in set " + s.machine().tlb().entry(index).set()
                            + " way " + s.machine().tlb().entry(index).way());
                default: {
                    if (index < 0) {
                        return failed(e.word, "miss", "expected a " + e.word + " TLB entry for " + page + ", actual: not cached");
                    }
                    TlbEntry entry = s.machine().tlb().entry(index);
                    String why = Words.staleness(s.machine().staleness(entry.set(), entry.way()));
                    String actual = why != null ? "stale" : "fresh";
                    if (actual.equals(e.word)) {
                        return held(actual);
                    }
                    return failed(e.word, actual, e.word.equals("stale")
                            ? "expected the TLB entry for " + page + " to be stale, actual: it agrees with memory"
                            : "expected the TLB entry for " + page + " to agree with memory, actual: stale: " + why);
                }
            }
        }
    },
    LAST("last", "expect last hit|miss|fault") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            Token k = line.word("hit, miss or fault");
            line.end("usage: ", usage());
            if (!k.is("hit") && !k.is("miss") && !k.is("fault")) {
                throw line.error(k, "expect last hit, miss or fault, not " + org.pagewalk.text.Printable.quote(k.text));
            }
            return new Expect(line, column, this, new Expr[0], 0, Chars.lower(k.text), null, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            AccessResult r = s.lastAccess();
            if (r == null) {
                return failed(e.word, "none", "expected the last access to be a " + e.word + ", actual: no access yet");
            }
            String actual = r.isFault() ? "fault" : r.hit() ? "hit" : "miss";
            return actual.equals(e.word) ? held(actual)
                    : failed(e.word, actual, "expected the last access to be a " + e.word + ", actual: a " + actual);
        }
    },
    FRAME("frame", "expect frame PHYSICAL used|free") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            Expr address = p.expr(line, "the frame's physical address");
            Token state = line.word("used or free");
            line.end("usage: ", usage());
            if (!state.is("used") && !state.is("free")) {
                throw line.error(state, "a frame is 'used' or 'free' in the bitmap, not " + org.pagewalk.text.Printable.quote(state.text));
            }
            return new Expect(line, column, this, new Expr[] {address}, 0, Chars.lower(state.text), null, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            if (s.os() == null) {
                throw new ScenarioError(e.line(), e.at, "the frame bitmap belongs to CeanOS: 'boot ceanos' first");
            }
            int p = e.values[0].eval(s, e.line());
            boolean used = GuestGlobals.bitmapBit(s.machine(), p >>> 12);
            boolean want = e.word.equals("used");
            String actual = used ? "used" : "free";
            return used == want ? held(actual) : failed(e.word, actual, "expected frame " + Hex.hex32(p & ~0xFFF) + " "
                    + e.word + " in the bitmap, actual: " + actual);
        }
    },
    REFUSED("refused", "expect refused [\"part of the message\"]") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            String text = !line.atEnd() ? line.rest() : null;
            line.end("usage: ", usage());
            return new Expect(line, column, this, new Expr[0], 0, null, text, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            CallResult r = s.lastCall();
            String expected = e.text != null ? "refused: " + e.text : "refused";
            if (r == null) {
                return failed(expected, "no call", "expected the last CeanOS call to be refused, actual: no call yet");
            }
            if (r.ok()) {
                return failed(expected, "ok", "expected " + r.function() + " to be refused, actual: it succeeded");
            }
            if (e.text != null && !r.error().contains(e.text)) {
                return failed(expected, "refused: " + r.error(), "expected the refusal to mention \"" + e.text
                        + "\", actual: " + r.error());
            }
            return held(expected, "refused: " + r.error());
        }
    },
    OK("ok", "expect ok") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token what) {
            line.end("usage: ", usage());
            return new Expect(line, column, this, new Expr[0], 0, null, null, what.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            CallResult r = s.lastCall();
            if (r == null) {
                return failed("ok", "no call", "expected the last CeanOS call to be ok, actual: no call yet");
            }
            return r.ok() ? held("ok") : failed("ok", "refused: " + r.error(), "expected " + r.function()
                    + " to succeed, actual: " + r.error());
        }
    },
    /** {@code expect NAME = VALUE}: a control register, result, a CeanOS global or a variable. */
    NAMED("", "expect NAME = VALUE") {
        @Override
        Expect parse(ScenarioParser p, Line line, int column, Token name) {
            line.expectEquals("after " + name.text + " (" + ExpectKind.usageOfAll() + ")");
            Expr expected = p.expr(line, "the value expected");
            line.end("usage: ", usage());
            if (NamedValue.of(name.text) == null && !p.isKnownName(name.text)) {
                throw line.error(name, "cannot expect " + org.pagewalk.text.Printable.quote(name.text) + ": " + ExpectKind.usageOfAll());
            }
            return new Expect(line, column, this, new Expr[] {expected}, 0, name.text, null, name.column);
        }

        @Override
        ExpectOutcome check(Expect e, Session s) {
            int want = e.values[0].eval(s, e.line());
            NamedValue known = NamedValue.of(e.word);
            if (known == NamedValue.RESULT && (s.lastCall() == null || !s.lastCall().returnsValue())) {
                return failed(Hex.hex32(want), "no value", "expected result = " + Hex.hex32(want)
                        + ", actual: the last call returned no value");
            }
            Integer actual = known != null ? known.read(s) : null;
            if (actual == null && known != NamedValue.RESULT) {
                actual = s.lookup(e.word);
            }
            if (actual == null) {
                throw new ScenarioError(e.line(), e.at, org.pagewalk.text.Printable.quote(e.word) + " has no value here (" + s.whyUnavailable(e.word) + ")");
            }
            return compare(e.word, want, actual);
        }
    };

    private final String keyword;
    private final String usage;

    ExpectKind(String keyword, String usage) {
        this.keyword = keyword;
        this.usage = usage;
    }

    /** The word after {@code expect}; empty for NAME = VALUE. */
    public String keyword() {
        return keyword;
    }

    public String usage() {
        return usage;
    }

    /** Parses the operands after the kind word ({@code what}; for NAMED, the name). */
    abstract Expect parse(ScenarioParser p, Line line, int column, Token what);

    /** What the check came to; throws ScenarioError when it cannot be judged (an operand out of range). */
    abstract ExpectOutcome check(Expect e, Session s);

    ExpectOutcome held(String value) {
        return ExpectOutcome.held(this, value, value);
    }

    ExpectOutcome held(String expected, String actual) {
        return ExpectOutcome.held(this, expected, actual);
    }

    ExpectOutcome failed(String expected, String actual, String sentence) {
        return ExpectOutcome.failed(this, expected, actual, sentence);
    }

    /** A fault as an expect's value: "fault" and its error code. */
    static String fault(AccessResult r) {
        return "fault " + Hex.hex(r.fault().errorCode(), 1);
    }

    static ExpectKind byKeyword(String word) {
        for (ExpectKind k : values()) {
            if (k != NAMED && k.keyword.equals(word)) {
                return k;
            }
        }
        return null;
    }

    /** "expect physical|fault|... ..., or expect NAME = VALUE with NAME one of ...": what a bad expect line quotes. */
    static String usageOfAll() {
        StringBuilder sb = new StringBuilder("expect ");
        for (ExpectKind k : values()) {
            if (k != NAMED) {
                sb.append(k == PHYSICAL ? "" : "|").append(k.keyword);
            }
        }
        return sb.append(" ..., or expect NAME = VALUE with NAME one of ").append(NamedValue.list()).append(" or a variable")
                .toString();
    }

    /** The {@code WHERE = VALUE [mask MASK]} kinds. */
    Expect addressValueMask(ScenarioParser p, Line line, int column, Token what, String where) {
        return new Expect(line, column, this, p.addressValueMask(line, where, usage()), 0, null, null, what.column);
    }

    ExpectOutcome masked(Expect e, Session s, String label, int actual) {
        Expr mask = e.value(2);
        int m = mask == null ? -1 : mask.eval(s, e.line());
        return compare(label, e.values[1].eval(s, e.line()) & m, actual & m);
    }

    ExpectOutcome compare(String label, int expected, int actual) {
        return expected == actual ? held(Hex.hex32(expected)) : failed(Hex.hex32(expected), Hex.hex32(actual),
                "expected " + label + " = " + Hex.hex32(expected) + ", actual " + Hex.hex32(actual));
    }

    private static int readWord(Session s, int linear) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            AccessResult r = s.machine().preview(linear + i, Access.KERNEL_READ);
            value |= (r.isFault() ? 0 : s.machine().readPhysical8(r.physical())) << (i * 8);
        }
        return value;
    }
}
