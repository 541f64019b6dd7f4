package org.pagewalk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the web module's shape, read from its sources: the page keeps no state in static
 * fields (every view and panel gets what it needs through its constructor, so two pages, or a
 * test, could each have their own), and there is one DOM toolkit ({@code dom.Dom}) and one
 * place for the browser natives ({@code dom.Js}), each {@code @JSBody} written once.
 */
class WebSourceRulesTest {
    private static final Path SOURCES = Paths.get("src/main/java/org/pagewalk/web");

    /** A static field that is not final: {@code static int faults;}, {@code private static App app = null;}. */
    private static final Pattern STATIC_VARIABLE = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|transient|volatile)\\s+)*static\\s+(?:(?:transient|volatile)\\s+)*"
                    + "(?!final\\b|class\\b|interface\\b|enum\\b|abstract\\b|native\\b|synchronized\\b|strictfp\\b|<)"
                    + "[\\w.$]+(?:<[^;=(]*>)?(?:\\[\\])*\\s+\\w+\\s*(?:[=;,]|\\[)",
            Pattern.MULTILINE);

    /** A static final field that holds a mutable container: {@code static final List<X> ALL = new ArrayList<>();}. */
    private static final Pattern STATIC_CONTAINER = Pattern.compile(
            "\\bstatic\\s+final\\s+[^;=(]+=\\s*new\\s+[\\w.]*(?:List|Map|Set|Deque|Queue|Collection|Builder|Buffer)\\s*[<(]");

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:class|interface|enum)\\s+(\\w+)");

    @Test
    void noStaticMutableStateInTheWebModule() {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String code = codeOf(file);
            offenders.addAll(matches(file, code, STATIC_VARIABLE));
            offenders.addAll(matches(file, code, STATIC_CONTAINER));
        }
        assertEquals(List.of(), offenders, "static mutable state: pass it through constructors instead");
    }

    @Test
    void oneDomToolkitAndOneJsClass() {
        List<String> doms = classesNamed("Dom");
        List<String> jss = classesNamed("Js");
        assertEquals(List.of("dom/Dom.java: Dom"), doms, "exactly one Dom helper class");
        assertEquals(List.of("dom/Js.java: Js"), jss, "exactly one Js class");
    }

    @Test
    void everyBrowserNativeIsInJsAndWrittenOnce() {
        List<String> elsewhere = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        Pattern body = Pattern.compile("@JSBody\\s*\\(([^@]*?)\\)\\s*(?:public\\s+|private\\s+|protected\\s+)?static\\s+native");
        Pattern script = Pattern.compile("script\\s*=\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+)");
        for (Path file : javaFiles()) {
            String text = read(file);
            Matcher m = body.matcher(text);
            while (m.find()) {
                if (!file.endsWith(Paths.get("dom", "Js.java"))) {
                    elsewhere.add(SOURCES.relativize(file) + ": " + m.group().replaceAll("\\s+", " "));
                }
                Matcher s = script.matcher(m.group(1));
                assertTrue(s.find(), "a @JSBody without a script: " + m.group());
                scripts.add(s.group(1).replaceAll("\"\\s*\\+\\s*\"", "").trim());
            }
        }
        assertEquals(List.of(), elsewhere, "@JSBody natives belong in dom/Js.java");
        List<String> twice = scripts.stream().filter(s -> scripts.indexOf(s) != scripts.lastIndexOf(s)).distinct()
                .collect(Collectors.toList());
        assertEquals(List.of(), twice, "the same native written twice");
        assertFalse(scripts.isEmpty(), "the scan found the natives");
    }

    /** The rules' patterns, on lines whose verdict is known, so a pattern that never matches cannot pass the rule. */
    @Test
    void thePatternsCatchWhatTheyShould() {
        String[] mutable = {
            "    private static int faults;",
            "    private static HTMLDocument document;",
            "    static App app = null;",
            "    private static int lastTaken, other;",
            "    public static java.util.List<String> names = new java.util.ArrayList<>();",
            "    private static int[] counts;",
        };
        for (String line : mutable) {
            assertTrue(STATIC_VARIABLE.matcher(line).find(), line);
        }
        assertTrue(STATIC_CONTAINER.matcher(
                "private static final java.util.List<Outcome> ALL = new java.util.ArrayList<>();").find());
        assertTrue(STATIC_CONTAINER.matcher("static final StringBuilder LOG = new StringBuilder();").find());
        String[] fine = {
            "    private static final int KEEP = 300;",
            "    static final String[] NAMES = {\"a\"};",
            "    private final static int A = 1;",
            "    private static int count(int n) {",
            "    static native double now();",
            "    private static final class Entry {",
            "    public static <T> T first(List<T> list) {",
            "    static void install(App app) {",
            "    private int notStatic;",
        };
        for (String line : fine) {
            assertFalse(STATIC_VARIABLE.matcher(line).find(), line);
            assertFalse(STATIC_CONTAINER.matcher(line).find(), line);
        }
        String commented = codeOf("/** keeps a static int faults; */ // static int x;\nString s = \"static int y;\";\n");
        assertFalse(STATIC_VARIABLE.matcher(commented).find(), "comments and strings are not code");
        assertEquals(2, commented.split("\n", -1).length - 1, "line numbers survive");
    }

    private static List<String> classesNamed(String name) {
        List<String> out = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher m = CLASS_NAME.matcher(codeOf(file));
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    out.add(SOURCES.relativize(file).toString().replace('\\', '/') + ": " + name);
                }
            }
        }
        return out;
    }

    private static List<String> matches(Path file, String code, Pattern p) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(code);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                line += code.charAt(i) == '\n' ? 1 : 0;
            }
            out.add(SOURCES.relativize(file) + ":" + line + ": " + m.group().trim());
        }
        return out;
    }

    private static List<Path> javaFiles() {
        assertTrue(Files.isDirectory(SOURCES), "run from the web module: " + SOURCES.toAbsolutePath());
        try (Stream<Path> s = Files.walk(SOURCES)) {
            List<Path> files = s.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            assertTrue(files.size() > 40, "found the module's sources");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String codeOf(Path file) {
        return codeOf(read(file));
    }

    /** The text with comments, strings and characters blanked out (newlines kept, so line numbers hold). */
    static String codeOf(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\') {
                        out.append(' ');
                        i++;
                    }
                    if (i < n) {
                        out.append(' ');
                        i++;
                    }
                }
                if (i < n) {
                    out.append(text.charAt(i));
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
