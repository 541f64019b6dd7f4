package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLanguageTest {
    static List<StepResult> run(String text) {
        return new Interpreter(Scenario.parse(text), new Session()).runAll();
    }

    static String error(String text) {
        return assertThrows(ScenarioError.class, () -> Scenario.parse(text)).getMessage();
    }

    @Test
    void aSmallLessonRunsAndChecksItself() {
        List<StepResult> r = run(String.join("\n",
                "title The first mapping",
                "about Map one user page and read it back.",
                "boot ceanos ram=32M tlb=64x4",
                "initMemory 32M 0x00400000   # memHigh, physicalAllocStart",
                "frame = pmmAllocPageFrame",
                "expect frame = 0x00400000",
                "memMapPage 0x08048000 frame WRITE|USER",
                "write user 0x08048004 0xCAFE",
                "expect last miss",
                "read user 0x08048004",
                "expect last hit",
                "expect physical user 0x08048004 = 0x00400004",
                "expect value 0x08048004 = 0xCAFE",
                "expect fault user write 0xC0000000 = 0x7",
                "expect tlb hit 0x08048000",
                "expect totalAlloc = 2",
                "expect mem_num_vpages = 1",
                "expect frame 0x00400000 used",
                "expect frame 0x00402000 free",
                "expect cr3 = 0x0010B000",
                "expect pde 32 = 0x00401207 mask 0xFFFFF21F"));
        for (StepResult s : r) {
            assertTrue(s.status() == StepResult.Status.OK || s.status() == StepResult.Status.PASSED, s.toString());
        }
        assertEquals("user read 0x08048004 -> physical 0x00400004 (TLB hit) = 0x0000CAFE", r.get(7).message());
    }

    @Test
    void failedExpectSaysExpectedAndActual() {
        // init_mm: the kernel image ends at 0x00250000 (bitmap 0x00130000 + 128 KiB = pageDirs 0x00150000,
        // + 256 directories of 4 KiB), so pageFrameMin = 0x250; kmallocInit(0x4000) then takes frame 0x250
        // (heap page 0 at 0xD0000000), 0x251 (its page table, PDE 832) and 0x252..0x254 (heap pages 1..3).
        // So 0xD0000000 -> 0x00250000, and totalAlloc = 5.
        List<StepResult> r = run("boot ceanos\ninit_mm\nexpect physical 0xD0000000 = 0x00500000\nexpect totalAlloc = 9");
        assertEquals("expected a kernel read of 0xD0000000 to reach physical 0x00500000, actual 0x00250000 (from the TLB)", r.get(2).message());
        assertEquals(StepResult.Status.FAILED, r.get(2).status());
        assertEquals("expected totalAlloc = 0x00000009, actual 0x00000005", r.get(3).message());
    }

    @Test
    void parseErrorsPointAtTheColumn() {
        assertEquals("line 2, column 1: unknown command 'memmappage'; commands are " + ScenarioParser.COMMANDS,
                error("boot ceanos\nmemmappage 0 0 0"));
        assertEquals("line 1, column 12: '0x12G4' is not a hexadecimal number: 'G' is not a digit 0-9 or A-F",
                error("invalidate 0x12G4"));
        // Every line of a text is read from one array of its characters: columns count from each line's own start.
        assertEquals("line 4, column 15: '0x12G4' is not a hexadecimal number: 'G' is not a digit 0-9 or A-F",
                error("boot ceanos\r\n# a comment = \"x\"\nnote \"a = b\"\n write 0x1000 0x12G4 # \"y"));
        assertEquals("line 3, column 6: this string has no closing quote (\")", error("boot ceanos\nnote \"a\"\nnote \"b\nnote \"c\""));
        assertEquals("line 1, column 25: missing argument 3 of memMapPage (usage: memMapPage VIRTUAL PHYSICAL FLAGS [remap], FLAGS like WRITE|USER or 0)",
                error("memMapPage 0x1000 0x2000"));
        assertEquals("line 1, column 31: unknown name 'WRTIE': use a number (0x... or decimal), a flag (" + Names.FLAG_LIST
                + "), a constant (" + Names.CONSTANT_LIST + ") or a variable set on an earlier line",
                error("memMapPage 0x1000 0x2000 USER|WRTIE"));
        assertEquals("line 1, column 15: TLB sets (entries / ways = 3) must be a power of two (1, 2, 4, 8, ...)",
                error("boot bare tlb=12x4"));
        assertEquals("line 1, column 15: RAM must be 1M to 4G in whole 4 KiB frames, was 100K", error("boot bare ram=100K"));
        assertEquals("line 1, column 6: CeanOS's kernel image ends at 0x00250000 and does not fit in 2 MiB of RAM: boot it with ram=4M or more",
                error("boot ceanos ram=2M"));
        assertEquals("line 1, column 40: unknown defect 'bogus'; defects are all, none, or a list of: "
                + org.pagewalk.guest.Defect.keys(), error("boot ceanos variant=as-written defects=bogus"));
        assertEquals("line 1, column 14: '4294967296' does not fit in 32 bits (the largest value is 0xFFFFFFFF = 4294967295)",
                error("write 0x1000 4294967296"));
    }

    @Test
    void aRuntimeErrorChangesNothing() {
        Session s = new Session();
        Interpreter i = new Interpreter(Scenario.parse("boot ceanos\nmov cr3, 0x0010B123\nexpect cr3 = 0x0010B000"), s);
        i.step();
        String before = org.pagewalk.machine.MachineDump.of(s.machine());
        StepResult r = i.step();
        assertEquals(StepResult.Status.ERROR, r.status());
        assertEquals("line 2: CR3 value 0x0010B123 is not 4 KiB aligned: bits 11:0 must be 0 (except PWT bit 3 and PCD bit 4) (nothing changed)",
                r.message());
        assertEquals(before, org.pagewalk.machine.MachineDump.of(s.machine()));
        assertEquals(StepResult.Status.PASSED, i.step().status());
    }

    @Test
    void refusedCallsAreExpected() {
        List<StepResult> r = run("boot ceanos\ninit_mm\nmemMapPage 0xD0000000 0x00600000 WRITE\nexpect refused \"already mapped\"");
        assertEquals(StepResult.Status.OK, r.get(2).status());
        assertEquals(StepResult.Status.PASSED, r.get(3).status());
        List<StepResult> unexpected = run("boot ceanos\ninit_mm\nmemMapPage 0xD0000000 0x00600000 WRITE");
        assertEquals(StepResult.Status.ERROR, unexpected.get(2).status());
        // init_mm's kmallocInit mapped 0xD0000000 to the first allocatable frame, 0x250 (see above).
        assertEquals("line 3: 0xD0000000 is already mapped to 0x00250000: unmap it first, or ask for a remap (nothing changed)",
                unexpected.get(2).message());
    }

    @Test
    void checkpointsAndConsoleLines() {
        Session s = new Session();
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "boot ceanos").status());
        Interpreter.runLine(s, "init_mm");
        Interpreter.runLine(s, "checkpoint booted");
        Interpreter.runLine(s, "pd = memAllocPageDir");
        // The pool of 256 directories starts right after the 128 KiB bitmap: 0x00130000 + 0x20000 =
        // 0x00150000 (0xC0150000 in the kernel's window); the first memAllocPageDir takes pageDirs[0].
        assertEquals("pd = 0xC0150000", "pd = " + org.pagewalk.text.Hex.hex32(s.variables().get("pd")));
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, "memChangePageDir pd").status());
        assertEquals(StepResult.Status.PASSED, Interpreter.runLine(s, "expect cr3 = 0x00150000").status());
        Interpreter.runLine(s, "restore booted");
        assertEquals(StepResult.Status.PASSED, Interpreter.runLine(s, "expect cr3 = 0x0010B000").status());
        assertTrue(Interpreter.runLine(s, "memChangePageDir pd").message().startsWith("line 1, column 18: unknown name 'pd'"));
    }
}
