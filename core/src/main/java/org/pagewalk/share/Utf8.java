package org.pagewalk.share;

/**
 * UTF-8 by hand: {@code String.getBytes(UTF_8)} and {@code new String(bytes, UTF_8)} bring TeaVM's
 * charset classes (encoders, decoders, buffers) into the page's bundle, about 10 KB gzip for two calls.
 */
final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    static byte[] encode(String s) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i);
            if (Character.isHighSurrogate((char) c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, s.charAt(++i));
            } else if (Character.isSurrogate((char) c)) {
                c = REPLACEMENT; // half a pair stands for nothing
            }
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >>> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                out[n++] = (byte) (0xE0 | c >>> 12);
                out[n++] = (byte) (0x80 | c >>> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | c >>> 18);
                out[n++] = (byte) (0x80 | c >>> 12 & 0x3F);
                out[n++] = (byte) (0x80 | c >>> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The text of UTF-8 bytes; a byte that does not begin a well-formed sequence reads as U+FFFD. */
    static String decode(byte[] b) {
        StringBuilder s = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int more;
            int min;
            if (c < 0x80) {
                s.append((char) c);
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
                min = 0x80;
                c &= 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                min = 0x800;
                c &= 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                min = 0x10000;
                c &= 0x07;
            } else {
                s.append(REPLACEMENT);
                i++;
                continue;
            }
            int k = 1;
            while (k <= more && i + k < b.length && (b[i + k] & 0xC0) == 0x80) {
                c = c << 6 | (b[i + k] & 0x3F);
                k++;
            }
            // Cut short, overlong, a surrogate's code or beyond U+10FFFF: the lead byte alone is replaced.
            if (k <= more || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
                s.append(REPLACEMENT);
                i++;
                continue;
            }
            s.appendCodePoint(c);
            i += more + 1;
        }
        return s.toString();
    }
}
