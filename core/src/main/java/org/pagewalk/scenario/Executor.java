package org.pagewalk.scenario;

import org.pagewalk.explain.Words;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.machine.Access;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.Translation;
import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;

/**
 * Runs commands against a session: one method per command type, each returning what to report
 * (a {@link Report}, put into words only when someone reads it)
 * and throwing {@link ScenarioError} (or IllegalArgumentException from the machine) when the
 * line cannot run. Undoing a line that failed half-way is the {@link Interpreter}'s job.
 */
final class Executor {
    static final Executor INSTANCE = new Executor();

    private Executor() {
    }

    /** Runs {@code c}; returns the report. */
    Report execute(Command c, Session s) {
        return c.runOn(this, s);
    }

    Report run(Boot c, Session s) {
        Machine m = new Machine(c.config);
        if (c.guest != null) {
            s.bootCeanOs(m, c.guest);
            return Report.of("CeanOS (" + c.guest + ") booted on " + c.config + ": CR3 = " + Hex.hex32(m.cr().cr3()));
        }
        s.bootBare(m);
        return Report.of("bare machine: " + c.config + ", paging off");
    }

    Report run(Attach c, Session s) {
        s.attach(c.guest);
        return Report.of("CeanOS (" + c.guest + ") attached to the machine as it is");
    }

    Report run(Note c, Session s) {
        return Report.of(c.text);
    }

    Report run(Pause c, Session s) {
        return Report.of("");
    }

    Report run(Assign c, Session s) {
        int v = c.value.eval(s, c.line());
        s.set(c.name, v);
        return Report.of(c.name + " = " + Hex.hex32(v));
    }

    Report run(Invlpg c, Session s) {
        int v = c.address.eval(s, c.line());
        int n = s.machine().invlpg(v);
        return Report.of("INVLPG " + Hex.hex32(v) + ": " + n + " TLB " + (n == 1 ? "entry" : "entries") + " removed");
    }

    Report run(Checkpoint c, Session s) {
        s.checkpoint(c.name);
        return Report.of("checkpoint " + org.pagewalk.text.Printable.quote(c.name) + " saved");
    }

    Report run(Restore c, Session s) {
        Session.State st = s.checkpointNamed(c.name);
        if (st == null) {
            throw new ScenarioError(c.line(), c.nameColumn, "no checkpoint named " + org.pagewalk.text.Printable.quote(c.name) + " has been saved yet");
        }
        s.load(st);
        return Report.of("back at checkpoint " + org.pagewalk.text.Printable.quote(c.name));
    }

    Report run(GuestCall c, Session s) {
        CeanOs os = s.os();
        String fn = c.function.functionName();
        if (os == null) {
            throw new ScenarioError(c.line(), c.column(), fn + " needs the CeanOS kernel: 'boot ceanos' (or 'attach ceanos') first");
        }
        int[] v = new int[c.args.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.args[i].eval(s, c.line());
        }
        CallResult r = c.function.invoke(os, v, c.remap);
        s.called(r);
        if (!r.ok()) {
            return Report.of(r.error());
        }
        if (c.assignTo != null) {
            s.set(c.assignTo, r.value());
        }
        return () -> r.returnsValue() ? fn + " returned " + Hex.hex32(r.value()) + (c.assignTo != null ? " -> " + c.assignTo : "")
                : fn + " done";
    }

    Report run(MemoryAccess c, Session s) {
        Machine m = s.machine();
        int linear = c.address.eval(s, c.line());
        int value = c.value == null ? 0 : c.value.eval(s, c.line());
        if (!c.op.equals("translate")) {
            if (c.bite && c.value != null) {
                Ranges.byteValue(value, c.value, c.line(), "the value of write ... byte");
            }
            if (!c.bite) {
                Ranges.within4GiB(linear, 4, c.address, c.line(), "linear", c.op.equals("read") ? "a 4-byte read" : "a 4-byte write");
            }
        }
        AccessResult r = c.op.equals("translate") ? m.translateAccess(linear, c.access)
                : m.access(linear, c.access, value, c.bite ? 1 : 4);
        s.accessed(r);
        return () -> describe(c, linear, value, r);
    }

