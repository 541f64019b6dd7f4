package org.pagewalk.web;

import org.teavm.classlib.PlatformDetector;

/**
 * Which TeaVM back end this code was compiled by. PlatformDetector is resolved at compile time,
 * so the answer is the build's own, not what the loader script meant to start.
 */
public final class Engine {
    private Engine() {
    }

    public static boolean isWasm() {
        return PlatformDetector.isWebAssemblyGC();
    }

    /** Shown to people. */
    public static String name() {
        return isWasm() ? "WebAssembly" : "JavaScript";
    }

    /** For attributes, URLs and tests: the same words as the page's {@code ?engine=} parameter. */
    public static String id() {
        return isWasm() ? "wasm" : "js";
    }
}
