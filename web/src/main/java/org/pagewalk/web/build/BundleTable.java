package org.pagewalk.web.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table in boot.js that maps each bundle's name to its file ({@code var FILES = {"pagewalk.js":
 * "pagewalk.ba7816bf.js", ...};}): the one place the built site states which files the page
 * loads. static/boot.js holds it empty; BundleHasher fills it in the built site; tests read it.
 */
public final class BundleTable {
    private static final Pattern TABLE = Pattern.compile("var FILES = \\{[^}]*\\};");
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\": \"([^\"]+)\"");
    /** Names go into a script as they are, so nothing that could end the string. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private BundleTable() {
    }

    /** {@code bootJs} with its table replaced by {@code files} (bundle name to file name). */
    static String write(String bootJs, Map<String, String> files) {
        Matcher m = TABLE.matcher(bootJs);
        if (!m.find()) {
            throw new IllegalArgumentException("boot.js has no table of bundles (var FILES = {...};)");
        }
        int start = m.start();
        int end = m.end();
        if (m.find()) {
            throw new IllegalArgumentException("boot.js has more than one table of bundles (var FILES = {...};)");
        }
        StringBuilder table = new StringBuilder("var FILES = {");
        for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
            table.append(table.length() > 13 ? ", " : "").append(quoted(e.getKey())).append(": ").append(quoted(e.getValue()));
        }
        return bootJs.substring(0, start) + table.append("};") + bootJs.substring(end);
    }

    /** The table of a boot.js (bundle name to file name, in name order). */
    public static Map<String, String> read(String bootJs) {
        Matcher m = TABLE.matcher(bootJs);
        if (!m.find()) {
            throw new IllegalArgumentException("boot.js has no table of bundles (var FILES = {...};)");
        }
        Map<String, String> files = new TreeMap<>();
        Matcher entry = ENTRY.matcher(m.group());
        while (entry.find()) {
            files.put(entry.group(1), entry.group(2));
        }
        return files;
    }

    /** The table of a built site's boot.js. */
    public static Map<String, String> read(Path site) throws IOException {
        return read(Files.readString(site.resolve("boot.js"), StandardCharsets.UTF_8));
    }

    private static String quoted(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a bundle's file name may hold letters, digits, '.', '_' and '-' only: " + name);
        }
        return "\"" + name + "\"";
    }
}
