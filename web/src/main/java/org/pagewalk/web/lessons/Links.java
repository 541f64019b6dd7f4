package org.pagewalk.web.lessons;

import org.pagewalk.text.Split;

/**
 * The links that carry the whole state (docs/EMBEDDING.md, "Links"): the page's address without
 * the parameters that describe the frame or the first state, then the lesson (a built-in one, by
 * file, and its position with {@code at=}), then the session log in {@code #run=}. On opening,
 * {@code #run} rebuilds the machine and {@code scenario}/{@code at} put the lesson back at its line
 * without running it again.
 */
final class Links {
    /** Parameters a link writes itself or that only make sense in the frame they were given to. */
    private static final String[] DROPPED = {"embed", "view", "scenario", "run", "at", "parent", "save"};

    private Links() {
    }

    /**
     * @param pageUrl the page's address without its fragment
     * @param embed extra parameters for an embed snippet ("embed=1&view=…"), or null for a full page
     * @param lessonFile the built-in lesson that is open, or null
     * @param position the lesson's next line index
     * @param runFragment the session log as {@code #run=} carries it (ShareText)
     */
    static String of(String pageUrl, String embed, String lessonFile, int position, String runFragment) {
        int q = pageUrl.indexOf('?');
        String base = q < 0 ? pageUrl : pageUrl.substring(0, q);
        StringBuilder query = new StringBuilder();
        if (q >= 0) {
            for (String pair : Split.on(pageUrl.substring(q + 1), '&')) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (!pair.isEmpty() && !dropped(name)) {
                    query.append(query.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        if (embed != null) {
            query.append(query.length() == 0 ? "" : "&").append(embed);
        }
        if (lessonFile != null) {
            query.append(query.length() == 0 ? "" : "&").append("scenario=").append(lessonFile).append("&at=").append(position);
        }
        return base + (query.length() == 0 ? "" : "?" + query) + "#run=" + runFragment;
    }

    private static boolean dropped(String name) {
        for (String d : DROPPED) {
            if (d.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
