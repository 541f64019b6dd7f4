package org.pagewalk.web.panels;

import java.util.List;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.DocumentFragment;
import org.teavm.jso.dom.xml.Node;

/**
 * The log's shown items (its lines and any open explanation) in blocks of at most {@link #LINES}
 * each, every block laid out on its own (CSS .log-block): an action appends its lines to the last
 * block and its trim takes the oldest from the first, so only those two blocks change; the browser
 * keeps the others' layout and paint (the frame after an action painted the whole 300-line list
 * before). The list is role=list and each block role=none, so a screen reader still finds one list.
 */
final class LogBlocks {
    static final int LINES = 20;

    private final Dom dom;
    private final HTMLElement list;
    /** The items in all blocks: lines and open explanations, as the list's children were before blocks. */
    private int items;

    LogBlocks(Dom dom, HTMLElement list) {
        this.dom = dom;
        this.list = list;
    }

    int items() {
        return items;
    }

    void clear() {
        Dom.clear(list);
        items = 0;
    }

    /** Appends {@code lines} (oldest first) after the last item: the last block filled, then new blocks. */
    void append(List<HTMLElement> lines) {
        // The list holds only blocks (elements): its last child is the last block.
        HTMLElement last = list.getLastChild() == null ? null : list.getLastChild().cast();
        int at = 0;
        if (last != null && last.getChildren().getLength() < LINES) {
            at = Math.min(lines.size(), LINES - last.getChildren().getLength());
            DocumentFragment into = dom.document().createDocumentFragment();
            fill(into, lines, 0, at);
            last.appendChild(into);
        }
        DocumentFragment blocks = dom.document().createDocumentFragment();
        for (; at < lines.size(); at += LINES) {
            fill(block(blocks), lines, at, Math.min(lines.size(), at + LINES));
        }
        list.appendChild(blocks);
        items += lines.size();
    }

    /** Puts {@code lines} (oldest first) before the first item, in blocks of their own. */
    void prepend(List<HTMLElement> lines) {
        DocumentFragment blocks = dom.document().createDocumentFragment();
        for (int at = 0; at < lines.size(); at += LINES) {
            fill(block(blocks), lines, at, Math.min(lines.size(), at + LINES));
        }
        list.insertBefore(blocks, list.getFirstChild());
        items += lines.size();
    }

    /** Puts {@code box} just after the item {@code line}, in its block. */
    void insertAfter(HTMLElement line, HTMLElement box) {
        line.getParentNode().insertBefore(box, line.getNextSibling());
        items++;
    }

    void remove(HTMLElement item) {
        item.getParentNode().removeChild(item);
        items--;
    }

    /** Takes the oldest items out until at most {@code keep} remain: whole blocks, then the front of the first. */
    void keepLast(int keep) {
        int excess = items - keep;
        while (excess > 0 && list.getFirstChild() != null) {
            HTMLElement first = list.getFirstChild().cast();
            int n = first.getChildren().getLength();
            if (n <= excess) {
                list.removeChild(first);
                excess -= n;
                items -= n;
            } else {
                Js.keepLastChildren(first, n - excess);
                items -= excess;
                excess = 0;
            }
        }
    }

    private HTMLElement block(DocumentFragment into) {
        HTMLElement b = dom.el("ol", "log-block");
        b.setAttribute("role", "none");
        into.appendChild(b);
        return b;
    }

    private static void fill(Node block, List<HTMLElement> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            block.appendChild(lines.get(i));
        }
    }
}
