package org.pagewalk.web.lessons;

import java.util.function.Supplier;
import org.pagewalk.text.Printable;
import org.pagewalk.text.Split;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code ?embed=1&view=walk,directory}: only the chosen views, in one column under a one-line
 * header whose "Open in Pagewalk" link carries the machine and the lesson position. The views can
 * be switched later (the API's setView); views not chosen wait in a hidden holder.
 */
final class Embed {
    static final String DEFAULT_VIEWS = "lesson,walk,directory";
    private static final String[][] VIEWS = {
        {"split", "address-split"}, {"walk", "walk"}, {"directory", "directory-view"}, {"table", "table-view"},
        {"tlb", "tlb-view"}, {"memory", "memory-view"}, {"registers", "registers-view"}, {"globals", "globals-view"},
        {"lesson", "lesson-view"}, {"controls", "controls"}, {"log", "bottom"}};
    private static final String COLUMN = "embed-views";
    private static final String HOLDER = "embed-hidden";

    private Embed() {
    }

    /** Turns the page into the embedded layout; {@code fullLink} gives "Open in Pagewalk"'s target when clicked. */
    static void apply(Dom dom, String views, Supplier<String> fullLink) {
        HTMLElement body = dom.document().getBody();
        body.getClassList().add("embed");
        HTMLElement main = dom.byId("app");
        HTMLElement column = dom.el("div", "embed-views embed-shown", null);
        column.setAttribute("id", COLUMN);
        HTMLElement holder = dom.el("div", null, null);
        holder.setAttribute("id", HOLDER);
        holder.setHidden(true);
        main.appendChild(column);
        main.appendChild(holder);
        String wanted = views == null || views.trim().isEmpty() ? DEFAULT_VIEWS : views;
        if (choose(dom, wanted) != null) {
            // The notice at the top of the frame says which name was wrong (web.embed.EmbedApi).
            choose(dom, DEFAULT_VIEWS);
        }
        HTMLElement status = dom.byId("status");
        if (status != null) {
            status.getClassList().add("embed-shown");
        }
        HTMLElement header = dom.document().querySelector(".topbar");
        if (header != null) {
            HTMLElement open = dom.el("a", "embed-open", "Open in Pagewalk ↗");
            open.setAttribute("href", fullLink.get());
            open.setAttribute("target", "_blank");
            open.setAttribute("rel", "noopener");
            // The link is written when it is used, so it carries the machine as it is then.
            Guard.on(open, "mousedown", e -> open.setAttribute("href", fullLink.get()));
            Guard.on(open, "focus", e -> open.setAttribute("href", fullLink.get()));
            Guard.on(open, "click", e -> open.setAttribute("href", fullLink.get()));
            header.appendChild(open);
        }
    }

    /** Shows the named views (comma-separated), in that order; null, or why not (nothing changes then). */
    static String choose(Dom dom, String names) {
        String[] wanted = Split.on(names, ',');
        StringBuilder ids = new StringBuilder();
        for (String name : wanted) {
            String id = idOf(name.trim());
            if (id == null) {
                return "there is no view called " + Printable.quote(name.trim()) + ": the views are " + known();
            }
        }
        HTMLElement column = dom.byId(COLUMN);
        HTMLElement holder = dom.byId(HOLDER);
        if (column == null || holder == null) {
            return "views can be chosen only in an embedded frame (?embed=1)";
        }
        while (column.getFirstChild() != null) {
            holder.appendChild(column.getFirstChild());
        }
        int shown = 0;
        for (String name : wanted) {
            HTMLElement view = dom.byId(idOf(name.trim()));
            if (view != null && view.getParentNode() != column) {
                column.appendChild(view);
                shown++;
                ids.append(ids.length() == 0 ? "" : " ").append(name.trim());
            }
        }
        HTMLElement body = dom.document().getBody();
        Dom.toggle(body, "embed-one", shown == 1);
        Dom.attr(body, "data-views", ids.toString());
        return null;
    }

    /** The view names view= takes, in the order of the page: "split, walk, …, log". */
    static String known() {
        StringBuilder sb = new StringBuilder();
        for (String[] v : VIEWS) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v[0]);
        }
        return sb.toString();
    }

    private static String idOf(String name) {
        for (String[] v : VIEWS) {
            if (v[0].equals(name)) {
                return v[1];
            }
        }
        return null;
    }
}
