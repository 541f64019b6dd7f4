package org.pagewalk.scenario;

/** {@code restore NAME}: back to a checkpoint. */
public final class Restore extends Command {
    final String name;
    /** Where the name is written, for the error when no checkpoint has it. */
    final int nameColumn;

    Restore(int line, int column, String source, String name, int nameColumn) {
        super(line, column, source);
        this.name = name;
        this.nameColumn = nameColumn;
    }

    @Override
    public String command() {
        return "restore";
    }

    @Override
    public String toLine() {
        return "restore " + name;
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
