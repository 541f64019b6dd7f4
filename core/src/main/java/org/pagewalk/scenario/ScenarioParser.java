package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.guest.GuestFunction;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.EntryBits;
import org.pagewalk.text.Chars;

/**
 * Turns scenario text into {@link Command}s, checking every line before anything runs; nothing
 * here runs anything (that is the {@link Executor}'s). The grammar is in docs/SCENARIOS.md; each
 * command's usage string below is what an error about it quotes. CeanOS functions come from the
 * {@link GuestFunction} table, {@code expect} kinds from the {@link ExpectKind} table.
 */
final class ScenarioParser {
    static final String COMMANDS = "boot, attach, read, write, translate, mov, invlpg, poke, poke8, peek, tlb-load, "
            + "checkpoint, restore, note, pause, title, about, expect, or a CeanOS function (" + GuestFunction.names(false) + ")";

    private final Names names = new Names();
    /** The current line's tokens: one list for every line this parser reads (no command keeps its Line). */
    private final List<Token> tokens = new ArrayList<>();
    private String title = "";
    private final StringBuilder about = new StringBuilder();

    Scenario parse(String text) {
        if (text == null) {
            throw new ScenarioError(1, 1, "no scenario text");
        }
        List<Command> commands = new ArrayList<>();
        // Lines are cut as they are parsed, all read from one array of the text's characters: no array
        // of every line first (a share link has 10,000).
        char[] chars = text.toCharArray();
        int from = 0;
        for (int number = 1; ; number++) {
            int end = from;
            while (end < chars.length && chars[end] != '\n') {
                end++;
            }
            Command c = next(number, text.substring(from, end), chars, from);
            if (c != null) {
                commands.add(c);
            }
            if (end == chars.length) {
                break;
            }
            from = end + 1;
        }
        return new Scenario(title, about.toString(), commands, text);
    }

    /**
     * The next line of a scenario read line by line ({@link ScenarioStream}): its command, or
     * {@code null} for a blank, comment, {@code title} or {@code about} line. Names defined by
     * earlier lines fed to this parser count as defined.
     */
    Command next(int lineNumber, String text) {
        return next(new Line(lineNumber, text, tokens));
    }

    /** As {@link #next(int, String)}, the line's characters read from {@code chars} at {@code offset} ({@link Line}). */
    Command next(int lineNumber, String text, char[] chars, int offset) {
        return next(new Line(lineNumber, text, chars, offset, tokens));
    }

    private Command next(Line line) {
        return line.isBlank() ? null : parseLine(line);
    }

    String title() {
        return title;
    }

    String about() {
        return about.toString();
    }

    /** One line on its own (the page's console): variables known to the session count as defined. */
    static Command parseOne(String text, int lineNumber, Session session) {
        ScenarioParser p = new ScenarioParser();
        for (String v : session.variables().keySet()) {
            p.names.define(v);
        }
        return p.next(lineNumber, text);
    }

