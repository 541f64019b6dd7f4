package org.pagewalk.web.embed;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.text.Printable;
import org.pagewalk.text.Split;

/**
 * The query parameters the page understands (docs/EMBEDDING.md, "Parameters"); anything else in
 * an embedded frame's URL is named in a notice instead of being silently ignored.
 */
final class UrlCheck {
    /** Every parameter some part of the page reads. */
    static final String[] KNOWN = {"embed", "view", "scenario", "run", "at", "parent", "save", "engine", "test-crash"};

    private UrlCheck() {
    }

    /** The sentences about the parameters named (one per line, decoded) that nothing reads. */
    static List<String> unknown(String names) {
        List<String> out = new ArrayList<>();
        for (String name : Split.on(names, '\n')) {
            if (!name.isEmpty() && !isKnown(name)) {
                out.add("The parameter " + Printable.quote(name) + " is not one Pagewalk reads (it reads "
                        + String.join(", ", KNOWN) + "); it was ignored.");
            }
        }
        return out;
    }

    private static boolean isKnown(String name) {
        for (String k : KNOWN) {
            if (k.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
