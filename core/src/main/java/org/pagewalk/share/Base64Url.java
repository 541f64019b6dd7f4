package org.pagewalk.share;

/**
 * Base64 with the URL-safe alphabet and no padding (RFC 4648 §5): the bytes of a link's fragment.
 * Here rather than the browser's {@code atob}, which takes and gives strings of bytes, not arrays.
 */
public final class Base64Url {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int k = 0; k < ALPHABET.length; k++) {
            VALUES[ALPHABET[k]] = k;
        }
    }

    private Base64Url() {
    }

    public static String encode(byte[] data) {
        StringBuilder s = new StringBuilder((data.length * 4 + 2) / 3);
        int k = 0;
        for (; k + 3 <= data.length; k += 3) {
            int v = (data[k] & 0xFF) << 16 | (data[k + 1] & 0xFF) << 8 | (data[k + 2] & 0xFF);
            s.append(ALPHABET[v >>> 18]).append(ALPHABET[(v >>> 12) & 63]).append(ALPHABET[(v >>> 6) & 63]).append(ALPHABET[v & 63]);
        }
        int left = data.length - k;
        if (left > 0) {
            int v = (data[k] & 0xFF) << 16 | (left == 2 ? (data[k + 1] & 0xFF) << 8 : 0);
            s.append(ALPHABET[v >>> 18]).append(ALPHABET[(v >>> 12) & 63]);
            if (left == 2) {
                s.append(ALPHABET[(v >>> 6) & 63]);
            }
        }
        return s.toString();
    }

    /** The bytes of {@code text} from {@code from}, or null if it holds a character outside the alphabet or cannot be a whole encoding. */
    public static byte[] decode(String text, int from) {
        int n = text.length() - from;
        if (n % 4 == 1) {
            return null;
        }
        byte[] out = new byte[n / 4 * 3 + (n % 4 == 0 ? 0 : n % 4 - 1)];
        int o = 0;
        int v = 0;
        int have = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            int d = c < 128 ? VALUES[c] : -1;
            if (d < 0) {
                return null;
            }
            v = (v << 6) | d;
            have += 6;
            if (have >= 8) {
                have -= 8;
                out[o++] = (byte) (v >>> have);
            }
        }
        return out;
    }
}
