package org.pagewalk.exercise;

/**
 * The exercises' one random source: Marsaglia's 32-bit xorshift (2003) in {@code int}
 * arithmetic only, so the JVM, TeaVM's JavaScript and its WebAssembly produce the same numbers
 * from the same seed (no {@code long}, no {@code java.util.Random}).
 */
public final class Prng {
    private int state;

    public Prng(int seed) {
        // A zero state would stay zero forever.
        state = seed == 0 ? 0x9E3779B9 : seed;
        // Nearby seeds start far apart after a few rounds.
        for (int i = 0; i < 4; i++) {
            next();
        }
    }

    public int next() {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        state = x;
        return x;
    }

    /** Uniform enough in [0, bound); bound must be positive. */
    public int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        return Integer.remainderUnsigned(next(), bound);
    }

    /** True once in {@code n} draws on average. */
    public boolean oneIn(int n) {
        return below(n) == 0;
    }
}
