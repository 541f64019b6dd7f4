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

/**
 * One paused {@code qemu-system-i386} (Debian's qemu-system-x86) as a reference MMU: physical
 * memory written through its gdbstub, control registers set through the gdbstub's {@code P}
 * packets (CR3, CR4, then CR0; numbers from its target.xml: cr0 = 19, cr3 = 21, cr4 = 22), and
 * the monitor's debug walk read through QMP's {@code human-monitor-command}. The CPU never runs:
 * continuing would start the BIOS under the test's page tables. Closing kills the process.
 */
final class Qemu implements AutoCloseable {
    static final String BINARY = "/usr/bin/qemu-system-i386";
    private final int cr0Number;
    private final int cr3Number;
    private final int cr4Number;

    private final Process process;
    private final Path dir;
    private final SocketChannel gdbChannel;
    private final InputStream gdbIn;
    private final OutputStream gdbOut;
    private final BufferedReader qmpIn;
    private final OutputStream qmpOut;

    Qemu() throws IOException, InterruptedException {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException(BINARY + " is missing: run ./test.sh, which installs Debian's "
                    + "qemu-system-x86, or apt-get install qemu-system-x86 yourself");
        }
        dir = Files.createTempDirectory("pagewalk-qemu");
        Path image = dir.resolve("zero.bin");
        Files.write(image, new byte[4096]);
        Path gdb = dir.resolve("gdb.sock");
        Path qmp = dir.resolve("qmp.sock");
        // We listen and QEMU connects (its chardevs in client mode): accepting is a wait on the
        // connection itself, with a deadline, rather than polling for socket files to appear.
        ServerSocketChannel gdbServer = listen(gdb);
        ServerSocketChannel qmpServer = listen(qmp);
        process = new ProcessBuilder(BINARY, "-M", "pc", "-accel", "tcg", "-cpu", "qemu32", "-m", "16", "-S",
                "-nodefaults", "-no-user-config", "-vga", "none", "-display", "none", "-monitor", "none", "-serial",
                "none", "-parallel", "none", "-device", "loader,file=" + image + ",addr=0,force-raw=on",
                "-chardev", "socket,id=gdb0,path=" + gdb, "-gdb", "chardev:gdb0",
                "-chardev", "socket,id=qmp0,path=" + qmp, "-mon", "chardev=qmp0,mode=control")
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
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
     * Writes physical memory, at most 256 bytes a packet. The gdbstub writes linear addresses,
     * so paging goes off first (CR0 = PE | ET); {@link #controlRegisters} turns it on again.
     */
    void write(int physical, byte[] bytes) throws IOException {
        setRegister(cr0Number, 0x00000011);
        for (int at = 0; at < bytes.length; at += 256) {
            int n = Math.min(256, bytes.length - at);
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
        String hex = gdb("p" + Integer.toHexString(cr3Number));
        return Integer.reverseBytes(Integer.parseUnsignedInt(hex.substring(0, 8), 16));
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
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
