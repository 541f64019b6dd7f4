package org.pagewalk.web.views;

import org.pagewalk.text.Chars;

/**
 * Colours as 0xRRGGBB ints: parsed from the CSS tokens, mixed for tints, and packed for
 * ImageData. No String.format and no regex (TeaVM bundle size).
 */
final class Colors {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Colors() {
    }

    /** {@code #rgb}, {@code #rrggbb} or {@code rgb(r, g, b)}; {@code fallback} for anything else. */
    static int parse(String css, int fallback) {
        if (css == null) {
            return fallback;
        }
        String s = css.trim();
        if (s.length() == 7 && s.charAt(0) == '#') {
            int v = hex(s, 1, 6);
            return v < 0 ? fallback : v;
        }
        if (s.length() == 4 && s.charAt(0) == '#') {
            int v = hex(s, 1, 3);
            if (v < 0) {
                return fallback;
            }
            int r = (v >> 8) & 0xF;
            int g = (v >> 4) & 0xF;
            int b = v & 0xF;
            return (r * 17) << 16 | (g * 17) << 8 | b * 17;
        }
        if (s.startsWith("rgb")) {
            int open = s.indexOf('(');
            int[] parts = new int[3];
            int n = 0;
            int value = -1;
            for (int i = open + 1; i < s.length() && n < 3; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                } else if (value >= 0) {
                    parts[n++] = Math.min(255, value);
                    value = -1;
                    if (c == '.') {
                        // A fraction: skip its digits.
                        while (i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
                            i++;
                        }
                    }
                }
            }
            return n == 3 ? parts[0] << 16 | parts[1] << 8 | parts[2] : fallback;
        }
        return fallback;
    }

    private static int hex(String s, int from, int digits) {
        int v = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Chars.hexDigit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** {@code #rrggbb}, for canvas fill and stroke styles. */
    static String css(int rgb) {
        char[] out = new char[7];
        out[0] = '#';
        for (int i = 0; i < 6; i++) {
            out[6 - i] = HEX[(rgb >>> (i * 4)) & 0xF];
        }
        return new String(out);
    }

    /** {@code a} blended toward {@code b} by {@code percent} (0 = a, 100 = b). */
    static int mix(int a, int b, int percent) {
        int p = Math.max(0, Math.min(100, percent));
        int r = (((a >> 16) & 0xFF) * (100 - p) + ((b >> 16) & 0xFF) * p) / 100;
        int g = (((a >> 8) & 0xFF) * (100 - p) + ((b >> 8) & 0xFF) * p) / 100;
        int bl = ((a & 0xFF) * (100 - p) + (b & 0xFF) * p) / 100;
        return r << 16 | g << 8 | bl;
    }

    /** One ImageData pixel as an Int32Array element: bytes R, G, B, A in memory (little-endian). */
    static int pixel(int rgb) {
        return 0xFF000000 | (rgb & 0xFF) << 16 | (rgb & 0xFF00) | (rgb >>> 16) & 0xFF;
    }

    /** Relative luminance, 0..1000 (to pick dark or light text on a fill). */
    static int luminance(int rgb) {
        return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 255;
    }
}
