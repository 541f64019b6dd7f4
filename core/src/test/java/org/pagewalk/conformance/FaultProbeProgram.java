package org.pagewalk.conformance;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault-conformance guest, {@code conformance/faultprobe.S}, assembled at test time with
 * binutils ({@code as --32}, {@code ld -m elf_i386}, {@code objcopy}, {@code nm}). Its memory
 * layout is fixed here and handed to the assembler as symbols, so this class is the one place
 * for it. Everything lives in the reserved region below 64 KiB, which PDE 0 maps (identity,
 * supervisor-only but for the one page the CPL 3 accesses run from) and which no generated entry
 * reaches. Missing tools fail the test with a pointer to ./test.sh, which installs binutils.
 */
final class FaultProbeProgram {
    /** The program's physical region, identity-mapped through PDE 0. */
    static final int REGION_END = 0x10000;
    static final int LOAD = 0x1000;
    /** The page a CPL 3 access runs from: user, read-only. */
    static final int USER_PAGE = 0x3000;
    static final int HEADER = 0x7000;
    static final int LIST = 0x8000;
    static final int RESULTS = 0xA000;
    static final int MAX_ACCESSES = (RESULTS - LIST) / 16;
    static final int STACK_TOP = 0xE000;
    /** PDE 0's page table. */
    static final int RESERVED_TABLE = 0xF000;

    final byte[] code;
    /** The address of {@code finish}, where the harness's breakpoint ends a run. */
    final int finish;

    private FaultProbeProgram(byte[] code, int finish) {
        this.code = code;
        this.finish = finish;
    }

    static FaultProbeProgram assemble() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pagewalk-faultprobe");
        try {
            Path source = dir.resolve("faultprobe.S");
            try (InputStream in = FaultProbeProgram.class.getResourceAsStream("/conformance/faultprobe.S")) {
                if (in == null) {
                    throw new IllegalStateException("the test resource conformance/faultprobe.S is missing");
                }
                Files.copy(in, source);
            }
            List<String> as = new ArrayList<>(List.of(tool("as"), "--32", "-o", "faultprobe.o"));
            int[] values = {LOAD, USER_PAGE, HEADER, LIST, RESULTS, STACK_TOP};
            String[] names = {"LOAD", "USER_PAGE", "HEADER", "LIST", "RESULTS", "STACK_TOP"};
            for (int i = 0; i < names.length; i++) {
                as.add("--defsym");
                as.add(names[i] + "=0x" + Integer.toHexString(values[i]));
            }
            as.add("faultprobe.S");
            run(dir, as);
            run(dir, List.of(tool("ld"), "-m", "elf_i386", "-Ttext=0x" + Integer.toHexString(LOAD), "-e", "_start",
                    "-o", "faultprobe.elf", "faultprobe.o"));
            run(dir, List.of(tool("objcopy"), "-O", "binary", "faultprobe.elf", "faultprobe.bin"));
            String nm = run(dir, List.of(tool("nm"), "faultprobe.elf"));
            int finish = -1;
            for (String line : nm.split("\n")) {
                String[] p = line.trim().split("\\s+");
                if (p.length == 3 && p[2].equals("finish")) {
                    finish = Integer.parseUnsignedInt(p[0], 16);
                }
            }
            byte[] code = Files.readAllBytes(dir.resolve("faultprobe.bin"));
            if (finish < 0 || LOAD + code.length > HEADER) {
                throw new IllegalStateException("faultprobe.S built " + code.length + " bytes from 0x"
                        + Integer.toHexString(LOAD) + " (the header is at 0x" + Integer.toHexString(HEADER)
                        + ") with finish at " + finish);
            }
            return new FaultProbeProgram(code, finish);
        } finally {
            ScratchDirectory.delete(dir);
        }
    }

    private static String tool(String name) {
        String path = "/usr/bin/" + name;
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(path + " is missing: run ./test.sh, which installs Debian's binutils, "
                    + "or apt-get install binutils yourself");
        }
        return path;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
