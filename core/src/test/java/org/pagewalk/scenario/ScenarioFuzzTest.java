package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pagewalk.machine.MachineDump;

/**
 * Random and mutated scenario text: only scenario errors may come out (never another exception,
 * never an "internal error"), and a rejected line leaves the session exactly as it was.
 */
class ScenarioFuzzTest {
    private static final long SEED = 0xF022L;

    private static final String[] VALID = {
        "boot ceanos", "boot ceanos ram=8M tlb=16x2", "boot ceanos variant=as-written defects=all", "boot bare ram=4M",
        "init_mm", "initMemory 32M 0x00400000", "f = pmmAllocPageFrame", "memMapPage 0x08048000 0x00500000 WRITE|USER",
        "memMapPage 0xD0010000 0x00600000 WRITE remap", "memUnmapPage 0x08048000", "pd = memAllocPageDir",
        "memChangePageDir initial_page_dir", "memFreePageDir 0xC0150000", "kmallocInit 0x4000", "changeHeapSize 0x9000",
        "invalidate 0x08048000", "syncPageDirs", "pmmFreePageFrame 0x00400000", "memIsPagePresent 0xD0000000",
        "read user 0x08048000", "write kernel 0xD0000004 0xFFFFFFFF byte", "translate user write 0xC0000000",
        "mov cr3, 0x0010B000", "mov cr0, PE|PG|WP", "mov cr4, PSE|PGE", "invlpg 0xC0000000", "poke 0x1000 1 2 3",
        "poke8 0x2000 0xFF", "peek 0x0010B000 8", "tlb-load set=0 way=0 linear=0x00000000 frame=0x1000 write",
        "checkpoint a", "restore a", "note hello", "pause", "expect cr3 = 0x0010B000", "expect tlb hit 0xC0000000",
        "expect fault user 0xC0000000 = 5", "expect physical 0xC0100000 = 0x00100000", "expect frame 0x00400000 used",
        "expect refused", "expect ok", "expect last miss", "expect pde 768 = 0x83 mask 0xFF", "expect memory 0x1000 = 1",
        "expect value byte 0xD0000000 = 0xF0", "expect totalAlloc = 5", "expect tlb entries = 3",
    };
    private static final String[] PIECES = {"0x", "0xFFFFFFFF", "4294967296", "=", "|", "||", "\"", "#", "-1", "4G", "8K",
        "cr5", "USER", "remap", "byte", "x", ",", "0x1G", "", " ", "kernel", "user", "write", "ram=", "tlb=0x0", "99999999999",
        "initial_page_dir", "pd", "f", "KERNEL_MALLOC", "\t", "expect", "set=99", "way=-1", "4M"};

    @Test
    void onlyScenarioErrorsAndRejectedLinesChangeNothing() {
        Random rnd = new Random(SEED);
        Session session = new Session();
        Interpreter.runLine(session, "boot ceanos");
        int lines = 0;
        for (int i = 0; i < 4000; i++) {
            String line = mutate(rnd, VALID[rnd.nextInt(VALID.length)]);
            String where = "seed " + Long.toHexString(SEED) + " line " + i + ": '" + line + "'";
            try {
                Scenario.parse(line);
            } catch (ScenarioError expected) {
                assertFalse(expected.getMessage().isEmpty(), where);
            } catch (RuntimeException e) {
                throw new AssertionError(where + " threw " + e, e);
            }
            String before = MachineDump.of(session.machine());
            java.util.Map<String, Integer> vars = session.variables();
            StepResult r = Interpreter.runLine(session, line);
            assertFalse(r.message().contains("internal error"), where + ": " + r.message());
            if (r.status() == StepResult.Status.ERROR && !r.message().contains("kernel page fault")) {
                assertEquals(before, MachineDump.of(session.machine()), where + " changed the machine: " + r.message());
                assertEquals(vars, session.variables(), where);
            }
            lines++;
            if (rnd.nextInt(200) == 0) {
                Interpreter.runLine(session, "boot ceanos");
                Interpreter.runLine(session, "init_mm");
            }
        }
        assertEquals(4000, lines);
    }

    @Test
    void randomWholeScenariosNeverThrowAnythingElse() {
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(mutate(rnd, VALID[rnd.nextInt(VALID.length)])).append('\n');
            }
            String text = sb.toString();
            try {
                for (StepResult r : new Interpreter(Scenario.parse(text), new Session()).runAll()) {
                    assertFalse(r.message().contains("internal error"), text + "\n" + r.message());
                }
            } catch (ScenarioError expected) {
                assertFalse(expected.getMessage().isEmpty());
            }
        }
    }

    private static String mutate(Random rnd, String line) {
        switch (rnd.nextInt(6)) {
            case 0:
                return line;
            case 1: {
                String[] words = line.split(" ");
                words[rnd.nextInt(words.length)] = PIECES[rnd.nextInt(PIECES.length)];
                return String.join(" ", words);
            }
            case 2:
                return line + " " + PIECES[rnd.nextInt(PIECES.length)];
            case 3: {
                int cut = rnd.nextInt(line.length() + 1);
                return line.substring(0, cut);
            }
            case 4: {
                char[] c = line.toCharArray();
                if (c.length > 0) {
                    c[rnd.nextInt(c.length)] = (char) (32 + rnd.nextInt(95));
                }
                return new String(c);
            }
            default: {
                StringBuilder sb = new StringBuilder();
                int n = rnd.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(PIECES[rnd.nextInt(PIECES.length)]).append(rnd.nextBoolean() ? " " : "");
                }
                return sb.toString();
            }
        }
    }
}
