package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code poke PHYSICAL VALUE...} and {@code poke8}: words or bytes written straight into physical memory. */
public final class Poke extends Command {
    /** poke8: bytes instead of words. */
    final boolean bytes;
    final Expr address;
    final List<Expr> values;

    Poke(int line, int column, String source, boolean bytes, Expr address, List<Expr> values) {
        super(line, column, source);
        this.bytes = bytes;
        this.address = address;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    @Override
    public String command() {
        return bytes ? "poke8" : "poke";
    }

    @Override
    public String toLine() {
        return (bytes ? "poke8 " : "poke ") + address + joined();
    }

    private String joined() {
        StringBuilder sb = new StringBuilder();
        for (Expr e : values) {
            sb.append(' ').append(e);
        }
        return sb.toString();
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
