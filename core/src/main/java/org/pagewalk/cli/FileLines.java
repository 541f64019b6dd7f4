package org.pagewalk.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.pagewalk.scenario.LineSource;

/**
 * A scenario file read one line at a time, split at {@code \n} only (a {@code \r} stays in its
 * line, where the scenario language takes it as a blank, exactly as when the page splits a whole
 * text). Bytes that are not UTF-8 become U+FFFD. A read error is an {@link UncheckedIOException}.
 */
final class FileLines implements LineSource, Closeable {
    private final BufferedReader in;
    private final StringBuilder line = new StringBuilder();
    private boolean ended;

    FileLines(String file) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(Files.newInputStream(Paths.get(file)), StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public String next() {
        if (ended) {
            return null;
        }
        line.setLength(0);
        if (line.capacity() > 1 << 16) {
            line.trimToSize(); // one huge line must not keep its buffer for the rest of the file
        }
        try {
            for (int c = in.read(); ; c = in.read()) {
                if (c < 0) {
                    ended = true;
                    return line.toString();
                }
                if (c == '\n') {
                    return line.toString();
                }
                line.append((char) c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
