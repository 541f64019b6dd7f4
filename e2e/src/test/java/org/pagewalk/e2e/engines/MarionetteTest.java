package org.pagewalk.e2e.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Marionette client against a scripted server speaking the wire format from Firefox's
 * documentation ({@code LENGTH:JSON}, a hello, {@code [0, id, name, params]} answered by
 * {@code [1, id, error, result]}), with multi-byte text so lengths are counted in bytes.
 */
class MarionetteTest {

    /** Serves one connection: the hello, then each scripted answer after reading one command. */
    private static CompletableFuture<List<String>> serve(ServerSocket server, String hello, String... answers) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> commands = new ArrayList<>();
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                frame(out, hello);
                for (String answer : answers) {
                    commands.add(read(in));
                    frame(out, answer);
                }
                return commands;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void frame(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String read(InputStream in) throws IOException {
        int length = 0;
        for (int c = in.read(); c != ':'; c = in.read()) {
            length = length * 10 + (c - '0');
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < length; i++) {
            body.write(in.read());
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandIsFramedInBytesAndItsResultIsReturned() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> seen = serve(server, "{\"applicationType\":\"gecko\",\"marionetteProtocol\":3}",
                    "[1,1,null,{\"value\":\"0x08048004 → 0x00600004\"}]");
            try (Marionette m = new Marionette(server.getLocalPort())) {
                Object value = m.value("WebDriver:ExecuteScript", Map.of("script", "return 'é';", "args", List.of()));
                assertEquals("0x08048004 → 0x00600004", value, "a result with a 3-byte character read whole");
            }
            List<?> command = (List<?>) new org.openqa.selenium.json.Json().toType(seen.get(10, TimeUnit.SECONDS).get(0), Object.class);
            assertEquals(List.of(0L, 1L, "WebDriver:ExecuteScript"), command.subList(0, 3));
            assertEquals("return 'é';", ((Map<?, ?>) command.get(3)).get("script"));
        }
    }

    @Test
    void anErrorAnswerBecomesAnExceptionWithItsCodeAndMessage() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serve(server, "{\"applicationType\":\"gecko\",\"marionetteProtocol\":3}",
                    "[1,1,{\"error\":\"no such element\",\"message\":\"Unable to locate element: //button\"},null]");
            try (Marionette m = new Marionette(server.getLocalPort())) {
                Marionette.MarionetteException e = assertThrows(Marionette.MarionetteException.class,
                        () -> m.command("WebDriver:FindElement", Map.of("using", "xpath", "value", "//button")));
                assertEquals("WebDriver:FindElement: no such element: Unable to locate element: //button", e.getMessage());
            }
        }
    }

    @Test
    void aServerThatIsNotFirefoxIsRefused() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serve(server, "{\"applicationType\":\"something-else\"}");
            IOException e = assertThrows(IOException.class, () -> new Marionette(server.getLocalPort()));
            assertTrue(e.getMessage().startsWith("not a Marionette server"), e.getMessage());
        }
    }
}
