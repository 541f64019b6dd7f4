package org.pagewalk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagewalkCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PagewalkCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void runPrintsStepsAndTraceAndExitsZero() throws Exception {
        Path p = file("ok.pw", "title ok\nboot ceanos\ninit_mm\nread 0xD0000000\nexpect value 0xD0000000 = 0x3FF0\n");
        assertEquals(0, run("run", p.toString(), "--trace"));
        String text = out.toString(StandardCharsets.UTF_8);
        // init_mm: the kernel image ends at 0x00250000 (bitmap 0x00130000 + 128 KiB = pageDirs 0x00150000,
        // + 256 directories of 4 KiB), so pageFrameMin = 0x250; kmallocInit(0x4000) then takes frame 0x250
        // (heap page 0 at 0xD0000000), 0x251 (its page table, PDE 832) and 0x252..0x254 (heap pages 1..3).
        // So 0xD0000000 -> 0x00250000, where the heap's first header (size 0x4000 - 16 = 0x3FF0) sits.
        assertTrue(text.contains("read 0xD0000000 -> physical 0x00250000 (TLB hit) = 0x00003FF0"), text);
        assertTrue(text.contains(". PDE 768 at physical 0x0010BC00 = 0x00000083: present, 4 MiB page at 0x00000000, supervisor, writable"), text);
        assertTrue(text.contains("PASSED: 1 expects held, 0 failed, 0 errors"), text);
    }

    @Test
    void failingExpectExitsOne() throws Exception {
        Path p = file("bad.pw", "boot ceanos\ninit_mm\nexpect totalAlloc = 4\n");
        assertEquals(1, run("check", p.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("bad.pw:3: failed: expected totalAlloc = 0x00000004, actual 0x00000005"), text);
    }

    @Test
    void jsonOutput() throws Exception {
        Path p = file("j.pw", "boot bare\nwrite 0x100 7\nexpect memory 0x100 = 7\n");
        assertEquals(0, run("run", p.toString(), "--json"));
        String text = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(text.startsWith("{\"file\":"), text);
        assertTrue(text.contains("{\"line\":3,\"source\":\"expect memory 0x100 = 7\",\"status\":\"passed\",\"message\":\"ok\"}"), text);
        assertTrue(text.endsWith("\"passed\":true}"), text);
    }

    @Test
    void parseErrorsAndUsage() throws Exception {
        Path p = file("e.pw", "boot ceanos\nmemMapPage 0x1000\n");
        assertEquals(1, run("run", p.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2, column 18: missing argument 2 of memMapPage"), err.toString());
        assertEquals(2, run("run", dir.resolve("missing.pw").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
        assertEquals(2, run("frobnicate"));
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("exercise [--seed N]"));
    }

    @Test
    void helpListsEveryCeanOsFunctionFromTheTable() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("\n  memMapPage VIRTUAL PHYSICAL FLAGS [remap]   CeanOS mm/mem.c\n"), help);
        assertTrue(help.contains("\n  memUnmapPage VIRTUAL                        returns a value; Pagewalk's addition (not in CeanOS)\n"), help);
        assertTrue(help.contains("\n  init_mm                                     CeanOS kernel.c\n"), help);
        for (org.pagewalk.guest.GuestFunction f : org.pagewalk.guest.GuestFunction.values()) {
            assertTrue(help.contains("\n  " + f.functionName() + (f.arity() == 0 ? " " : " " + f.signature())), f.functionName());
        }
    }

    @Test
    void exerciseIsReproducible() {
        assertEquals(0, run("exercise", "--seed", "5"));
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();
        run("exercise", "--seed", "5");
        assertEquals(first, out.toString(StandardCharsets.UTF_8));
        assertTrue(first.startsWith("title Exercise 5: translate by hand"));
        assertEquals(2, run("exercise", "--seed", "x"));
    }
}
