package org.pagewalk.web.embed;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.text.Printable;

/**
 * Which windows may drive this page through postMessage (docs/EMBEDDING.md, "Who may drive the
 * frame"). The embedder names origins with {@code ?parent=ORIGIN} (several allowed, repeated or
 * comma-separated) and an installation with {@code pagewalk-config.json}'s {@code parents}. An
 * embedded frame also takes commands from its own origin; the full page takes none unless named
 * origins are given and the configuration sets {@code fullPage}, or the URL has {@code ?parent=}. {@code *} allows any origin (replies still go to the sender's origin only).
 */
final class OriginPolicy {
    static final String ANY = "*";

    private final List<String> allowed;
    private final List<String> problems;

    private OriginPolicy(List<String> allowed, List<String> problems) {
        this.allowed = allowed;
        this.problems = problems;
    }

    /**
     * @param self this page's origin ("null" from file://)
     * @param embedded whether the page runs with ?embed=1
     * @param fromUrl the ?parent values, each possibly a comma-separated list
     * @param fromConfig pagewalk-config.json's parents (none when it is missing)
     * @param configFullPage whether the configuration lets the full page be driven too
     */
    static OriginPolicy of(String self, boolean embedded, List<String> fromUrl, List<String> fromConfig,
            boolean configFullPage) {
        List<String> allowed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String value : fromUrl) {
            for (String part : org.pagewalk.text.Split.on(value, ',')) {
                add(part.trim(), allowed, problems, "?parent=");
            }
        }
        if (embedded || configFullPage) {
            for (String o : fromConfig) {
                add(o.trim(), allowed, problems, "pagewalk-config.json");
            }
        }
        if (embedded && !allowed.contains(self)) {
            // A page of the frame's own origin can script the frame directly anyway: refusing its
            // messages would protect nothing, and would trip a course site that hosts Pagewalk and names a parent too.
            allowed.add(self);
        }
        return new OriginPolicy(allowed, problems);
    }

    private static void add(String origin, List<String> allowed, List<String> problems, String where) {
        if (origin.isEmpty()) {
            return;
        }
        String why = whyNotOrigin(origin);
        if (why != null) {
            problems.add(where + " names " + Printable.quote(origin) + ", which is not an origin: " + why);
        } else if (!allowed.contains(origin)) {
            allowed.add(origin);
        }
    }

    /** Null for an origin such as https://course.example or http://localhost:8000 (or * or null), else why not. */
    static String whyNotOrigin(String s) {
        if (s.equals(ANY) || s.equals("null")) {
            return null;
        }
        int scheme = s.indexOf("://");
        if (scheme <= 0 || !(s.startsWith("http://") || s.startsWith("https://"))) {
            return "an origin starts with http:// or https://";
        }
        String host = s.substring(scheme + 3);
        if (host.isEmpty()) {
            return "the host is missing";
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':' || c == '['
                    || c == ']';
            if (!ok) {
                return c == '/' ? "an origin has no path (drop everything from the first / after the host)"
                        : "only lower-case letters, digits, '.', '-' and ':port' may follow the scheme";
            }
        }
        return null;
    }

    boolean allows(String origin) {
        return allowed.contains(ANY) || allowed.contains(origin);
    }

    /** The origins allowed, as given (for the hello reply and the docs' troubleshooting). */
    List<String> allowed() {
        return new ArrayList<>(allowed);
    }

    /** Values that were not origins, each a sentence (shown as a notice in the frame). */
    List<String> problems() {
        return new ArrayList<>(problems);
    }
}
