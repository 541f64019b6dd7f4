package org.pagewalk.scenario;

import org.pagewalk.guest.GuestFunction;

/**
 * A call of a CeanOS function ({@link GuestFunction}), its result optionally assigned:
 * {@code memMapPage 0x08048000 0x00300000 WRITE}, {@code frame = pmmAllocPageFrame}. The page's
 * Kernel form builds one directly ({@link #of}).
 */
public final class GuestCall extends Command {
    final GuestFunction function;
    final Expr[] args;
    /** memMapPage's {@code remap} word. */
    final boolean remap;
    /** The variable that takes the result, or {@code null}. */
    final String assignTo;

    GuestCall(int line, int column, String source, GuestFunction function, Expr[] args, boolean remap, String assignTo) {
        super(line, column, source);
        this.function = function;
        this.args = args.clone();
        this.remap = remap;
        this.assignTo = assignTo;
    }

    /**
     * A call with argument values (a form's): FLAGS arguments are written as flag names. Throws
     * IllegalArgumentException when the count is not the function's.
     */
    public static GuestCall of(GuestFunction function, boolean remap, int... values) {
        if (values.length != function.arity()) {
            throw new IllegalArgumentException(function.functionName() + " takes " + function.arity() + " arguments, not "
                    + values.length + " (" + function.usage() + ")");
        }
        Expr[] args = new Expr[values.length];
        for (int i = 0; i < values.length; i++) {
            args[i] = function.arg(i).kind() == GuestFunction.Arg.Kind.FLAGS
                    ? Expr.literal(values[i], org.pagewalk.guest.PageFlags.format(values[i])) : Expr.literal(values[i]);
        }
        return new GuestCall(1, 1, null, function, args, remap && function.takesRemap(), null);
    }

    public GuestFunction function() {
        return function;
    }

    @Override
    public String command() {
        return function.functionName();
    }

    @Override
    public String toLine() {
        StringBuilder sb = new StringBuilder();
        if (assignTo != null) {
            sb.append(assignTo).append(" = ");
        }
        sb.append(function.functionName());
        for (Expr a : args) {
            sb.append(' ').append(a);
        }
        return sb.append(remap ? " remap" : "").toString();
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