    private Command parseLine(Line line) {
        Token first = line.peek();
        if (first.kind != Token.Kind.WORD) {
            throw line.error(first, "a line starts with a command, found " + first + "; commands are " + COMMANDS);
        }
        // NAME = function ...   or   NAME = value
        if (line.peek(1).kind == Token.Kind.EQUALS) {
            return assignment(line);
        }
        String cmd = line.next().text;
        int at = first.column;
        switch (cmd) {
            case "title":
                title = line.rest();
                return null;
            case "about":
                about.append(about.length() == 0 ? "" : " ").append(line.rest());
                return null;
            case "note":
                return new Note(line.number, at, line.text, line.rest());
            case "pause":
                line.end("'pause' takes nothing");
                return new Pause(line.number, at, line.text);
            case "boot":
                names.forgetVariables();
                return BootParser.boot(line, at);
            case "attach":
                return BootParser.attach(line, at);
            // The word as a constant: access compares it, and a string compared with itself is
            // equal at once (the token's text was compared character by character, five times a
            // line, a sixtieth of a WebAssembly share link).
            case "read":
                return access(line, at, "read");
            case "write":
                return access(line, at, "write");
            case "translate":
                return access(line, at, "translate");
            case "mov":
                return mov(line, at);
            case "invlpg": {
                Expr a = expr(line, "the linear address to invalidate");
                line.end("usage: invlpg ADDRESS");
                return new Invlpg(line.number, at, line.text, a);
            }
            case "poke":
            case "poke8":
                return poke(line, at, cmd.equals("poke8"));
            case "peek": {
                Expr address = expr(line, "the physical address");
                Expr count = line.atEnd() ? null : expr(line, "how many words");
                line.end("usage: peek PHYSICAL [COUNT]");
                return new Peek(line.number, at, line.text, address, count);
            }
            case "tlb-load":
                return tlbLoad(line, at);
            case "checkpoint":
            case "restore": {
                Token name = line.word("a checkpoint name");
                line.end("usage: " + cmd + " NAME");
                return cmd.equals("checkpoint") ? new Checkpoint(line.number, at, line.text, name.text)
                        : new Restore(line.number, at, line.text, name.text, name.column);
            }
            case "expect":
                return expect(line, at);
            default:
                GuestFunction fn = GuestFunction.byName(cmd);
                if (fn != null) {
                    return guestCall(line, first, fn, null);
                }
                throw line.error(first, "unknown command " + org.pagewalk.text.Printable.quote(cmd) + "; commands are " + COMMANDS);
        }
    }

    private Command assignment(Line line) {
        Token name = line.next();
        line.next(); // =
        if (Names.isReserved(name.text)) {
            throw line.error(name, org.pagewalk.text.Printable.quote(name.text) + " is a built-in name and cannot be assigned");
        }
        if (!org.pagewalk.text.Split.isIdentifier(name.text)) {
            throw line.error(name, "a variable name is letters, digits and _, starting with a letter: " + org.pagewalk.text.Printable.quote(name.text) + " is not");
        }
        Token fnToken = line.peek();
        GuestFunction fn = fnToken.kind == Token.Kind.WORD ? GuestFunction.byName(fnToken.text) : null;
        if (fn != null) {
            if (!fn.returnsValue()) {
                throw line.error(fnToken, fn.functionName() + " returns nothing to assign; functions with a result are "
                        + GuestFunction.names(true));
            }
            line.next();
            Command c = guestCall(line, fnToken, fn, name.text);
            names.define(name.text);
            return c;
        }
        Expr value = expr(line, "a value for ", name.text);
        line.end("usage: NAME = VALUE, or NAME = FUNCTION ARGS");
        names.define(name.text);
        return new Assign(line.number, name.column, line.text, name.text, value);
    }

    Expr expr(Line line, String what) {
        return expr(line, what, "");
    }

    /** As {@link #expr(Line, String)}, the description {@code what + detail} joined only for the error. */
    Expr expr(Line line, String what, String detail) {
        Token t = line.peek();
        if (t.kind == Token.Kind.END) {
            throw line.error(t, "missing " + what + detail);
        }
        line.next();
        return Expr.parse(line, t, names);
    }

    /** Whether {@code name} means something here: a constant, a flag, or a variable set on an earlier line. */
    boolean isKnownName(String name) {
        return names.isKnown(name);
    }

    /** {@code ADDRESS = VALUE [mask MASK]}: three operands, the mask null when absent. */
    Expr[] addressValueMask(Line line, String address, String usage) {
        Expr where = expr(line, address);
        line.expectEquals("and the value expected");
        Expr expected = expr(line, "the value expected");
        Expr mask = line.accept("mask") ? expr(line, "the mask") : null;
        line.end("usage: ", usage);
        return new Expr[] {where, expected, mask};
    }

    private Command guestCall(Line line, Token at, GuestFunction fn, String assignTo) {
        Expr[] args = new Expr[fn.arity()];
        for (int i = 0; i < args.length; i++) {
            if (line.atEnd()) {
                throw line.error("missing argument " + (i + 1) + " of " + fn.functionName() + " (" + fn.usage() + ")");
            }
            args[i] = expr(line, "");
        }
        boolean remap = fn.takesRemap() && line.accept("remap");
        line.end(fn.usage());
        return new GuestCall(line.number, at.column, line.text, fn, args, remap, assignTo);
    }

