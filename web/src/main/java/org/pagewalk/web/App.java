package org.pagewalk.web;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.inspect.WalkNarration;
import org.pagewalk.inspect.WalkStep;
import org.pagewalk.scenario.Command;
import org.pagewalk.scenario.History;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.trace.EventKind;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/**
 * The page's one machine and one current address. Every user action is a scenario command run
 * against the session through the one {@link History} (so undo, share links and the console are
 * the same thing): a typed line from the console or the API, or a {@link Command} a form built.
 * Views listen and redraw from the machine state and the trace of the last action. No paging
 * logic lives here: that is the core's.
 */
public final class App {
    /** What changed, as bits passed to listeners. */
    public static final int MACHINE = 1;
    public static final int SELECTION = 2;
    public static final int THEME = 4;
    public static final int LAYOUT = 8;
    public static final int ALL = MACHINE | SELECTION | THEME | LAYOUT;

    /** One user action: its line, its result, and the trace events it caused (numbers from and to). */
    public static final class Action {
        public final int id;
        public final String line;
        public final StepResult result;
        /** The first event's number in the recorder ({@link TraceRecorder#since}). */
        public final int from;
        /** One past the last event's number. */
        public final int to;

        Action(int id, String line, StepResult result, int from, int to) {
            this.id = id;
            this.line = line;
            this.result = result;
            this.from = from;
            this.to = to;
        }
    }

    /** A view or panel that follows the app. */
    public interface Listener {
        void changed(App app, int what);
    }

    private final TraceRecorder recorder = new TraceRecorder(50000);
    private final Session session = new Session(recorder);
    private final History<ViewState> history = new History<>();
    private final List<Listener> listeners = new ArrayList<>();
    private List<TraceEvent> lastEvents = new ArrayList<>();
    /** The last user walk in {@link #walkOf} (the walk view's steps), or none. */
    private List<WalkStep> lastWalk = new ArrayList<>();
    private List<TraceEvent> walkOf;
    /** The events the views were last told to show (by a flush or a catch-up). */
    private List<TraceEvent> shownEvents;
    /** The events of the last read, write or translate (what a lesson run to its end shows). */
    private List<TraceEvent> lastAccessEvents = new ArrayList<>();
    private StepResult lastResult;
    /** The last 1,000 actions; a deque, so dropping the oldest does not shift the rest on every action. */
    private final java.util.ArrayDeque<Action> actions = new java.util.ArrayDeque<>();

    /**
     * What the views showed before an action (the events they drew from and the selection): each
     * undo entry carries one, so undo and redo put every view back exactly, not just the machine.
     */
    public static final class ViewState {
        private final List<TraceEvent> events;
        private final StepResult result;
        private final int address;
        private final int directoryIndex;

        private ViewState(List<TraceEvent> events, StepResult result, int address, int directoryIndex) {
            this.events = events;
            this.result = result;
            this.address = address;
            this.directoryIndex = directoryIndex;
        }
    }

    private int nextActionId = 1;
    /** The first walk a student sees: a user page that goes through a 4 KiB page table (Lessons.DEFAULT_BOOT maps it). */
    public static final int FIRST_ADDRESS = 0x08048000;
    private int currentAddress = FIRST_ADDRESS;
    private int selectedDirectoryIndex = FIRST_ADDRESS >>> 22;
    /** Who the walk preview reads as: the Access tab's choice (one selection: the preview never says kernel when the form says user). */
    private int previewAccess = org.pagewalk.machine.Access.USER;
    private int pending;
    private boolean scheduled;
    private boolean held;

    public Session session() {
        return session;
    }

    /** Undo, redo and the session log (every action since the last boot: share links, autosave). */
    public History<ViewState> history() {
        return history;
    }

    public TraceRecorder recorder() {
        return recorder;
    }

    /** The events the last action caused (for the walk animation and the log's highlight). */
    public List<TraceEvent> lastEvents() {
        return lastEvents;
    }

    /**
     * The steps of the walk the last events show: the last read, write or translate the user ran
     * in them; none when they hold a guest call (its walks are the kernel's own) or no walk.
     */
    public List<WalkStep> lastWalk() {
        if (walkOf != lastEvents) {
            walkOf = lastEvents;
            lastWalk = userWalk(lastEvents);
        }
        return lastWalk;
    }

    /**
     * Before the views are told of a change: events they have not shown yet that hold a user walk
     * make its linear address the current one (every view follows the one selection). Done here,
     * before any view draws, rather than by the walk view while it draws, which asked for a second
     * redraw; and only for the events a redraw shows, as before (an access followed, before the
     * next frame, by a line with no walk moves nothing). Returns {@code what}, with SELECTION if it
     * moved.
     */
    private int showing(int what) {
        if (lastEvents == shownEvents) {
            return what;
        }
        shownEvents = lastEvents;
        List<WalkStep> walk = lastWalk();
        // A walk's first step is CR3's, with the address it translates.
        if (walk.isEmpty() || walk.get(0).address() == currentAddress) {
            return what;
        }
        currentAddress = walk.get(0).address();
        selectedDirectoryIndex = currentAddress >>> 22;
        return what | SELECTION;
    }

