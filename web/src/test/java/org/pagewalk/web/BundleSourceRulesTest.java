package org.pagewalk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The class-library calls that would pull large parts of TeaVM's class library into the page's
 * bundles stay out of the code the bundles are compiled from (core, and web but its JVM-only
 * server and build tools): regular expressions (String.split and friends bring the whole regex
 * engine, ~30 KB gzip), String.format (the formatter, ~50 KB), Unicode case and category tables
 * (Character.isDigit, toLowerCase, toUpperCase, equalsIgnoreCase: use text.Chars), streams,
 * big numbers and charsets (String.getBytes and new String(bytes, charset) bring encoders, decoders
 * and buffers, ~10 KB gzip: use share.Utf8).
 */
class BundleSourceRulesTest {
    private static final String[] HEAVY = {
        ".split(", ".matches(", ".replaceAll(", ".replaceFirst(", "java.util.regex",
        "String.format(", ".formatted(",
        ".toLowerCase(", ".toUpperCase(", ".equalsIgnoreCase(", "Character.isDigit(", "Character.digit(",
        "Character.isLetter", "Character.isWhitespace(", "Character.isSpaceChar(", "Character.toUpperCase(",
        "Character.toLowerCase(", "Character.getType(",
        "java.util.stream", ".stream()", "BigInteger", "BigDecimal",
        "java.nio.charset", ".getBytes(",
    };

    @Test
    void noHeavyClassLibraryCallsInBrowserCode() {
        List<String> found = new ArrayList<>();
        for (Path file : browserSources()) {
            // Chars.equalsIgnoreCase and friends are the light replacements.
            String[] lines = WebSourceRulesTest.codeOf(read(file)).replace("Chars.", "").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String heavy : HEAVY) {
                    if (lines[i].contains(heavy)) {
                        found.add(file + ":" + (i + 1) + ": " + heavy);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "calls that pull large parts of the class library into the bundles");
    }

    @Test
    void theRuleSeesCodeNotComments() {
        String code = WebSourceRulesTest.codeOf("// no String.format here\nString w = \"a.split(b)\"; x.split(\"-\");\n");
        assertTrue(!code.contains("String.format(") && code.contains(".split("));
    }

    private static List<Path> browserSources() {
        List<Path> files = new ArrayList<>();
        files.addAll(javaFiles(Paths.get("../core/src/main/java/org/pagewalk"), "cli"));
        files.addAll(javaFiles(Paths.get("src/main/java/org/pagewalk/web"), "server", "build"));
        assertTrue(files.size() > 150, "found the sources: " + files.size());
        return files;
    }

    private static List<Path> javaFiles(Path root, String... jvmOnly) {
        assertTrue(Files.isDirectory(root), "run from the web module: " + root.toAbsolutePath());
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        for (String dir : jvmOnly) {
                            if (root.relativize(f).startsWith(dir)) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
