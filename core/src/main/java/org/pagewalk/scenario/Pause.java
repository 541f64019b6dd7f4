package org.pagewalk.scenario;

/** {@code pause}: the page stops playing here; running it does nothing. */
public final class Pause extends Command {
    Pause(int line, int column, String source) {
        super(line, column, source);
    }

    @Override
    public String command() {
        return "pause";
    }

    @Override
    public String toLine() {
        return "pause";
    }

    @Override
    public boolean isPause() {
        return true;
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
