package org.pagewalk.web;

import org.pagewalk.web.dom.Js;
import org.pagewalk.web.dom.MediaQuery;
import org.teavm.jso.browser.Storage;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Light and dark themes. With no choice stored the page follows the system setting (CSS
 * prefers-color-scheme); the toggle pins the opposite of what is shown and remembers it.
 * boot.js applies a stored choice before the first paint, so the page never flashes.
 */
final class Theme {
    static final String STORAGE_KEY = "pagewalk.theme";
    private static final String ATTRIBUTE = "data-theme";

    private Theme() {
    }

    static void install(HTMLDocument document) {
        HTMLElement toggle = document.getElementById("theme-toggle");
        if (toggle == null) {
            return;
        }
        MediaQuery system = Js.matchMedia("(prefers-color-scheme: dark)");
        show(toggle, isDark(document, system));
        toggle.removeAttribute("disabled");
        if (system != null) {
            // Unpinned, the page follows the system live; the toggle's state must follow too.
            Guard.on(system, "change", event -> show(toggle, isDark(document, system)));
        }
        Guard.on(toggle, "click", event -> {
            boolean dark = !isDark(document, system);
            document.getDocumentElement().setAttribute(ATTRIBUTE, dark ? "dark" : "light");
            remember(dark ? "dark" : "light");
            show(toggle, dark);
        });
    }

    static boolean isDark(HTMLDocument document, MediaQuery system) {
        String chosen = document.getDocumentElement().getAttribute(ATTRIBUTE);
        if ("dark".equals(chosen)) {
            return true;
        }
        if ("light".equals(chosen)) {
            return false;
        }
        return system != null && system.isMatches();
    }

    private static void show(HTMLElement toggle, boolean dark) {
        toggle.setAttribute("aria-pressed", dark ? "true" : "false");
        toggle.setAttribute("title", dark ? "Switch to the light theme" : "Switch to the dark theme");
    }

    private static void remember(String theme) {
        // Storage can be missing or refuse (privacy modes, sandboxed iframes): the theme still
        // applies, it just is not remembered.
        try {
            Storage storage = Storage.getLocalStorage();
            if (storage != null) {
                storage.setItem(STORAGE_KEY, theme);
            }
        } catch (Throwable ignored) {
            // Not remembered; nothing else to do.
        }
    }
}
