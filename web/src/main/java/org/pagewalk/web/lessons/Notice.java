package org.pagewalk.web.lessons;

import org.pagewalk.text.Chars;
import org.pagewalk.web.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A notice under the status line about saved work (an unreadable save, storage that refuses, a
 * crash report): what happened in words, and the actions that help. It is an alert, so a screen
 * reader says it at once; it stays until the user acts or its cause goes away.
 */
final class Notice {
    /** How much of a message from elsewhere (a parse error, a browser's reason) a notice quotes. */
    static final int CLIP = 160;

    private final Dom dom;
    private final HTMLElement box;
    private final HTMLElement text;
    private final HTMLElement actions;

    Notice(Dom dom, String id) {
        this.dom = dom;
        box = dom.el("section", "panel notice", null);
        box.setAttribute("id", id);
        box.setAttribute("role", "alert");
        text = dom.el("p", "notice-text", "");
        actions = dom.el("div", "notice-actions", null);
        box.appendChild(text);
        box.appendChild(actions);
        box.setHidden(true);
        HTMLElement main = dom.byId("app");
        HTMLElement status = dom.byId("status");
        if (main != null && status != null) {
            main.insertBefore(box, status.getNextSibling());
        }
    }

    /** Shows the notice with {@code message} and no actions yet; add them with {@link #action}. */
    Notice show(String message) {
        text.setInnerText(message);
        Dom.clear(actions);
        box.setHidden(false);
        return this;
    }

    Notice action(String label, Runnable run) {
        actions.appendChild(dom.action(label, null, run));
        return this;
    }

    /** Appends an element under the actions (the crash report's text). */
    void append(HTMLElement element) {
        actions.appendChild(element);
    }

    void hide() {
        box.setHidden(true);
    }

    boolean isShown() {
        return !box.isHidden();
    }

    /**
     * A short, printable prefix of text from outside (a save's line, a browser's message): control
     * characters shown as {@code \xNN}, cut at {@link #CLIP} characters with an ellipsis.
     */
    static String clip(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < s.length() && sb.length() < CLIP; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append("\\x").append(Chars.upper(Character.forDigit(c >> 4, 16)))
                        .append(Chars.upper(Character.forDigit(c & 15, 16)));
            } else {
                sb.append(c);
            }
        }
        return i < s.length() ? sb.append('…').toString() : sb.toString();
    }
}
