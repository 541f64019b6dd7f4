package org.pagewalk.scenario;

import org.pagewalk.guest.GuestConfig;

/** {@code attach ceanos [variant=...] [defects=...]}: CeanOS on the machine as it is. */
public final class Attach extends Command {
    final GuestConfig guest;

    Attach(int line, int column, String source, GuestConfig guest) {
        super(line, column, source);
        this.guest = guest;
    }

    @Override
    public String command() {
        return "attach";
    }

    @Override
    public String toLine() {
        return "attach ceanos" + Boot.guestOptions(guest);
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
