package org.pagewalk.scenario;

/** {@code checkpoint NAME}: saves the session under a name. */
public final class Checkpoint extends Command {
    final String name;

    Checkpoint(int line, int column, String source, String name) {
        super(line, column, source);
        this.name = name;
    }

    @Override
    public String command() {
        return "checkpoint";
    }

    @Override
    public String toLine() {
        return "checkpoint " + name;
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
