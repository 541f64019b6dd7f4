package org.pagewalk.web.server;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Command-line options of the site server: {@code --port N}, {@code --dir PATH},
 * {@code --frame-ancestors SOURCES}, {@code --help}.
 */
final class ServerOptions {
    static final String USAGE = String.join("\n",
            "usage: java -jar pagewalk-server.jar [--port N] [--dir PATH] [--frame-ancestors SOURCES]",
            "  --port N    port on localhost (default 8080; 0 picks any free port)",
            "  --dir PATH  site folder to serve (default: the site built beside this jar)",
            "  --frame-ancestors SOURCES",
            "              who may embed the page in a frame, as Content-Security-Policy sources",
            "              separated by spaces (default *: any site; e.g. \"'self' https://course.example\",",
            "              or 'none' to forbid embedding)");

    private final int port;
    private final Path dir;
    private final String frameAncestors;
    private final boolean help;

    private ServerOptions(int port, Path dir, String frameAncestors, boolean help) {
        this.port = port;
        this.dir = dir;
        this.frameAncestors = frameAncestors;
        this.help = help;
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    String frameAncestors() {
        return frameAncestors;
    }

    boolean help() {
        return help;
    }

    static ServerOptions parse(String... args) {
        int port = 8080;
        Path dir = null;
        String frameAncestors = SecurityPolicy.ANY_ANCESTOR;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--port":
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    port = parsePort(value);
                    break;
                case "--dir":
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    dir = Paths.get(value);
                    break;
                case "--frame-ancestors":
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    frameAncestors = parseSources(value);
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new ServerOptions(port, dir != null ? dir : defaultSite(), frameAncestors, help);
    }

    private static String next(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + value);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + value);
        }
        return port;
    }

    /**
     * One directive's sources go into the header as given, so nothing may end the directive (;),
     * start another policy (,) or break the header (control characters).
     */
    private static String parseSources(String value) {
        String sources = value.trim().replaceAll(" +", " ");
        boolean ok = !sources.isEmpty();
        for (int i = 0; ok && i < sources.length(); i++) {
            char c = sources.charAt(i);
            ok = c >= 0x20 && c < 0x7F && c != ';' && c != ',';
        }
        if (!ok) {
            throw new IllegalArgumentException("--frame-ancestors takes Content-Security-Policy sources separated by"
                    + " spaces, such as * or \"'self' https://course.example\" (printable ASCII, no ; or ,), not \""
                    + shown(value) + "\"");
        }
        return sources;
    }

    /** A bad value as the error message shows it: at most 60 characters, control characters escaped. */
    private static String shown(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < 60; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(c < 0x10 ? "\\x0" : "\\x").append(Integer.toHexString(c).toUpperCase());
            } else {
                out.append(c);
            }
        }
        return value.length() > 60 ? out + "…" : out.toString();
    }

    /**
     * The build puts the site in target/site and the jar (or the classes folder) in target/,
     * so the site is found from wherever the command is started.
     */
    static Path defaultSite() {
        try {
            Path code = Paths.get(SiteServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path site = code.getParent().resolve("site");
            if (Files.isDirectory(site)) {
                return site;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Unusual class loader: fall back to the path relative to the repository root.
        }
        return Paths.get("web", "target", "site");
    }
}
