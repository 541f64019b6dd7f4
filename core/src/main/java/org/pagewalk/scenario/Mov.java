package org.pagewalk.scenario;

/** {@code mov crN, VALUE}: a control register write, with the TLB flushes it implies. */
public final class Mov extends Command {
    /** cr0, cr2, cr3 or cr4. */
    final String register;
    final Expr value;

    Mov(int line, int column, String source, String register, Expr value) {
        super(line, column, source);
        this.register = register;
        this.value = value;
    }

    @Override
    public String command() {
        return "mov";
    }

    @Override
    public String toLine() {
        return "mov " + register + ", " + value;
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
