package org.pagewalk.web.lessons;

import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code ?embed=1&view=walk,directory}: only the chosen views, with a one-line header that links
 * to the full page. The chosen containers move into one column; the rest are hidden, so an
 * 800×600 iframe shows what the lesson is about.
 */
final class Embed {
    private static final String[][] VIEWS = {
        {"split", "address-split"}, {"walk", "walk"}, {"directory", "directory-view"}, {"table", "table-view"},
        {"tlb", "tlb-view"}, {"memory", "memory-view"}, {"registers", "registers-view"}, {"globals", "globals-view"},
        {"lesson", "lesson-view"}, {"controls", "controls"}, {"log", "bottom"}};

    private Embed() {
    }

    static void apply(Dom dom, String views) {
        HTMLElement body = dom.document().getBody();
        body.getClassList().add("embed");
        HTMLElement main = dom.byId("app");
        HTMLElement column = dom.el("div", "embed-views embed-shown", null);
        String wanted = views == null || views.isEmpty() ? "lesson,walk,directory" : views;
        for (String name : org.pagewalk.text.Split.on(wanted, ',')) {
            String id = idOf(name.trim());
            HTMLElement view = id == null ? null : dom.byId(id);
            if (view != null) {
                column.appendChild(view);
            }
        }
        main.appendChild(column);
        HTMLElement status = dom.byId("status");
        if (status != null) {
            status.getClassList().add("embed-shown");
        }
        HTMLElement header = dom.document().querySelector(".topbar");
        if (header != null) {
            HTMLElement open = dom.el("a", "embed-open", "Open in Pagewalk ↗");
            String full = Js.pageUrl().replace("embed=1", "embed=0");
            open.setAttribute("href", full);
            open.setAttribute("target", "_blank");
            open.setAttribute("rel", "noopener");
            header.appendChild(open);
        }
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
