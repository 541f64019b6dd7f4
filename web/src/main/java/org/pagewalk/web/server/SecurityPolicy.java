package org.pagewalk.web.server;

/**
 * The page's Content-Security-Policy and the other security headers, in one place. The same
 * policy, without {@code frame-ancestors}, is in the {@code <meta>} tag of every page in static/
 * (SecurityPolicyMetaTest keeps the copies equal), so a plain static host enforces it too.
 */
final class SecurityPolicy {
    /** Course sites embed the page in an iframe (docs/EMBEDDING.md), so any ancestor by default. */
    static final String ANY_ANCESTOR = "*";

    /**
     * Everything from the page's own origin only; no inline script or style, no plugins.
     * script-src: 'wasm-unsafe-eval' lets the WebAssembly build compile; 'unsafe-eval' is there
     * because TeaVM 0.16's wasm-gc runtime (pagewalk.wasm-runtime.js) builds its JavaScript glue,
     * @JSBody methods included, with {@code new Function} while it loads. Without it the Wasm
     * engine cannot start. Drop it when TeaVM stops doing that. connect-src 'self' covers the
     * runtime's fetch of pagewalk.wasm (WebAssembly.compileStreaming).
     */
    static final String PAGE_POLICY = "default-src 'self'; "
            + "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; "
            + "style-src 'self'; "
            + "img-src 'self'; "
            + "connect-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'none'; "
            + "form-action 'self'";

    static final String NOSNIFF = "nosniff";
    static final String NO_REFERRER = "no-referrer";

    private SecurityPolicy() {
    }

    /**
     * The header's policy: the page's, plus {@code frame-ancestors}, which a {@code <meta>} policy
     * may not carry (CSP Level 3
     * ignores it in a {@code <meta>} policy), so only the header says who may embed the page.
     */
    static String header(String frameAncestors) {
        return PAGE_POLICY + "; frame-ancestors " + frameAncestors;
    }
}