    // ---- accesses and CPU ---------------------------------------------------------------------

    static int privilege(Line line) {
        if (line.accept("user")) {
            return Access.USER;
        }
        line.accept("kernel");
        return 0;
    }

    /** An optional {@code read} or {@code write} word, added to {@code access}. */
    static int readOrWrite(Line line, int access) {
        if (line.accept("write")) {
            return access | Access.WRITE;
        }
        line.accept("read");
        return access;
    }

    private Command access(Line line, int at, String cmd) {
        boolean translate = cmd.equals("translate");
        boolean write = cmd.equals("write");
        int access = privilege(line);
        if (translate) {
            access = readOrWrite(line, access);
        }
        if (write) {
            access |= Access.WRITE;
        }
        Expr address = expr(line, "the linear address to ", cmd);
        Expr value = write ? expr(line, "the value to write") : null;
        boolean bite = !translate && line.accept("byte");
        line.end(translate ? "usage: translate [kernel|user] [read|write] ADDRESS"
                : write ? "usage: write [kernel|user] ADDRESS VALUE [byte]" : "usage: read [kernel|user] ADDRESS [byte]");
        return new MemoryAccess(line.number, at, line.text, cmd, access, address, value, bite);
    }

    private Command mov(Line line, int at) {
        Token reg = line.word("a control register: cr0, cr2, cr3 or cr4");
        String r = Chars.lower(reg.text);
        if (r.endsWith(",")) {
            r = r.substring(0, r.length() - 1);
        } else if (line.peek().text.equals(",")) {
            line.next();
        }
        if (!r.equals("cr0") && !r.equals("cr2") && !r.equals("cr3") && !r.equals("cr4")) {
            throw line.error(reg, "mov writes a control register: cr0, cr2, cr3 or cr4, found " + org.pagewalk.text.Printable.quote(reg.text));
        }
        Expr value = expr(line, "the value for ", r);
        line.end("usage: mov ", r + ", VALUE");
        return new Mov(line.number, at, line.text, r, value);
    }

    private Command poke(Line line, int at, boolean bytes) {
        Expr address = expr(line, "the physical address");
        List<Expr> values = new ArrayList<>();
        while (!line.atEnd()) {
            values.add(expr(line, "a value"));
        }
        if (values.isEmpty()) {
            throw line.error("missing the value to write: usage: " + (bytes ? "poke8" : "poke") + " PHYSICAL VALUE [VALUE...]");
        }
        return new Poke(line.number, at, line.text, bytes, address, values);
    }

    private Command tlbLoad(Line line, int at) {
        Expr[] v = new Expr[4];
        String[] keys = {"set", "way", "linear", "frame"};
        boolean large = false;
        int rights = 0;
        boolean dirty = false;
        boolean global = false;
        while (!line.atEnd()) {
            Token k = line.peek();
            if (k.kind == Token.Kind.NUMBER && Chars.equalsIgnoreCase("4M", k.text)) {
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
                throw line.error(k, "unknown tlb-load word " + org.pagewalk.text.Printable.quote(k.text) + "; usage: tlb-load set=S way=W linear=ADDR frame=ADDR [4M] [user] [write] [dirty] [global]");
            }
        }
        for (int i = 0; i < 4; i++) {
            if (v[i] == null) {
                throw line.error("tlb-load needs " + keys[i] + "=");
            }
        }
        return new TlbLoad(line.number, at, line.text, v, large, rights, dirty, global);
    }

    private Command expect(Line line, int at) {
        Token what = line.peek();
        if (what.kind != Token.Kind.WORD) {
            throw line.error(what, "expect what? " + ExpectKind.usageOfAll());
        }
        line.next();
        // "expect NAME = VALUE" wins over the keyword forms, so a variable may be called frame or last.
        ExpectKind kind = line.peek().kind == Token.Kind.EQUALS ? null : ExpectKind.byKeyword(what.text);
        return (kind != null ? kind : ExpectKind.NAMED).parse(this, line, at, what);
    }
}
