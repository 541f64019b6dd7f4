package org.pagewalk.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The {@code #run=} value of share links as the tests make and read them, with the JDK's zlib: the
 * packed form ({@code ~} and the base64url of the raw DEFLATE of the UTF-8 text) and the plain one.
 */
final class SharedLogs {
    private SharedLogs() {
    }

    static String packed(String text) {
        Deflater d = new Deflater(9, true);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!d.finished()) {
            out.write(buffer, 0, d.deflate(buffer));
        }
        d.end();
        return "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a link the page wrote (packed). */
    static String read(String link) {
        String value = link.substring(link.indexOf("#run=") + 5);
        if (!value.startsWith("~")) {
            throw new AssertionError("not the packed form: " + link);
        }
        byte[] packed = Base64.getUrlDecoder().decode(value.substring(1));
        Inflater inflater = new Inflater(true);
        inflater.setInput(java.util.Arrays.copyOf(packed, packed.length + 1)); // nowrap: one byte past the stream
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new AssertionError("the stream ends before its last block: " + link);
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new AssertionError("not a DEFLATE stream: " + e.getMessage(), e);
        }
        inflater.end();
        return out.toString(StandardCharsets.UTF_8);
    }
}
