package org.pagewalk.web.server;

import org.pagewalk.web.build.HashedName;

/**
 * How long a browser may keep a file of the site without asking again. A content-hashed bundle
 * (pagewalk.ba7816bf.js) never changes under its name, so a year, with no revalidation: a reload
 * then takes it, and the code Chromium compiled from it (V8's code cache, the Wasm module cache),
 * from the cache. Every other file (index.html, boot.js, which names the bundles, styles,
 * scenarios) is revalidated each time, so a plain reload after a rebuild shows the new build.
 */
final class CacheLifetime {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private CacheLifetime() {
    }

    /** The Cache-Control of a served file, from its name (no folder). */
    static String of(String fileName) {
        return fileName != null && HashedName.isHashed(fileName) ? IMMUTABLE : REVALIDATE;
    }
}
