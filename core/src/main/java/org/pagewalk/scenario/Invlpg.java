package org.pagewalk.scenario;

/** {@code invlpg ADDRESS}: the TLB forgets the page of ADDRESS. */
public final class Invlpg extends Command {
    final Expr address;

    Invlpg(int line, int column, String source, Expr address) {
        super(line, column, source);
        this.address = address;
    }

    @Override
    public String command() {
        return "invlpg";
    }

    @Override
    public String toLine() {
        return "invlpg " + address;
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
