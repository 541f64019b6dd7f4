package org.pagewalk.scenario;

/**
 * {@code tlb-load set=S way=W linear=ADDR frame=ADDR [4M] [user] [write] [dirty] [global]}: puts
 * an entry straight into the TLB (how a saved machine brings back stale entries).
 */
public final class TlbLoad extends Command {
    final Expr set;
    final Expr way;
    final Expr linear;
    final Expr frame;
    final boolean large;
    /** EntryBits.USER and EntryBits.WRITE. */
    final int rights;
    final boolean dirty;
    final boolean global;

    TlbLoad(int line, int column, String source, Expr[] v, boolean large, int rights, boolean dirty, boolean global) {
        super(line, column, source);
        this.set = v[0];
        this.way = v[1];
        this.linear = v[2];
        this.frame = v[3];
        this.large = large;
        this.rights = rights;
        this.dirty = dirty;
        this.global = global;
    }

    @Override
    public String command() {
        return "tlb-load";
    }

    @Override
    public String toLine() {
        return "tlb-load set=" + set + " way=" + way + " linear=" + linear + " frame=" + frame + (large ? " 4M" : "")
                + ((rights & org.pagewalk.machine.EntryBits.USER) != 0 ? " user" : "")
                + ((rights & org.pagewalk.machine.EntryBits.WRITE) != 0 ? " write" : "")
                + (dirty ? " dirty" : "") + (global ? " global" : "");
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
