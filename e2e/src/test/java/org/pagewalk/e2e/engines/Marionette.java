package org.pagewalk.e2e.engines;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;

/**
 * A client for Marionette, the automation protocol built into Firefox (started with
 * {@code --marionette}), so Firefox can be driven with nothing downloaded: Debian packages
 * {@code firefox-esr} but no geckodriver. Only what the cross-engine tests use.
 *
 * <p>The protocol (Firefox's remote/marionette documentation): a TCP connection on which each
 * message is {@code LENGTH ":" JSON}, LENGTH the byte count in decimal. On connect the server
 * sends {@code {"applicationType": "gecko", "marionetteProtocol": 3}}. A command is
 * {@code [0, id, name, params]}; its answer {@code [1, id, error, result]}, where error is null
 * or {@code {"error": code, "message": ...}}. Command names are the W3C WebDriver commands with a
 * {@code WebDriver:} prefix and the same parameters; a session starts with
 * {@code WebDriver:NewSession}.
 */
final class Marionette implements Closeable {
    private static final Json JSON = new Json();
    /** W3C WebDriver's key for an element reference, which Marionette uses too. */
    static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    /** Larger answers are a bug on one side; a screenshot of a big window is a few MB. */
    private static final int MAX_MESSAGE = 64 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int nextId = 1;

    Marionette(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        Map<?, ?> hello = (Map<?, ?>) JSON.toType(read(), Object.class);
        if (!"gecko".equals(hello.get("applicationType"))) {
            throw new IOException("not a Marionette server on port " + port + ": " + hello);
        }
    }

    /** Sends one command and returns its result; a Marionette error becomes a {@link MarionetteException}. */
    synchronized Object command(String name, Map<String, ?> params) {
        int id = nextId++;
        try {
            byte[] body = JSON.toJson(List.of(0, id, name, params)).getBytes(StandardCharsets.UTF_8);
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            List<?> answer = (List<?>) JSON.toType(read(), Object.class);
            if (((Number) answer.get(1)).intValue() != id) {
                throw new IOException("answer " + answer.get(1) + " to command " + id);
            }
            if (answer.get(2) != null) {
                throw new MarionetteException(name, (Map<?, ?>) answer.get(2));
            }
            return answer.get(3);
        } catch (IOException e) {
            throw new IllegalStateException("Marionette " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** The {@code value} of a command's result (most WebDriver commands wrap their answer in one). */
    Object value(String name, Map<String, ?> params) {
        Object result = command(name, params);
        return result instanceof Map ? ((Map<?, ?>) result).get("value") : result;
    }

    private String read() throws IOException {
        int length = 0;
        for (int c = in.read(); c != ':'; c = in.read()) {
            if (c < '0' || c > '9' || length > MAX_MESSAGE / 10) {
                throw new IOException(c < 0 ? "Marionette closed the connection" : "bad message length");
            }
            length = length * 10 + (c - '0');
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length);
        byte[] buffer = new byte[8192];
        while (body.size() < length) {
            int n = in.read(buffer, 0, Math.min(buffer.length, length - body.size()));
            if (n < 0) {
                throw new IOException("Marionette closed the connection mid-message");
            }
            body.write(buffer, 0, n);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An error Marionette answered with, e.g. "no such element" or "javascript error". */
    static final class MarionetteException extends RuntimeException {
        MarionetteException(String command, Map<?, ?> error) {
            super(command + ": " + error.get("error") + ": " + error.get("message"));
        }
    }
}
