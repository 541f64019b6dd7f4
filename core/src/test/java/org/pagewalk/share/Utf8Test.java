package org.pagewalk.share;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** UTF-8 by hand against the JDK's codec. */
class Utf8Test {

    @Test
    void wellFormedTextIsTheJdksUtf8BothWays() {
        Random r = new Random(7);
        int[] ranges = {0x7F, 0x7FF, 0xFFFF, 0x10FFFF};
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(40); k > 0; k--) {
                int cp = r.nextInt(ranges[r.nextInt(4)] + 1);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 'x';
                }
                s.appendCodePoint(cp);
            }
            String text = s.toString();
            byte[] jdk = text.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(jdk, Utf8.encode(text), text);
            assertEquals(text, Utf8.decode(jdk));
        }
    }

    @Test
    void halfASurrogatePairIsWrittenAsTheReplacementCharacter() {
        assertArrayEquals("a\uFFFDb".getBytes(StandardCharsets.UTF_8), Utf8.encode("a\uD800b"));
        assertArrayEquals("\uFFFD".getBytes(StandardCharsets.UTF_8), Utf8.encode("\uDC00"));
    }

    @Test
    void bytesThatAreNotUtf8ReadAsReplacementCharacters() {
        // A stray continuation byte, an overlong '/', a cut three-byte sequence, an encoded surrogate, beyond U+10FFFF.
        assertEquals("a\uFFFDb", Utf8.decode(new byte[] {'a', (byte) 0x80, 'b'}));
        assertEquals("\uFFFD\uFFFD/", Utf8.decode(new byte[] {(byte) 0xC0, (byte) 0xAF, '/'}));
        assertEquals("\uFFFD\uFFFDA", Utf8.decode(new byte[] {(byte) 0xE2, (byte) 0x82, 'A'}));
        assertEquals("\uFFFD\uFFFD\uFFFD", Utf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", Utf8.decode(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
        assertEquals("\uFFFD\uFFFD", Utf8.decode(new byte[] {(byte) 0xE2, (byte) 0x82}), "cut at the end");
    }
}
