package org.pagewalk.web.build;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bundle's file name with a hash of its content before the extension: pagewalk.js holding
 * "abc" is pagewalk.ba7816bf.js (the first 8 hex digits of its SHA-256). A file of that name
 * never changes (a rebuild with other content is another name), so the site server lets a
 * browser keep it for a year; the build (BundleHasher) gives the names, the server
 * (web.server.CacheLifetime) reads them, so both share this one definition.
 */
public final class HashedName {
    private static final int DIGITS = 8;
    private static final Pattern HASHED = Pattern.compile("(.+)\\.[0-9a-f]{" + DIGITS + "}(\\.[^./]+)");

    private HashedName() {
    }

    /** {@code name} ("pagewalk.js") with the hash of {@code content} before its extension. */
    public static String of(String name, byte[] content) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1 || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a bundle's file name needs a base and an extension, such as pagewalk.js: " + name);
        }
        return name.substring(0, dot) + "." + hash(content) + name.substring(dot);
    }

    /** Whether a file name (no folder) carries a content hash. */
    public static boolean isHashed(String fileName) {
        return HASHED.matcher(fileName).matches();
    }

    /** The name without its hash ("pagewalk.ba7816bf.js" is "pagewalk.js"); a name without one as it is. */
    public static String plain(String fileName) {
        Matcher m = HASHED.matcher(fileName);
        return m.matches() ? m.group(1) + m.group(2) : fileName;
    }

    private static String hash(byte[] content) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; hex.length() < DIGITS; i++) {
            hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
        }
        return hex.toString();
    }
}
