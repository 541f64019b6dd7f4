package org.pagewalk.web.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step (JVM only, never reached from the page's Main): turns static/scenarios/index.json
 * and the .pw files into scenarios/library.js, a classic script that sets
 * {@code window.PAGEWALK_LIBRARY}. Browsers refuse fetch() from file://, but a script tag
 * loads, so the lessons work from a USB stick too.
 *
 * <p>Usage: {@code LibraryBundler SCENARIO_DIR OUTPUT_FILE}.
 */
public final class LibraryBundler {
    private static final Pattern ENTRY = Pattern.compile(
            "\\{\\s*\"file\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"topic\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\}");

    private LibraryBundler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LibraryBundler SCENARIO_DIR OUTPUT_FILE");
        }
        Path dir = Paths.get(args[0]);
        String index = new String(Files.readAllBytes(dir.resolve("index.json")), StandardCharsets.UTF_8);
        Matcher m = ENTRY.matcher(index);
        List<String> entries = new ArrayList<>();
        while (m.find()) {
            String text = new String(Files.readAllBytes(dir.resolve(m.group(1))), StandardCharsets.UTF_8);
            entries.add("{\"file\":" + js(m.group(1)) + ",\"title\":\"" + m.group(2) + "\",\"topic\":\"" + m.group(3)
                    + "\",\"text\":" + js(text) + "}");
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no scenarios listed in " + dir.resolve("index.json"));
        }
        String out = "/* Generated from static/scenarios by LibraryBundler: do not edit. */\n"
                + "window.PAGEWALK_LIBRARY = [\n" + String.join(",\n", entries) + "\n];\n";
        Path target = Paths.get(args[1]);
        Files.createDirectories(target.getParent());
        Files.write(target, out.getBytes(StandardCharsets.UTF_8));
    }

    static String js(String s) {
        return org.pagewalk.text.JsonText.quote(s.replace("\r", ""));
    }
}
