package org.pagewalk.share;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class ShareTextTest {

    @Test
    void base64UrlIsTheJdksUrlAlphabetWithoutPadding() {
        Random r = new Random(42);
        for (int n = 0; n < 200; n++) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            String jdk = Base64.getUrlEncoder().withoutPadding().encodeToString(data);
            assertEquals(jdk, Base64Url.encode(data));
            assertArrayEquals(data, Base64Url.decode("xyz" + jdk, 3));
        }
        assertNull(Base64Url.decode("ab+c", 0), "+ is the other alphabet's");
        assertNull(Base64Url.decode("abcde", 0), "five characters are no whole encoding");
        assertNull(Base64Url.decode("ab\u00e9c", 0));
    }

    @Test
    void aLinkIsPackedAndReadBack() {
        String log = DeflateTest.log(10_000) + "\n# Grüße → Ω";
        String value = ShareText.encode(log);
        assertEquals('~', value.charAt(0));
        assertEquals(log, ShareText.decode(value));
        int plain = Base64.getUrlEncoder().withoutPadding().encodeToString(log.getBytes(StandardCharsets.UTF_8)).length();
        assertTrue(value.length() * 6 < plain, value.length() + " characters instead of " + plain);
    }

    @Test
    void aPlainLinkOfEarlierVersionsStillReads() {
        String log = "# pagewalk-session 1\nboot ceanos\ninit_mm\nmemMapPage 0x40000000 0x00700000 WRITE";
        assertEquals(log, ShareText.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(log.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aLinkPackedByAnotherEncoderReads() {
        String log = DeflateTest.log(500);
        byte[] zlib = DeflateTest.jdkDeflate(log.getBytes(StandardCharsets.UTF_8), 9, Deflater.DEFAULT_STRATEGY);
        assertEquals(log, ShareText.decode("~" + Base64.getUrlEncoder().withoutPadding().encodeToString(zlib)));
    }

    @Test
    void aDamagedLinkSaysWhatIsWrong() {
        assertEquals("not base64url text", assertThrows(IllegalArgumentException.class, () -> ShareText.decode("***")).getMessage());
        assertEquals("not base64url text", assertThrows(IllegalArgumentException.class, () -> ShareText.decode("~a*b")).getMessage());
        String cut = ShareText.encode(DeflateTest.log(200));
        assertEquals("it ends in the middle of a block", assertThrows(IllegalArgumentException.class,
                () -> ShareText.decode(cut.substring(0, cut.length() / 2))).getMessage());
        // 64 MiB of one letter packs to ~64 KB: a link of that is refused, not unpacked.
        byte[] big = new byte[64 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        String bomb = "~" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(DeflateTest.jdkDeflate(big, 9, Deflater.DEFAULT_STRATEGY));
        assertEquals("it holds more than 4 MiB of text (the most a link may carry)",
                assertThrows(IllegalArgumentException.class, () -> ShareText.decode(bomb)).getMessage());
    }
}