    private static String describe(MemoryAccess c, int linear, int value, AccessResult r) {
        if (r.isFault()) {
            PageFault f = r.fault();
            return Words.access(c.access) + " of " + Hex.hex32(linear) + ": page fault, error code " + Hex.hex(f.errorCode(), 1)
                    + " (" + Words.errorCode(f.errorCode()) + "), CR2 = " + Hex.hex32(f.linear()) + ": " + Words.reason(f);
        }
        Translation t = r.translation();
        String where = Hex.hex32(linear) + " -> physical " + Hex.hex32(r.physical()) + " ("
                + (r.hit() ? "TLB hit" : "TLB miss, walked") + ")";
        String as = Access.isUser(c.access) ? "user " : "kernel ";
        switch (c.op) {
            case "read":
                return as + "read " + where + " = " + (c.bite ? Hex.hex(r.value(), 2) : Hex.hex32(r.value()));
            case "write":
                return as + "wrote " + (c.bite ? Hex.hex(value & 0xFF, 2) : Hex.hex32(value)) + " at " + where;
            default:
                return as + (Access.isWrite(c.access) ? "write " : "read ") + "translate " + where
                        + (t.isLargePage() ? ", 4 MiB page" : ", 4 KiB page");
        }
    }

    Report run(Mov c, Session s) {
        int v = c.value.eval(s, c.line());
        Machine m = s.machine();
        int removed;
        int held;
        switch (c.register) {
            case "cr0":
                removed = m.cr().writeCr0(v);
                held = m.cr().cr0();
                break;
            case "cr2":
                removed = m.cr().writeCr2(v);
                held = m.cr().cr2();
                break;
            case "cr3":
                removed = m.cr().writeCr3(v);
                held = m.cr().cr3();
                break;
            default:
                removed = m.cr().writeCr4(v);
                held = m.cr().cr4();
                break;
        }
        // The value the register holds, not the operand: CR0.ET reads 1 whatever was written.
        return Report.of(Chars.upper(c.register) + " = " + Hex.hex32(held) + (removed > 0 ? "; " + removed + " TLB "
                + (removed == 1 ? "entry" : "entries") + " flushed" : ""));
    }

    Report run(Poke c, Session s) {
        int start = c.address.eval(s, c.line());
        int n = c.values.size();
        int unit = c.bytes ? 1 : 4;
        Ranges.within4GiB(start, n * unit, c.address, c.line(), "physical",
                (c.bytes ? "poke8 of " + n + (n == 1 ? " byte" : " bytes") : "poke of " + n + (n == 1 ? " word" : " words")));
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            Expr e = c.values.get(i);
            v[i] = e.eval(s, c.line());
            if (c.bytes) {
                Ranges.byteValue(v[i], e, c.line(), "each value of poke8");
            }
        }
        Machine m = s.machine();
        for (int i = 0; i < n; i++) {
            if (c.bytes) {
                m.writePhysical8(start + i, v[i]);
            } else {
                m.writePhysical32(start + i * 4, v[i]);
            }
        }
        return Report.of("wrote " + n + (c.bytes ? " byte" : " word") + (n == 1 ? "" : "s") + " at physical " + Hex.hex32(start));
    }

    Report run(Peek c, Session s) {
        int at = c.address.eval(s, c.line());
        int n = c.count == null ? 1 : c.count.eval(s, c.line());
        if (n < 1 || n > 1024) {
            throw new ScenarioError(c.line(), c.count.column(), "peek shows 1 to 1024 words, not " + Integer.toUnsignedString(n));
        }
        Ranges.within4GiB(at, n * 4, c.address, c.line(), "physical", "peek of " + n + (n == 1 ? " word" : " words"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                sb.append(i == 0 ? "" : "\n").append(Hex.hex32(at + i * 4)).append(':');
            }
            sb.append(' ').append(Hex.hex32(s.machine().readPhysical32(at + i * 4)));
        }
        return Report.of(sb.toString());
    }

    Report run(TlbLoad c, Session s) {
        int set = c.set.eval(s, c.line());
        int way = c.way.eval(s, c.line());
        s.machine().tlb().load(set, way, c.linear.eval(s, c.line()), c.large, c.frame.eval(s, c.line()), c.rights, c.dirty,
                c.global);
        return Report.of("TLB set " + set + " way " + way + " loaded");
    }
}
