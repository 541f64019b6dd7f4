package org.pagewalk.text;

/** Sizes with binary units, as the page prints them: 4 KiB, 4 MiB, 32 MiB, 4 GiB. */
public final class Sizes {
    private Sizes() {
    }

    /** A size given in 4 KiB frames (so 4 GiB fits an int). */
    public static String ofFrames(int frames) {
        if (frames % (1 << 18) == 0 && frames != 0) {
            return (frames >>> 18) + " GiB";
        }
        if (frames % (1 << 8) == 0 && frames != 0) {
            return (frames >>> 8) + " MiB";
        }
        return Integer.toUnsignedString(frames * 4) + " KiB";
    }

    /** A size in bytes below 4 GiB. */
    public static String ofBytes(int bytes) {
        if (bytes != 0 && (bytes & 0x3FFFFFFF) == 0) {
            return (bytes >>> 30) + " GiB";
        }
        if (bytes != 0 && (bytes & 0xFFFFF) == 0) {
            return (bytes >>> 20) + " MiB";
        }
        if (bytes != 0 && (bytes & 0x3FF) == 0) {
            return (bytes >>> 10) + " KiB";
        }
        return Integer.toUnsignedString(bytes) + " B";
    }
}
