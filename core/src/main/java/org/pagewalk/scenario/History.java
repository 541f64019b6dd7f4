package org.pagewalk.scenario;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The page's one history: every action runs through here, and each one that changes the session
 * gets one undo entry holding the session state before it (machine snapshots are copy-on-write,
 * so this is cheap), the line, and {@code V}, whatever the page showed before it (its view
 * state, opaque here). That one saved state is also what the interpreter rolls a failing line
 * back to, so a line is saved once. Undo depth is bounded ({@link #DEPTH}); the
 * {@link SessionLog} of every action since the last boot is not.
 *
 * <p>(The machine's journal, {@code Machine.begin/commit/rollback}, is a different thing: it
 * makes one guest call atomic, however deep a refusal comes from. It is not undo.)
 *
 * @param <V> the page's view state, restored with the session by {@link #undo} and {@link #redo}
 */
public final class History<V> {
    /** How many actions can be undone. */
    public static final int DEPTH = 500;

    private static final class Entry<V> {
        final Session.State state;
        final V view;
        final String line;
        final boolean boot;
        /** The session log as it was before the action (undo puts it back). */
        final SessionLog.Mark log;

        Entry(Session.State state, V view, String line, boolean boot, SessionLog.Mark log) {
            this.state = state;
            this.view = view;
            this.line = line;
            this.boot = boot;
            this.log = log;
        }
    }

    // Deques: dropping the oldest of DEPTH entries must not shift the other 499 on every action.
    private final ArrayDeque<Entry<V>> undo = new ArrayDeque<>();
    private final ArrayDeque<Entry<V>> redo = new ArrayDeque<>();
    private final SessionLog log;

    public History() {
        this(SessionLog.LIMIT);
    }

    /** A history whose session log holds at most {@code logLimit} actions (tests use a small one). */
    History(int logLimit) {
        log = new SessionLog(logLimit);
    }

    /** Parses and runs one line (the console, the API, lessons); see {@link #run(Session, Command, Object)}. Never throws. */
    public StepResult run(Session session, String text, V view) {
        StepResult[] failed = new StepResult[1];
        Command c = Interpreter.parseLine(session, text, failed);
        if (c == null) {
            return failed[0];
        }
        return run(session, c, view);
    }

    /**
     * Runs {@code command} with undo: an action that runs gets an undo entry (with {@code view},
     * what the page showed before it) and goes into the session log; a line that fails changes
     * nothing and is not recorded; an expect line is a check, never recorded. Never throws.
     */
    public StepResult run(Session session, Command command, V view) {
        if (command.isExpect()) {
            return Interpreter.run(command, session, null, false);
        }
        if (!command.isBoot() && log.isFull()) {
            return new StepResult(command.line(), command.source(), StepResult.Status.ERROR,
                    log.fullMessage() + " (nothing changed)");
        }
        Session.State before = session.save();
        StepResult r = Interpreter.run(command, session, before, false);
        if (r.status() == StepResult.Status.OK) {
            String line = command.source().trim();
            push(undo, new Entry<>(before, view, line, command.isBoot(), log.mark()));
            log.record(line, command.isBoot());
            redo.clear();
        }
        return r;
    }

    /**
     * Runs the commands of a saved session (a restored autosave, a share link, an import) as one
     * batch: the session is saved once for the whole batch instead of once per action, because a
     * batch either runs whole or is dropped whole. Each command that runs goes into the session
     * log; none gets an undo entry (the restored session is where undo starts). Returns
     * {@code null} when every command ran, or the first failing result, with the session and the
     * log as they were before the batch. Expect lines are not actions and are skipped. Never throws.
     */
    public StepResult replay(Session session, List<Command> commands) {
        Session.State before = session.save();
        SessionLog.Mark start = log.mark();
        session.mute(true);
        try {
            for (Command c : commands) {
                if (c.isExpect()) {
                    continue;
                }
                StepResult r = !c.isBoot() && log.isFull()
                        ? new StepResult(c.line(), c.source(), StepResult.Status.ERROR, log.fullMessage())
                        : Interpreter.run(c, session, before, false);
                if (r.status() != StepResult.Status.OK) {
                    session.load(before);
                    log.reset(start);
                    return r;
                }
                log.record(c.source().trim(), c.isBoot());
            }
        } finally {
            session.mute(false);
        }
        redo.clear();
        return null;
    }

    private static <V> void push(ArrayDeque<Entry<V>> stack, Entry<V> e) {
        stack.addLast(e);
        if (stack.size() > DEPTH) {
            stack.removeFirst();
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /**
     * Undoes the last action: the session, the log and the view as they were before it. Takes
     * {@code shown}, what the page shows now (redo brings it back); returns the view to show, or
     * {@code null} when there is nothing to undo ({@link #canUndo()}).
     */
    public V undo(Session session, V shown) {
        if (undo.isEmpty()) {
            return null;
        }
        Entry<V> e = undo.removeLast();
        push(redo, new Entry<>(session.save(), shown, e.line, e.boot, null));
        session.load(e.state);
        log.reset(e.log);
        return e.view;
    }

    /** Redoes the last undone action; returns the view to show, or {@code null} when there is nothing to redo. */
    public V redo(Session session, V shown) {
        if (redo.isEmpty()) {
            return null;
        }
        Entry<V> e = redo.removeLast();
        push(undo, new Entry<>(session.save(), shown, e.line, e.boot, log.mark()));
        session.load(e.state);
        log.record(e.line, e.boot);
        return e.view;
    }

    /** Forgets undo and redo (a fresh start); the session log stays: it still rebuilds the machine. */
    public void clear() {
        undo.clear();
        redo.clear();
    }

    /** Every action since the last boot. */
    public SessionLog log() {
        return log;
    }

    /** How many actions can be undone now. */
    public int depth() {
        return undo.size();
    }
}
