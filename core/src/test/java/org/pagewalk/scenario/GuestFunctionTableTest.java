package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pagewalk.guest.CallResult;
import org.pagewalk.guest.GuestFunction;

/** The one table of CeanOS functions: each entry reaches its own function, with the result kind it declares. */
class GuestFunctionTableTest {
    /** Valid arguments for each function on CeanOS after init_mm, by the table's order. */
    private static String line(GuestFunction f) {
        switch (f) {
            case MEM_MAP_PAGE:
                return "memMapPage 0x08048000 0x00300000 WRITE";
            case MEM_UNMAP_PAGE:
                return "memUnmapPage 0x08048000";
            case MEM_IS_PAGE_PRESENT:
            case INVALIDATE:
                return f.functionName() + " 0x08048000";
            case PMM_FREE_PAGE_FRAME:
                return "pmmFreePageFrame frame";
            case MEM_CHANGE_PAGE_DIR:
            case MEM_FREE_PAGE_DIR:
                return f.functionName() + " pd";
            case KMALLOC_INIT:
                return "kmallocInit 0x4000";
            case CHANGE_HEAP_SIZE:
                return "changeHeapSize 0x5000";
            case INIT_MEMORY:
                return "initMemory 0x02000000 0x00400000";
            case PMM_INIT:
                return "pmm_init 0x00400000 0x02000000";
            default:
                return f.functionName();
        }
    }

    @Test
    void everyEntryCallsItsOwnFunction() {
        for (GuestFunction f : GuestFunction.values()) {
            Session s = new Session();
            // kmallocInit and init_mm want a heap not yet mapped: a fresh boot (and initMemory for kmallocInit).
            String[] setups = f == GuestFunction.INIT_MM ? new String[] {"boot ceanos"}
                    : f == GuestFunction.KMALLOC_INIT ? new String[] {"boot ceanos", "initMemory 0x02000000 0x00400000"}
                    : new String[] {"boot ceanos", "init_mm", "frame = pmmAllocPageFrame", "pd = memAllocPageDir",
                        "memMapPage 0x08048000 0x00300000 WRITE remap"};
            for (String setup : setups) {
                assertEquals(StepResult.Status.OK, Interpreter.runLine(s, setup).status(), setup);
            }
            if (f == GuestFunction.MEM_MAP_PAGE) {
                assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "memUnmapPage 0x08048000").status());
            }
            StepResult r = Interpreter.runLine(s, line(f));
            assertEquals(StepResult.Status.OK, r.status(), line(f) + ": " + r);
            CallResult call = s.lastCall();
            // init_mm is kernel.c's sequence: its last call is kmallocInit.
            assertEquals(f == GuestFunction.INIT_MM ? "kmallocInit" : f.functionName(), call.function(), line(f));
            assertEquals(f.returnsValue(), call.returnsValue(), f.functionName() + " returns a value?");
        }
    }

    @Test
    void pagewalksAdditionsAreMarked() {
        Set<GuestFunction> added = EnumSet.noneOf(GuestFunction.class);
        for (GuestFunction f : GuestFunction.values()) {
            if (!f.origin().isCeanOs()) {
                added.add(f);
            }
        }
        assertEquals(EnumSet.of(GuestFunction.MEM_ALLOC_PAGE_DIR, GuestFunction.MEM_FREE_PAGE_DIR, GuestFunction.MEM_UNMAP_PAGE,
                GuestFunction.MEM_IS_PAGE_PRESENT, GuestFunction.PMM_FREE_PAGE_FRAME), added);
    }

    @Test
    void messagesAndUsageComeFromTheTable() {
        assertEquals("usage: memMapPage VIRTUAL PHYSICAL FLAGS [remap], FLAGS like WRITE|USER or 0", GuestFunction.MEM_MAP_PAGE.usage());
        assertEquals("usage: syncPageDirs (no arguments)", GuestFunction.SYNC_PAGE_DIRS.usage());
        assertEquals("line 1, column 5: initMemory returns nothing to assign; functions with a result are memUnmapPage, "
                + "memIsPagePresent, pmmAllocPageFrame, memGetCurrentPageDir, memAllocPageDir, changeHeapSize",
                ScenarioLanguageTest.error("x = initMemory 1 2"));
        assertEquals("line 1, column 25: unexpected 'extra': usage: memUnmapPage VIRTUAL",
                ScenarioLanguageTest.error("memUnmapPage 0x08048000 extra"));
        assertTrue(ScenarioParser.COMMANDS.endsWith("(" + GuestFunction.names(false) + ")"));
    }

    @Test
    void aFormsCallWritesItsCanonicalLine() {
        assertEquals("memMapPage 0x08048000 0x00300000 WRITE|USER remap",
                GuestCall.of(GuestFunction.MEM_MAP_PAGE, true, 0x08048000, 0x00300000, 6).toLine());
        assertEquals("pmmAllocPageFrame", GuestCall.of(GuestFunction.PMM_ALLOC_PAGE_FRAME, false).toLine());
        assertEquals("invalidate 0x00001000", GuestCall.of(GuestFunction.INVALIDATE, true, 0x1000).toLine(), "remap only for memMapPage");
    }
}
