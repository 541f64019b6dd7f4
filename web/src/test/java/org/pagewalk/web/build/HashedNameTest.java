package org.pagewalk.web.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashedNameTest {
    @Test
    void theHashIsTheContentsSha256BeforeTheExtension() {
        // SHA-256("abc") = ba7816bf 8f01cfea ... (FIPS 180-2, appendix B.1).
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("pagewalk.ba7816bf.js", HashedName.of("pagewalk.js", abc));
        assertEquals("pagewalk.wasm-runtime.ba7816bf.js", HashedName.of("pagewalk.wasm-runtime.js", abc));
        // SHA-256("") = e3b0c442 98fc1c14 ...
        assertEquals("pagewalk-bench.e3b0c442.wasm", HashedName.of("pagewalk-bench.wasm", new byte[0]));
    }

    @Test
    void aHashedNameIsRecognisedAndItsPlainNameRecovered() {
        assertTrue(HashedName.isHashed("pagewalk.ba7816bf.js"));
        assertTrue(HashedName.isHashed("pagewalk.wasm-runtime.ba7816bf.js"));
        assertEquals("pagewalk.wasm-runtime.js", HashedName.plain("pagewalk.wasm-runtime.ba7816bf.js"));
        assertEquals("pagewalk-full.js", HashedName.plain("pagewalk-full.0123abcd.js"));
        for (String plain : new String[] {"pagewalk.js", "pagewalk.wasm-runtime.js", "boot.js", "index.html",
            "pagewalk.BA7816BF.js", "pagewalk.ba7816b.js", "pagewalk.ba7816bf0.js", "ba7816bf.js"}) {
            assertFalse(HashedName.isHashed(plain), plain);
            assertEquals(plain, HashedName.plain(plain));
        }
    }

    @Test
    void aNameWithoutExtensionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HashedName.of("pagewalk", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> HashedName.of(".js", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> HashedName.of("pagewalk.", new byte[0]));
    }
}
