package org.pagewalk.scenario;

/** {@code peek PHYSICAL [COUNT]}: words of physical memory. */
public final class Peek extends Command {
    final Expr address;
    /** How many words, or {@code null} for one. */
    final Expr count;

    Peek(int line, int column, String source, Expr address, Expr count) {
        super(line, column, source);
        this.address = address;
        this.count = count;
    }

    @Override
    public String command() {
        return "peek";
    }

    @Override
    public String toLine() {
        return "peek " + address + (count == null ? "" : " " + count);
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