    private static List<WalkStep> userWalk(List<TraceEvent> events) {
        for (TraceEvent e : events) {
            if (e.kind() == EventKind.GUEST_ENTER) {
                return new ArrayList<>();
            }
        }
        return WalkNarration.lastWalk(events);
    }

    /**
     * The views show the last access again (a lesson run to its end with ?run=1: its last lines are
     * checks, and the walk should show the access they checked, not a preview).
     */
    public void showLastAccess() {
        if (!lastAccessEvents.isEmpty() && lastEvents != lastAccessEvents) {
            lastEvents = lastAccessEvents;
            changed(MACHINE);
        }
    }

    public StepResult lastResult() {
        return lastResult;
    }

    /** Runs one scenario line as a user action (with undo) and tells every view. Never throws. */
    public StepResult run(String line) {
        int mark = recorder.size();
        return finish(line, history.run(session, line, viewState()), mark);
    }

    /**
     * Runs a command a form built (no text to parse; the session log keeps its canonical line),
     * with undo, and tells every view. Never throws.
     */
    public StepResult run(Command command) {
        int mark = recorder.size();
        return finish(command.source(), history.run(session, command, viewState()), mark);
    }

    /**
     * Restores a saved session: every command but the last runs as one batch (no undo snapshot per
     * action: History.replay), the last as a normal action, so the views show what it did. Returns
     * {@code null}, or the first failing result with the machine as before. Never throws.
     */
    public StepResult replay(List<Command> commands) {
        if (commands.isEmpty()) {
            return null;
        }
        StepResult failed = history.replay(session, commands.subList(0, commands.size() - 1));
        if (failed != null) {
            return failed;
        }
        StepResult last = run(commands.get(commands.size() - 1));
        boolean ok = last.status() == StepResult.Status.OK || last.status() == StepResult.Status.PASSED;
        return ok ? null : last;
    }

    private StepResult finish(String line, StepResult r, int mark) {
        lastEvents = recorder.since(mark);
        lastResult = r;
        if (r.access() != null) {
            lastAccessEvents = lastEvents;
        }
        actions.add(new Action(nextActionId++, line, r, mark, recorder.size()));
        if (actions.size() > 1000) {
            actions.removeFirst();
        }
        changed(MACHINE);
        return r;
    }

    /** The actions after the one numbered {@code id} (0 for all still held), oldest first. */
    public List<Action> actionsAfter(int id) {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) {
            if (a.id > id) {
                out.add(a);
            }
        }
        return out;
    }

    public boolean undo() {
        if (!history.canUndo()) {
            return false;
        }
        restoreView(history.undo(session, viewState()));
        changed(MACHINE | SELECTION);
        return true;
    }

    public boolean redo() {
        if (!history.canRedo()) {
            return false;
        }
        restoreView(history.redo(session, viewState()));
        changed(MACHINE | SELECTION);
        return true;
    }

    /** Forgets undo and redo (a fresh start: the first state of the page); the session log stays. */
    public void clearHistory() {
        history.clear();
    }

    private ViewState viewState() {
        return new ViewState(lastEvents, lastResult, currentAddress, selectedDirectoryIndex);
    }

    private void restoreView(ViewState v) {
        lastEvents = v.events;
        lastResult = v.result;
        currentAddress = v.address;
        selectedDirectoryIndex = v.directoryIndex;
    }

    public int currentAddress() {
        return currentAddress;
    }

    /** Makes {@code address} the one current address every view follows. */
    public void select(int address) {
        currentAddress = address;
        selectedDirectoryIndex = address >>> 22;
        changed(SELECTION);
    }

    /** The access the walk preview shows for the current address (an {@code Access} value: user or kernel read). */
    public int previewAccess() {
        return previewAccess;
    }

    public void setPreviewAccess(int access) {
        if (access != previewAccess) {
            previewAccess = access;
            changed(SELECTION);
        }
    }

    /** Which directory slot's page table the table grid shows. */
    public int selectedDirectoryIndex() {
        return selectedDirectoryIndex;
    }

    public void selectDirectoryIndex(int index) {
        if (index >= 0 && index < 1024) {
            selectedDirectoryIndex = index;
            changed(SELECTION);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * While held, changes wait instead of redrawing every frame: a scenario run in slices (the
     * embedding API) redraws once at its end, so the frames between slices stay short.
     */
    public void holdRedraws(boolean hold) {
        held = hold;
        if (!hold && pending != 0) {
            // After a long run every listener has the whole run to catch up on: one listener per
            // animation frame, so no single task redraws every view, the log and the autosave.
            int what = showing(pending);
            pending = 0;
            catchUp(0, what);
        }
    }

    private void catchUp(int index, int what) {
        if (index >= listeners.size()) {
            return;
        }
        Guard.frame(t -> {
            if (held) {
                pending |= what;
                return;
            }
            listeners.get(index).changed(this, what);
            catchUp(index + 1, what);
        });
    }

    /** Coalesces changes into one redraw per animation frame: nothing draws twice for one action. */
    public void changed(int what) {
        pending |= what;
        if (!scheduled && !held) {
            scheduled = true;
            Guard.frame(t -> flush());
        }
    }

    /** Redraws now (tests and the first paint). */
    public void flush() {
        scheduled = false;
        int what = showing(pending);
        pending = 0;
        for (Listener l : listeners) {
            l.changed(this, what);
        }
    }
}
