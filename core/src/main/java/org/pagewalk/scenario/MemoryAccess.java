package org.pagewalk.scenario;

import org.pagewalk.machine.Access;
import org.pagewalk.text.Hex;

/**
 * {@code read}, {@code write} or {@code translate} of a linear address, as the kernel or a user
 * program: the CPU's way through the TLB and the page walk. The page's Access form builds one
 * directly ({@link #read}, {@link #write}, {@link #translate}).
 */
public final class MemoryAccess extends Command {
    /** The command word: read, write or translate. */
    final String op;
    /** {@link Access} bits: USER and WRITE. */
    final int access;
    final Expr address;
    /** The value a write stores, else {@code null}. */
    final Expr value;
    /** One byte instead of a word (read and write). */
    final boolean bite;

    MemoryAccess(int line, int column, String source, String op, int access, Expr address, Expr value, boolean bite) {
        super(line, column, source);
        this.op = op;
        this.access = access;
        this.address = address;
        this.value = value;
        this.bite = bite;
    }

    /** A read of a word or a byte; {@code access} is {@link Access#USER} or 0. */
    public static MemoryAccess read(int access, int linear, boolean bite) {
        return new MemoryAccess(1, 1, null, "read", access & Access.USER, Expr.literal(linear), null, bite);
    }

    public static MemoryAccess write(int access, int linear, int value, boolean bite) {
        Expr v = bite ? Expr.literal(value & 0xFF, Hex.hex(value & 0xFF, 2)) : Expr.literal(value);
        return new MemoryAccess(1, 1, null, "write", (access & Access.USER) | Access.WRITE, Expr.literal(linear), v, bite);
    }

    /** A translation for a read or a write ({@code access} with or without {@link Access#WRITE}). */
    public static MemoryAccess translate(int access, int linear) {
        return new MemoryAccess(1, 1, null, "translate", access & (Access.USER | Access.WRITE), Expr.literal(linear), null, false);
    }

    @Override
    public String command() {
        return op;
    }

    @Override
    public String toLine() {
        StringBuilder sb = new StringBuilder(op).append(Access.isUser(access) ? " user" : " kernel");
        if (op.equals("translate")) {
            sb.append(Access.isWrite(access) ? " write" : " read");
        }
        sb.append(' ').append(address);
        if (value != null) {
            sb.append(' ').append(value);
        }
        return sb.append(bite ? " byte" : "").toString();
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
