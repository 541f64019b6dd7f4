package org.pagewalk.share;

/**
 * The text a share link carries in {@code #run=} (docs/EMBEDDING.md, "Links"): written as
 * {@code ~} and the base64url of the UTF-8 text packed with DEFLATE; read in that form or as the
 * plain base64url of the text that links wrote before (and that a course page may still build by
 * hand). A session log packs to about a ninth: a 10,000-line log is a 38 KB link instead of 354 KB.
 */
public final class ShareText {
    /** Marks the packed form: not a base64url character, so no plain link starts with it. */
    public static final char PACKED = '~';
    /** The most a link may unpack to: twenty thousand lines (SessionLog.LIMIT) of 200 characters. */
    public static final int MAX_BYTES = 4 << 20;
    private static final String TOO_LONG = "it holds more than 4 MiB of text (the most a link may carry)";

    private ShareText() {
    }

    /** The fragment value of {@code text}: packed. */
    public static String encode(String text) {
        byte[] utf8 = Utf8.encode(text);
        return PACKED + Base64Url.encode(Deflate.compress(utf8, utf8.length));
    }

    /**
     * The text of a fragment value, packed or plain.
     *
     * @throws IllegalArgumentException with what is wrong (for "it is damaged: ...")
     */
    public static String decode(String value) {
        boolean packed = !value.isEmpty() && value.charAt(0) == PACKED;
        byte[] bytes = Base64Url.decode(value, packed ? 1 : 0);
        if (bytes == null) {
            throw new IllegalArgumentException("not base64url text");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(TOO_LONG);
        }
        if (packed) {
            try {
                bytes = Inflate.decompress(bytes, MAX_BYTES);
            } catch (Inflate.TooLong e) {
                throw new IllegalArgumentException(TOO_LONG);
            }
        }
        // Bytes that are not UTF-8 become U+FFFD, which the scenario parser then names with its line.
        return Utf8.decode(bytes);
    }
}
