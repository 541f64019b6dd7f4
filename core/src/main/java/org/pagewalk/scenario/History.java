package org.pagewalk.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Undo and redo for the page: every action is a scenario line run against the session, and the
 * history keeps the session state before each one (machine snapshots are copy-on-write, so this
 * is cheap) together with the line, so the lines since the last boot also make a share link.
 */
public final class History {
    private static final int LIMIT = 500;

    private final List<Session.State> undoStates = new ArrayList<>();
    private final List<String> undoLines = new ArrayList<>();
    private final List<Session.State> redoStates = new ArrayList<>();
    private final List<String> redoLines = new ArrayList<>();
    private int recorded;

    /**
     * Runs {@code line} with undo: if it changes the machine, it can be undone. A line that
     * fails changes nothing and is not recorded.
     */
    public StepResult run(Session session, String line) {
        Session.State before = session.save();
        StepResult r = Interpreter.runLine(session, line);
        if (r.status() == StepResult.Status.OK && !line.trim().isEmpty() && !line.trim().startsWith("expect")
                && !line.trim().startsWith("#")) {
            undoStates.add(before);
            undoLines.add(line.trim());
            recorded++;
            if (undoStates.size() > LIMIT) {
                undoStates.remove(0);
                undoLines.remove(0);
            }
            redoStates.clear();
            redoLines.clear();
        }
        return r;
    }

    public boolean canUndo() {
        return !undoStates.isEmpty();
    }

    public boolean canRedo() {
        return !redoStates.isEmpty();
    }

    /** Returns the line undone, or {@code null} if there is nothing to undo. */
    public String undo(Session session) {
        if (undoStates.isEmpty()) {
            return null;
        }
        int last = undoStates.size() - 1;
        redoStates.add(session.save());
        String line = undoLines.remove(last);
        redoLines.add(line);
        session.load(undoStates.remove(last));
        return line;
    }

    /** Returns the line redone, or {@code null} if there is nothing to redo. */
    public String redo(Session session) {
        if (redoStates.isEmpty()) {
            return null;
        }
        int last = redoStates.size() - 1;
        undoStates.add(session.save());
        String line = redoLines.remove(last);
        undoLines.add(line);
        session.load(redoStates.remove(last));
        return line;
    }

    public void clear() {
        undoStates.clear();
        undoLines.clear();
        redoStates.clear();
        redoLines.clear();
    }

    /** The lines that rebuild the session: from the last boot line on (a share link's payload). */
    public List<String> linesSinceBoot() {
        int from = 0;
        for (int i = undoLines.size() - 1; i >= 0; i--) {
            if (undoLines.get(i).startsWith("boot ")) {
                from = i;
                break;
            }
        }
        return new ArrayList<>(undoLines.subList(from, undoLines.size()));
    }

    /** How many actions were ever recorded (grows by one each time {@link #run} keeps a line for undo). */
    public int recorded() {
        return recorded;
    }

    public int size() {
        return undoLines.size();
    }
}
