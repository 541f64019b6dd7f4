package org.pagewalk.share;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Deflate and Inflate against the JDK's zlib (java.util.zip), the independent reading of RFC 1951. */
class DeflateTest {

    /** What the JDK's inflater makes of a raw stream. */
    private static byte[] jdkInflate(byte[] packed) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        // With nowrap the JDK's inflater may need one byte past the stream (its documentation: a "dummy" byte).
        inflater.setInput(java.util.Arrays.copyOf(packed, packed.length + 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("the stream ends before its last block");
            }
            out.write(buffer, 0, n);
        }
        assertTrue(inflater.getRemaining() <= 1, "no bytes after the last block but the dummy");
        inflater.end();
        return out.toByteArray();
    }

    /** What the JDK's deflater (zlib) makes of the data: raw, at that level and strategy. */
    static byte[] jdkDeflate(byte[] data, int level, int strategy) {
        Deflater deflater = new Deflater(level, true);
        deflater.setStrategy(strategy);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Inputs that reach every kind of match: none, short, the longest (258), the farthest (32,768 back). */
    private static byte[][] samples() {
        Random r = new Random(1201);
        byte[] random = new byte[70_000];
        r.nextBytes(random);
        byte[] small = new byte[70_000];
        for (int k = 0; k < small.length; k++) {
            small[k] = (byte) "ab\n0x".charAt(r.nextInt(5));
        }
        byte[] far = new byte[100_000];
        byte[] block = new byte[32_768];
        r.nextBytes(block);
        for (int k = 0; k < far.length; k++) {
            far[k] = block[k % block.length]; // every match exactly 32,768 back
        }
        byte[] zeros = new byte[100_000];
        return new byte[][] {new byte[0], {7}, {1, 2}, {1, 2, 3}, {9, 9, 9, 9, 9, 9}, random, small, far, zeros,
            log(10_000).getBytes(StandardCharsets.UTF_8), "Grüße, 0x08048000 → Ω\n".repeat(500).getBytes(StandardCharsets.UTF_8)};
    }

    /** A session log of {@code n} lines, as a share link carries it. */
    static String log(int n) {
        StringBuilder s = new StringBuilder("# pagewalk-session 1\nboot ceanos\ninit_mm");
        for (int k = 0, lines = 2; lines < n; k++) {
            String page = String.format("0x%08X", 0x08048000 + k * 4096);
            s.append("\nmemMapPage ").append(page).append(String.format(" 0x%08X", 0x00400000 + k * 4096)).append(" USER|WRITE");
            s.append("\nwrite user ").append(page).append(' ').append(k).append("\nread user ").append(page);
            lines += 3;
        }
        return s.toString();
    }

    @Test
    void theJdkInflatesWhatDeflateWrites() throws DataFormatException {
        for (byte[] data : samples()) {
            byte[] packed = Deflate.compress(data, data.length);
            assertArrayEquals(data, jdkInflate(packed), "length " + data.length);
            assertArrayEquals(data, Inflate.decompress(packed, 1 << 20));
        }
    }

    @Test
    void matchesMakeALogSmall() {
        byte[] data = log(10_000).getBytes(StandardCharsets.UTF_8);
        int ours = Deflate.compress(data, data.length).length;
        int zlib = jdkDeflate(data, 9, Deflater.DEFAULT_STRATEGY).length;
        assertTrue(ours * 6 < data.length, ours + " of " + data.length);
        assertTrue(ours < zlib * 11 / 10, "within a tenth of zlib's best: " + ours + " vs " + zlib);
    }

    @Test
    void inflateReadsEveryBlockTypeTheJdkWrites() {
        int[][] settings = {{0, Deflater.DEFAULT_STRATEGY}, {1, Deflater.DEFAULT_STRATEGY}, {6, Deflater.FILTERED},
            {9, Deflater.DEFAULT_STRATEGY}, {9, Deflater.HUFFMAN_ONLY}};
        for (byte[] data : samples()) {
            for (int[] s : settings) {
                byte[] packed = jdkDeflate(data, s[0], s[1]);
                assertArrayEquals(data, Inflate.decompress(packed, 1 << 20), "level " + s[0] + " strategy " + s[1]);
            }
        }
    }

    @Test
    void aStreamCutShortSaysSo() {
        byte[] data = log(300).getBytes(StandardCharsets.UTF_8);
        byte[] packed = jdkDeflate(data, 9, Deflater.DEFAULT_STRATEGY);
        for (int cut = 0; cut < packed.length; cut += Math.max(1, packed.length / 50)) {
            byte[] shorter = java.util.Arrays.copyOf(packed, cut);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inflate.decompress(shorter, 1 << 20));
            assertTrue(e.getMessage().startsWith("it ends in the middle of a block"), e.getMessage());
        }
    }

    @Test
    void malformedStreamsSayWhatIsWrong() {
        assertEquals("a block of the reserved type 3",
                assertThrows(IllegalArgumentException.class, () -> Inflate.decompress(new byte[] {0x07}, 100)).getMessage());
        // A stored block (final, type 0) whose length 5 is not the complement of its check 0.
        assertEquals("a stored block whose length does not match its check", assertThrows(IllegalArgumentException.class,
                () -> Inflate.decompress(new byte[] {0x01, 5, 0, 0, 0, 1, 2, 3, 4, 5}, 100)).getMessage());
        // A fixed block whose first code is a match of distance 1 with nothing written yet: 0000001 (257) then 00000.
        byte[] early = {0x03 | 0 << 3, 0x02, 0x00};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inflate.decompress(early, 100));
        assertEquals("a match reaching back before the start", e.getMessage());
        Random r = new Random(5);
        for (int k = 0; k < 2000; k++) {
            byte[] junk = new byte[1 + r.nextInt(64)];
            r.nextBytes(junk);
            try {
                Inflate.decompress(junk, 1 << 16); // junk may happen to be a stream: then it must simply be read
            } catch (IllegalArgumentException expected) {
                assertTrue(!expected.getMessage().isEmpty());
            }
        }
    }

    @Test
    void aSmallStreamThatUnpacksPastTheLimitStops() {
        byte[] bomb = jdkDeflate(new byte[10 << 20], 9, Deflater.DEFAULT_STRATEGY);
        assertTrue(bomb.length < 20_000, "10 MiB of zeros pack small: " + bomb.length);
        assertThrows(Inflate.TooLong.class, () -> Inflate.decompress(bomb, 4 << 20));
        assertEquals(4 << 20, Inflate.decompress(jdkDeflate(new byte[4 << 20], 9, Deflater.DEFAULT_STRATEGY), 4 << 20).length,
                "exactly the limit is allowed");
    }
}
