package org.pagewalk.scenario;

/**
 * An {@code expect} line: a check of the session, of one {@link ExpectKind}, with the operands
 * that kind parsed. A check, not an action: it changes nothing, has no undo entry and is not in
 * the session log.
 */
public final class Expect extends Command {
    final ExpectKind kind;
    /** The operands in the kind's order (address, expected value, mask, ...); absent ones are null. */
    final Expr[] values;
    /** Access bits for the translation kinds. */
    final int access;
    /** A keyword operand (hit, miss, used, free, a register or variable name), else null. */
    final String word;
    /** A quoted operand (expect refused "..."), else null. */
    final String text;
    /** The column of the kind word (or the name), for errors found when the check runs. */
    final int at;
    private final String canonical;

    Expect(Line line, int column, ExpectKind kind, Expr[] values, int access, String word, String text, int at) {
        super(line.number, column, line.text);
        this.kind = kind;
        this.values = values;
        this.access = access;
        this.word = word;
        this.text = text;
        this.at = at;
        this.canonical = line.canonical();
    }

    Expr value(int i) {
        return i < values.length ? values[i] : null;
    }

    public ExpectKind kind() {
        return kind;
    }

    @Override
    public String command() {
        return "expect";
    }

    @Override
    public boolean isExpect() {
        return true;
    }

    @Override
    public boolean isRefusalCheck() {
        return kind == ExpectKind.REFUSED;
    }

    @Override
    public String toLine() {
        return canonical;
    }

    /** Checks are run by {@link #check}; as an action an expect line does nothing. */
    @Override
    Report runOn(Executor x, Session s) {
        return Report.of("");
    }

    /** Whether it holds, with the values compared. Throws ScenarioError when it cannot be judged. */
    ExpectOutcome check(Session s) {
        return kind.check(this, s);
    }
}
