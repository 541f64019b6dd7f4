package org.pagewalk.scenario;

/** {@code NAME = VALUE}: sets a variable. */
public final class Assign extends Command {
    final String name;
    final Expr value;

    Assign(int line, int column, String source, String name, Expr value) {
        super(line, column, source);
        this.name = name;
        this.value = value;
    }

    @Override
    public String command() {
        return "=";
    }

    @Override
    public String toLine() {
        return name + " = " + value;
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
