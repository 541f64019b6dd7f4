package org.pagewalk.conformance;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.Selector;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One paused {@code qemu-system-i386} (Debian's qemu-system-x86) as a reference MMU: physical
 * memory written through its gdbstub, control registers set through the gdbstub's {@code P}
 * packets (CR3, CR4, then CR0; numbers from its target.xml: cr0 = 19, cr3 = 21, cr4 = 22), and
 * the monitor's debug walk read through QMP's {@code human-monitor-command}. For the translation
 * harness the CPU never runs (continuing would start the BIOS under the test's page tables); the
 * fault harness loads a program and runs it from real mode to a breakpoint
 * ({@link #runFromRealMode}), then reads RAM through QMP. Closing kills the process.
 */
final class Qemu implements AutoCloseable {
    static final String BINARY = "/usr/bin/qemu-system-i386";
    private final int cr0Number;
    private final int cr3Number;
    private final int cr4Number;
    private final int eipNumber;
    private final int csNumber;

    private final Process process;
    private final Path dir;
    private final SocketChannel gdbChannel;
    private final InputStream gdbIn;
    private final OutputStream gdbOut;
    private final BufferedReader qmpIn;
    private final OutputStream qmpOut;

    /** A QEMU whose RAM reads zero: the translation harness writes its images through the gdbstub. */
    Qemu() throws IOException, InterruptedException {
        this(new byte[4096], null);
    }

    /**
     * A QEMU whose RAM holds {@code low} from physical 0 and {@code high} from 1 MiB (the 640 KiB
     * to 1 MiB hole is VGA and BIOS ROM, not RAM), loaded by loader devices before the CPU's first
     * instruction. {@code high} may be null.
     */
    Qemu(byte[] low, byte[] high) throws IOException, InterruptedException {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException(BINARY + " is missing: run ./test.sh, which installs Debian's "
                    + "qemu-system-x86, or apt-get install qemu-system-x86 yourself");
        }
        dir = Files.createTempDirectory("pagewalk-qemu");
        Path image = dir.resolve("low.bin");
        Files.write(image, low);
        List<String> command = new ArrayList<>(List.of(BINARY, "-M", "pc", "-accel", "tcg", "-cpu", "qemu32", "-m",
                "16", "-S", "-no-reboot", "-nodefaults", "-no-user-config", "-vga", "none", "-display", "none",
                "-monitor", "none", "-serial", "none", "-parallel", "none",
                "-device", "loader,file=" + image + ",addr=0,force-raw=on"));
        if (high != null) {
            Path highImage = dir.resolve("high.bin");
            Files.write(highImage, high);
            command.addAll(List.of("-device", "loader,file=" + highImage + ",addr=0x100000,force-raw=on"));
        }
        Path gdb = dir.resolve("gdb.sock");
        Path qmp = dir.resolve("qmp.sock");
        // We listen and QEMU connects (its chardevs in client mode): accepting is a wait on the
        // connection itself, with a deadline, rather than polling for socket files to appear.
        ServerSocketChannel gdbServer = listen(gdb);
        ServerSocketChannel qmpServer = listen(qmp);
        command.addAll(List.of("-chardev", "socket,id=gdb0,path=" + gdb, "-gdb", "chardev:gdb0",
                "-chardev", "socket,id=qmp0,path=" + qmp, "-mon", "chardev=qmp0,mode=control"));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
        gdbChannel = accept(gdbServer);
        SocketChannel q = accept(qmpServer);
        gdbIn = Channels.newInputStream(gdbChannel);
        gdbOut = Channels.newOutputStream(gdbChannel);
        // Without this the stub offers only the general registers: no P packets for CRs.
        gdb("qSupported:xmlRegisters=i386");
        String registers = xfer("target.xml") + xfer("i386-32bit.xml");
        cr0Number = registerNumber(registers, "cr0");
        cr3Number = registerNumber(registers, "cr3");
        cr4Number = registerNumber(registers, "cr4");
        eipNumber = registerNumber(registers, "eip");
        csNumber = registerNumber(registers, "cs");
        qmpIn = new BufferedReader(new InputStreamReader(Channels.newInputStream(q), StandardCharsets.UTF_8));
        qmpOut = Channels.newOutputStream(q);
        qmpIn.readLine(); // the greeting
        qmp("{\"execute\":\"qmp_capabilities\"}");
    }

    private static ServerSocketChannel listen(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return server;
    }

    /** The connection QEMU makes to {@code server}, or a failure with QEMU's log after 20 s. */
    private SocketChannel accept(ServerSocketChannel server) throws IOException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            if (selector.select(20_000) == 0 || !process.isAlive()) {
                throw new IllegalStateException("QEMU did not connect: " + Files.readString(dir.resolve("qemu.log")));
            }
            SocketChannel channel = server.accept();
            channel.configureBlocking(true);
            return channel;
        } finally {
            server.close();
        }
    }

    /**
     * Writes physical memory, at most 1 KiB a packet (2 KiB of hex: the stub takes packets up to 4 KiB). The gdbstub writes linear addresses,
     * so paging goes off first (CR0 = PE | ET); {@link #controlRegisters} turns it on again.
     */
    void write(int physical, byte[] bytes) throws IOException {
        setRegister(cr0Number, 0x00000011);
        for (int at = 0; at < bytes.length; at += 1024) {
            int n = Math.min(1024, bytes.length - at);
            StringBuilder sb = new StringBuilder("M").append(Integer.toHexString(physical + at)).append(',')
                    .append(Integer.toHexString(n)).append(':');
            for (int i = 0; i < n; i++) {
                int b = bytes[at + i] & 0xFF;
                sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
            }
            expectOk(sb.toString(), gdb(sb.toString()));
        }
    }

    /** CR3, CR4, then CR0, as the harness must (a PG=1 CR0 needs the others in place). */
    void controlRegisters(int cr0, int cr3, int cr4) throws IOException {
        setRegister(cr3Number, cr3);
        setRegister(cr4Number, cr4);
        setRegister(cr0Number, cr0);
    }

    private void setRegister(int number, int value) throws IOException {
        String packet = "P" + Integer.toHexString(number) + "=" + littleEndian(value);
        expectOk(packet, gdb(packet));
    }

    int cr3() throws IOException {
        return register(cr3Number);
    }

    private int register(int number) throws IOException {
        String hex = gdb("p" + Integer.toHexString(number));
        return Integer.reverseBytes(Integer.parseUnsignedInt(hex.substring(0, 8), 16));
    }

    /**
     * Starts the CPU in real mode at 0:{@code entry} (instead of the BIOS's reset vector) and runs
     * it until it reaches {@code stop}, a breakpoint. A real-mode CS written through the gdbstub
     * gets base = selector * 16; in protected mode the stub would read a descriptor, and no
     * packet sets GDTR, so the program itself enters protected mode. Fails with EIP after
     * {@code timeoutMillis}, or when QEMU exits (a triple fault: {@code -no-reboot}).
     */
    void runFromRealMode(int entry, int stop, long timeoutMillis) throws IOException {
        setRegister(csNumber, 0);
        setRegister(eipNumber, entry);
        expectOk("Z0", gdb("Z0," + Integer.toHexString(stop) + ",1"));
        gdbOut.write("$c#63".getBytes(StandardCharsets.US_ASCII));
        gdbOut.flush();
        if (gdbIn.read() != '+') {
            throw new IOException("the gdbstub did not acknowledge 'c'");
        }
        boolean stopped;
        gdbChannel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            gdbChannel.register(selector, SelectionKey.OP_READ);
            stopped = selector.select(timeoutMillis) > 0;
        }
        gdbChannel.configureBlocking(true);
        if (!stopped) {
            gdbOut.write(3);
            gdbOut.flush();
        }
        String reply = readPacket();
        if (reply.isEmpty()) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("QEMU exited while the program ran (a triple fault: -no-reboot): "
                    + Files.readString(dir.resolve("qemu.log")));
        }
        if (!stopped || !reply.startsWith("T05")) {
            throw new IllegalStateException("the program did not reach its breakpoint at 0x" + Integer.toHexString(stop)
                    + " (stop reply '" + reply + "', EIP " + register(eipNumber) + ")");
        }
        if (register(eipNumber) != stop) {
            throw new IllegalStateException("the program stopped at EIP 0x" + Integer.toHexString(register(eipNumber))
                    + ", not at its breakpoint 0x" + Integer.toHexString(stop));
        }
    }

    /** {@code length} bytes of physical memory from {@code physical}, through QMP's pmemsave. */
    byte[] readPhysical(int physical, int length) throws IOException {
        Path file = dir.resolve("pmem.bin");
        String reply = qmp("{\"execute\":\"pmemsave\",\"arguments\":{\"val\":" + physical + ",\"size\":" + length
                + ",\"filename\":\"" + file + "\"}}");
        if (!reply.contains("\"return\"")) {
            throw new IOException("QMP refused pmemsave: " + reply);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    /** A monitor command's output through QMP's human-monitor-command. */
    String monitor(String command) throws IOException {
        String reply = qmp("{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":\"" + command + "\"}}");
        int start = reply.indexOf("\"return\": \"");
        if (start < 0) {
            throw new IOException("QMP refused " + command + ": " + reply);
        }
        int end = reply.lastIndexOf('"');
        return reply.substring(start + 11, end).replace("\\r", "").replace("\\n", "\n");
    }

    /** A target description file, read in chunks ('m' more, 'l' last). */
    private String xfer(String file) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            String part = gdb("qXfer:features:read:" + file + ":" + Integer.toHexString(sb.length()) + ",800");
            if (part.isEmpty()) {
                throw new IOException("the gdbstub has no " + file);
            }
            sb.append(part, 1, part.length());
            if (part.charAt(0) == 'l') {
                return sb.toString();
            }
        }
    }

    /** The number of register {@code name}: its regnum, or one more than the register before it. */
    static int registerNumber(String xml, String name) {
        int number = -1;
        // QEMU 7.2's i386-32bit.xml comments out ss_base, ds_base and es_base: they have no number.
        for (String reg : xml.replaceAll("(?s)<!--.*?-->", "").split("<reg ")) {
            if (!reg.contains("name=")) {
                continue;
            }
            int at = reg.indexOf("regnum=\"");
            number = at >= 0 ? Integer.parseInt(reg.substring(at + 8, reg.indexOf('"', at + 8))) : number + 1;
            if (reg.startsWith("name=\"" + name + "\"")) {
                return number;
            }
        }
        throw new IllegalStateException("the gdbstub's target description names no register " + name);
    }

    private static String littleEndian(int v) {
        String s = Integer.toHexString(Integer.reverseBytes(v));
        return "00000000".substring(s.length()) + s;
    }

    private static void expectOk(String packet, String reply) throws IOException {
        if (!reply.equals("OK")) {
            throw new IOException("gdbstub answered '" + reply + "' to " + packet.substring(0, Math.min(40, packet.length())));
        }
    }

    private String gdb(String data) throws IOException {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += data.charAt(i);
        }
        String hex = Integer.toHexString(sum & 0xFF);
        gdbOut.write(("$" + data + "#" + (hex.length() == 1 ? "0" + hex : hex)).getBytes(StandardCharsets.US_ASCII));
        gdbOut.flush();
        return readPacket();
    }

    /** The next packet's data (acknowledged), skipping acknowledgements before it. */
    private String readPacket() throws IOException {
        int c;
        do {
            c = gdbIn.read();
        } while (c != '$' && c != -1);
        StringBuilder sb = new StringBuilder();
        while ((c = gdbIn.read()) != '#' && c != -1) {
            sb.append((char) c);
        }
        gdbIn.read();
        gdbIn.read();
        gdbOut.write('+');
        gdbOut.flush();
        return sb.toString();
    }

    private String qmp(String json) throws IOException {
        qmpOut.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        qmpOut.flush();
        while (true) {
            String line = qmpIn.readLine();
            if (line == null) {
                throw new IOException("QMP closed");
            }
            if (line.contains("\"return\"") || line.contains("\"error\"")) {
                return line;
            }
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gdbChannel.close();
        ScratchDirectory.delete(dir);
    }
}
