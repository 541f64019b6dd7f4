package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one history: undo with the page's view state, and the session log that never loses its start. */
class HistoryTest {
    private static StepResult ok(History<String> h, Session s, String line, String view) {
        StepResult r = h.run(s, line, view);
        assertEquals(StepResult.Status.OK, r.status(), line + ": " + r);
        return r;
    }

    /** Replays the log on a new session, as a share link or autosave does on a reload. */
    private static Session replay(SessionLog log) {
        Session fresh = new Session();
        for (String line : log.lines()) {
            assertEquals(StepResult.Status.OK, Interpreter.runLine(fresh, line).status(), line);
        }
        return fresh;
    }

    @Test
    void theSessionLogKeepsItsStartWhateverTheUndoDepth() {
        Session s = new Session();
        History<String> h = new History<>();
        ok(h, s, "boot bare ram=4M", "v0");
        ok(h, s, "poke 0x1000 0x11111111", "v1");
        for (int n = 0; n < 600; n++) {
            ok(h, s, "poke 0x2000 " + n, "p" + n);
        }
        assertEquals(History.DEPTH, h.depth(), "undo stays bounded");
        assertEquals(602, h.log().size(), "every action since the boot");
        assertEquals("boot bare ram=4M", h.log().lines().get(0));

        Session rebuilt = replay(h.log());
        assertNull(rebuilt.os(), "a bare machine, not CeanOS");
        assertEquals(1024, rebuilt.machine().memory().frames(), "4 MiB of RAM: 1024 frames");
        assertEquals(0x11111111, rebuilt.machine().readPhysical32(0x1000));
        assertEquals(599, rebuilt.machine().readPhysical32(0x2000));
    }

    @Test
    void undoAndRedoBringBackTheSessionTheLogAndTheView() {
        Session s = new Session();
        History<String> h = new History<>();
        ok(h, s, "boot ceanos", "start");
        ok(h, s, "init_mm", "booted");
        ok(h, s, "memMapPage 0x08048000 0x00500000 USER", "initialised");
        assertEquals(StepResult.Status.ERROR, h.run(s, "memMapPage 0x0804800 0x00500000 USER", "mapped").status());
        assertEquals(3, h.depth(), "a refused line is not recorded");
        int mapped = s.os().globals().memNumVpages();

        assertEquals("initialised", h.undo(s, "mapped"), "the view from before the map");
        assertEquals(mapped - 1, s.os().globals().memNumVpages());
        assertEquals(List.of("boot ceanos", "init_mm"), h.log().lines());

        assertEquals("mapped", h.redo(s, "initialised"), "the view from after the map");
        assertEquals(mapped, s.os().globals().memNumVpages());
        assertEquals(List.of("boot ceanos", "init_mm", "memMapPage 0x08048000 0x00500000 USER"), h.log().lines());

        h.undo(s, "mapped");
        ok(h, s, "invlpg 0", "initialised");
        assertFalse(h.canRedo(), "a new action clears redo");
    }

    @Test
    void undoingABootBringsBackTheLogBeforeIt() {
        Session s = new Session();
        History<String> h = new History<>();
        ok(h, s, "boot bare ram=4M", "a");
        ok(h, s, "poke 0x1000 7", "b");
        ok(h, s, "boot ceanos", "c");
        assertEquals(List.of("boot ceanos"), h.log().lines());
        h.undo(s, "d");
        assertEquals(List.of("boot bare ram=4M", "poke 0x1000 7"), h.log().lines());
        assertEquals(7, s.machine().readPhysical32(0x1000));
        h.redo(s, "c");
        assertEquals(List.of("boot ceanos"), h.log().lines());
    }

    @Test
    void linesAreClassifiedByTheirCommandNotTheirSpelling() {
        Session s = new Session();
        History<String> h = new History<>();
        ok(h, s, "boot bare", "a");
        // A variable whose name starts with "expect" is an assignment: an action, kept.
        ok(h, s, "expected = 5", "b");
        assertEquals(StepResult.Status.PASSED, h.run(s, "expect expected = 5", "c").status());
        ok(h, s, "# a comment changes nothing", "c");
        assertEquals(List.of("boot bare", "expected = 5"), h.log().lines());
        assertEquals(2, h.depth());
    }

    @Test
    void aFullLogRefusesTheActionWithAClearMessageAndABootStartsAgain() {
        Session s = new Session();
        History<String> h = new History<>(3);
        ok(h, s, "boot bare", "a");
        ok(h, s, "poke 0x1000 1", "b");
        ok(h, s, "poke 0x1000 2", "c");
        StepResult full = h.run(s, "poke 0x1000 3", "d");
        assertEquals(StepResult.Status.ERROR, full.status());
        assertTrue(full.message().startsWith("the session log is full: 3 actions since the last boot"), full.message());
        assertTrue(full.message().endsWith("(nothing changed)"), full.message());
        assertEquals(2, s.machine().readPhysical32(0x1000), "the refused poke did not run");
        assertEquals(3, h.log().size(), "the log kept its start");
        ok(h, s, "boot bare", "e");
        assertEquals(List.of("boot bare"), h.log().lines());
    }

