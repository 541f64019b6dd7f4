package org.pagewalk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
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
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("exercise [--seed N] [--level L]"));
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
        assertTrue(first.startsWith("title Exercise 5, level 1: 4 KiB pages\n"), first);
        assertEquals(2, run("exercise", "--seed", "x"));
    }

    @Test
    void optionValuesUseTheNumberGrammarAndAreRangeChecked() {
        assertEquals(PagewalkCli.USAGE, run("exercise", "--seed", "-1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'-1' has a sign: numbers are unsigned, 0 to 0xFFFFFFFF = 4294967295, with no + or -; --seed must be 0 to 4294967295"), err.toString());
        assertEquals(PagewalkCli.USAGE, run("exercise", "--seed", "4294967296"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'4294967296' does not fit in 32 bits"), err.toString());
        assertEquals(PagewalkCli.USAGE, run("exercise", "--level", "6"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'6' is out of range: --level must be 1 to 5"), err.toString());
        assertEquals(PagewalkCli.USAGE, run("exercise", "--level", "0"));
        assertEquals(PagewalkCli.USAGE, run("exercise", "--pages", "4"));
        assertEquals(PagewalkCli.USAGE, run("exercise", "--seed"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--seed needs a number from 0 to 4294967295"), err.toString());
        assertEquals(0, out.size(), "nothing printed for a refused option");
        assertEquals(PagewalkCli.PASSED, run("exercise", "--seed", "0xFFFF_FFFF", "--level", "0x3"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("title Exercise 4294967295, level 3: rights and CR0.WP\n"));
    }

    /** Every exit status --help lists, each produced. */
    @Test
    void exitCodesAreDocumentedAndEachHappens() throws Exception {
        assertEquals(PagewalkCli.PASSED, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("  0  every line ran and every expect held"), help);
        assertTrue(help.contains("  1  an expect failed, a line was an error, or a file has a bad line"), help);
        assertTrue(help.contains("  2  bad usage, a bad option value, or a file that cannot be read"), help);
        assertTrue(help.contains("  3  out of memory while running a line (the message names the file and line)"), help);
        assertEquals(0, PagewalkCli.PASSED);
        assertEquals(1, PagewalkCli.FAILED);
        assertEquals(2, PagewalkCli.USAGE);
        assertEquals(3, PagewalkCli.OUT_OF_MEMORY);
        assertEquals(0, run("run", file("a.pw", "boot bare\nexpect cr3 = 0\n").toString()));
        assertEquals(1, run("run", file("b.pw", "boot bare\nexpect cr3 = 1\n").toString()));
        assertEquals(1, run("run", file("c.pw", "boot bare\npoke8 0 256\n").toString()), "an error line");
        assertEquals(1, run("check", file("d.pw", "boot bare\nfrobnicate\n").toString()), "a bad line");
        assertEquals(2, run("check"));
        assertEquals(2, run("run", "a.pw", "--bogus"));
        assertEquals(2, run());
        // 3: a scenario whose machine outgrows a 24 MiB heap (each poked frame is a 4 KiB array).
        StringBuilder sb = new StringBuilder("boot bare ram=4G\n");
        for (int k = 0; k < 40000; k++) {
            sb.append("poke ").append(0x01000000 + k * 0x1000).append(" 1\n");
        }
        Path big = file("grow.pw", sb.toString());
        Result r = cli("-Xmx24m", "check", big.toString());
        assertEquals(PagewalkCli.OUT_OF_MEMORY, r.code, r.err);
        assertTrue(r.err.matches("(?s)pagewalk: out of memory at .*grow\\.pw line \\d+: the Java heap is full.*"), r.err);
        assertTrue(!r.err.contains("java.lang.OutOfMemoryError"), r.err);
    }

    @Test
    void echoedInputCannotRewriteTheTerminal() throws Exception {
        Path p = file("esc.pw", "boot bare\nnote \u001B]0;owned\u0007 \u001B[2J\nx = 0x1\u001B[2J\n");
        assertEquals(1, run("run", p.toString()));
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertTrue(all.indexOf('\u001B') < 0 && all.indexOf('\u0007') < 0, all);
        assertTrue(all.contains("'0x1\\x1B[2J' is not a hexadecimal number"), all);
        out.reset();
        assertEquals(0, run("run", file("note.pw", "boot bare\nnote \u001B]0;owned\u0007 \u001B[2J\n").toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("   2 ok     note \\x1B]0;owned\\x07 \\x1B[2J\n"), text);
        assertTrue(text.indexOf('\u001B') < 0 && text.indexOf('\u0007') < 0, text);
    }

    @Test
    void echoedInputIsBounded() throws Exception {
        Path p = file("long.pw", "boot bare\nx = " + "7".repeat(10_000_000) + "\n");
        assertEquals(1, run("check", p.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.length() < 1000, text.length() + " characters");
        assertTrue(text.contains("'" + "7".repeat(80) + "... (10000000 characters)' does not fit in 32 bits"), text);
        out.reset();
        Path note = file("note.pw", "boot bare\nnote " + "n".repeat(1_000_000) + "\n");
        assertEquals(0, run("run", note.toString(), "--json"));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.length() < 3000, json.length() + " characters");
        assertTrue(json.contains("\"source\":\"note " + "n".repeat(235) + "... (1000005 characters)\""), json);
        assertTrue(json.contains("\"message\":\"" + "n".repeat(1000) + "... (1000000 characters)\""), json);
    }

    /** Read line by line, a refused call still sees the {@code expect refused} on the next line. */
    @Test
    void streamingKeepsTheRefusalLookahead() throws Exception {
        Path p = file("r.pw", "boot ceanos\ninit_mm\nmemMapPage 0x08048000 0x00300000 WRITE\n"
                + "memMapPage 0x08048000 0x00301000 WRITE\nexpect refused \"already mapped\"\n");
        assertEquals(0, run("check", p.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("PASSED: 1 expects held, 0 failed, 0 errors"), out.toString());
    }

    /**
     * The slow test (about 30 s on two cores): a generated 1,000,000-line scenario runs in a JVM
     * limited to 256 MiB, because run reads and executes it line by line.
     */
    @Test
    @Tag("slow")
    void aMillionLineScenarioRunsIn256MiB() throws Exception {
        Path p = dir.resolve("million.pw");
        int lines = 3;
        int cycles = 0;
        try (java.io.BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write("title a million lines\nboot ceanos\ninit_mm\n");
            while (lines + 5 <= 1_000_000) {
                int page = 0x40000000 + (cycles % 64) * 0x1000;
                int frame = 0x00800000 + (cycles % 64) * 0x1000;
                w.write("memMapPage " + page + " " + frame + " WRITE\nwrite " + page + " " + cycles + "\nexpect value " + page
                        + " = " + cycles + "\nmemUnmapPage " + page + "\nnote cycle " + cycles + "\n");
                lines += 5;
                cycles++;
            }
        }
        Result r = cli("-Xmx256m", "run", p.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.lastLine.equals("PASSED: " + cycles + " expects held, 0 failed, 0 errors"), r.lastLine);
        assertEquals(199_999, cycles);
    }

    private static final class Result {
        int code;
        String err;
        String lastLine;
    }

    /** The CLI in a JVM of its own, with {@code heap}; standard output goes to a file (a million lines of it). */
    private Result cli(String heap, String... args) throws Exception {
        String classes = Paths.get(PagewalkCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", classes, PagewalkCli.class.getName()));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        Result r = new Result();
        r.code = process.waitFor();
        r.err = Files.readString(stderr);
        String last = "";
        try (java.io.BufferedReader in = Files.newBufferedReader(stdout)) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                last = l;
            }
        }
        r.lastLine = last;
        return r;
    }
}