    @Test
    void aFormsCommandRunsWithoutTextAndLogsItsCanonicalLine() {
        Session s = new Session();
        History<String> h = new History<>();
        ok(h, s, "boot ceanos", "a");
        StepResult r = h.run(s, MemoryAccess.translate(org.pagewalk.machine.Access.USER, 0xC0000000), "b");
        assertEquals(StepResult.Status.OK, r.status());
        assertTrue(r.message().startsWith("user read of 0xC0000000: page fault, error code 0x5"), r.message());
        assertEquals(List.of("boot ceanos", "translate user read 0xC0000000"), h.log().lines());
    }

    @Test
    void aReplayedSessionIsInTheLogWithoutUndoAndAFailingOneChangesNothing() {
        Session s = new Session();
        History<String> h = new History<>();
        ok(h, s, "boot bare ram=1M", "v0");
        String before = org.pagewalk.machine.MachineDump.of(s.machine());

        // A saved session whose third line is refused (no kernel on a bare machine): nothing of it stays.
        Scenario bad = Scenario.parse("boot bare ram=4M\npoke 0x1000 0x11111111\nmemMapPage 0x08048000 0x00300000 WRITE\n");
        StepResult failed = h.replay(s, bad.steps());
        assertEquals(3, failed.line(), failed.toString());
        assertEquals(StepResult.Status.ERROR, failed.status());
        assertEquals(before, org.pagewalk.machine.MachineDump.of(s.machine()), "the machine from before the replay");
        assertEquals(List.of("boot bare ram=1M"), h.log().lines(), "the log from before the replay");

        Scenario good = Scenario.parse("boot bare ram=4M\npoke 0x1000 0x11111111\nexpect memory 0x1000 = 0x11111111\npoke 0x2000 7\n");
        assertNull(h.replay(s, good.steps()));
        assertEquals(List.of("boot bare ram=4M", "poke 0x1000 0x11111111", "poke 0x2000 7"), h.log().lines(),
                "every action in the log, the expect (a check) not");
        assertEquals(0x11111111, s.machine().readPhysical32(0x1000));
        assertEquals(7, s.machine().readPhysical32(0x2000));
        assertEquals(4 << 20, s.machine().memory().frames() << 12, "the replayed boot's 4 MiB machine");
        assertEquals(1, h.depth(), "a replay adds no undo entry: only the first boot can be undone");
    }

    @Test
    void aReplayIsNotTracedAndTheListenerHearsTheMachineItLeaves() {
        org.pagewalk.trace.TraceRecorder heard = new org.pagewalk.trace.TraceRecorder();
        Session s = new Session(heard);
        History<String> h = new History<>();
        ok(h, s, "boot bare ram=1M", "v0");
        int beforeReplay = heard.size();

        Scenario saved = Scenario.parse("boot ceanos\ninit_mm\nmemMapPage 0x08048000 0x00300000 USER|WRITE\n");
        assertNull(h.replay(s, saved.steps()));
        assertEquals(beforeReplay, heard.size(), "a replay's events are never shown, so none is recorded");

        // The replay booted a new machine; the next action on it is heard again, walk and all.
        ok(h, s, "read user 0x08048000", "v1");
        List<org.pagewalk.trace.TraceEvent> read = heard.since(beforeReplay);
        assertTrue(read.stream().anyMatch(e -> e.kind() == org.pagewalk.trace.EventKind.PDE_READ), read.toString());
        assertTrue(read.stream().anyMatch(e -> e.kind() == org.pagewalk.trace.EventKind.PTE_READ), read.toString());
    }

    @Test
    void aLineWithABreakInItIsRefusedWholeAndARunLineMayEndWithOne() {
        Session s = new Session();
        History<String> h = new History<>();
        ok(h, s, "boot ceanos", "v0");
        ok(h, s, "init_mm", "v1");
        int hits = s.machine().tlb().hits();
        int misses = s.machine().tlb().misses();
        // Without the check, the comment ran on to the end of the text: the first read ran, the second was lost unsaid.
        StepResult r = h.run(s, "read kernel 0xD0000010 # then\nread kernel 0xD0000020", "v2");
        assertEquals(StepResult.Status.ERROR, r.status(), r.toString());
        assertEquals(30, r.column(), "the break is the 30th character");
        assertTrue(r.message().contains("one scenario line runs at a time"), r.message());
        assertEquals(hits, s.machine().tlb().hits(), "nothing ran");
        assertEquals(misses, s.machine().tlb().misses(), "nothing ran");
        assertEquals(2, h.log().size(), "nothing was recorded");
        // A pasted line keeps its line ending (CRLF too): that is still one line.
        ok(h, s, "read kernel 0xD0000010\r\n", "v2");
        ok(h, s, "read kernel 0xD0000010\n", "v3");
        assertEquals(hits + misses + 2, s.machine().tlb().hits() + s.machine().tlb().misses(), "both reads ran");
        assertEquals(List.of("boot ceanos", "init_mm", "read kernel 0xD0000010", "read kernel 0xD0000010"), h.log().lines(),
                "the log keeps each line without its line ending");
    }
}
