package org.pagewalk.web.views;

import org.pagewalk.inspect.WalkStep;
import org.pagewalk.text.Hex;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The current linear address as 32 bit boxes grouped 10 | 10 | 12 (directory index, table
 * index, offset: blue, green, amber, with D / T / F labels), its indices in decimal, and a field
 * to type another. A typed address is checked in place as you type and previewed in the boxes;
 * Enter (or leaving the field) selects it; a bad one shows why and changes nothing.
 */
final class AddressSplitView extends CanvasView {
    private static final int GROUP_GAP = 10;
    private static final String HINT = "Decimal or 0x hexadecimal; press Enter to select it.";

    private final HTMLInputElement input;
    private final HTMLElement message;
    private final HTMLElement[] levels = new HTMLElement[3];
    /**
     * Each level button's text, in a box as wide as its longest text that lays out on its own
     * (static/views.css .level-text): a new address re-lays out these boxes, not the page.
     */
    private final HTMLElement[] levelTexts = new HTMLElement[3];
    private final Views views;
    private int address;
    /** A valid typed address not selected yet (shown dashed), or -1 bits with {@link #previewing} false. */
    private int preview;
    private boolean previewing;
    private int hoverGroup = -1;

    AddressSplitView(App app, Dom dom, HTMLElement root, Palette palette, Views views) {
        super(app, dom, root, palette);
        this.views = views;
        title("Address");
        HTMLElement field = dom.add(root, dom.el("div", "split-field"));
        HTMLElement label = dom.add(field, dom.el("label", "field-label", "Linear address"));
        label.setAttribute("for", "address-input");
        input = dom.el("input").cast();
        input.setId("address-input");
        input.setClassName("address-input mono");
        input.setAttribute("spellcheck", "false");
        input.setAttribute("autocomplete", "off");
        input.setAttribute("autocapitalize", "off");
        input.setAttribute("aria-describedby", "address-message");
        // In a box of its own: a flex item lays out with its row, the input inside it lays out alone (views.css).
        dom.add(field, dom.el("span", "address-input-box")).appendChild(input);
        message = dom.add(root, dom.el("p", "field-message", HINT));
        message.setId("address-message");
        message.setAttribute("aria-live", "polite");
        root.appendChild(box);
        box.setClassName("view-canvas split-canvas");
        HTMLElement row = dom.add(root, dom.el("div", "split-levels"));
        row.setAttribute("role", "group");
        row.setAttribute("aria-label", "Show a level of the walk");
        String[] kinds = {"d", "t", "f"};
        for (int i = 0; i < 3; i++) {
            int level = i;
            levels[i] = dom.add(row, dom.button("", "level level-" + kinds[i], null));
            levelTexts[i] = dom.add(levels[i], dom.el("span", "level-text"));
            Guard.on(levels[i], "click", e -> views.showLevel(stationOf(level)));
        }
        canvas.setAttribute("id", "address-canvas");
        Guard.on(input, "input", e -> typed());
        Guard.on(input, "change", e -> commit());
        Guard.on(input, "keydown", e -> {
            KeyboardEvent k = (KeyboardEvent) e;
            if ("Enter".equals(k.getKey())) {
                e.preventDefault();
                commit();
            } else if ("Escape".equals(k.getKey())) {
                input.setValue(Hex.hex32(app.currentAddress()));
                typed();
            }
        });
        Guard.on(canvas, "pointermove", e -> hover(groupAt(((MouseEvent) e).getOffsetX())));
        Guard.on(canvas, "pointerleave", e -> hover(-1));
        Guard.on(canvas, "click", e -> {
            int group = groupAt(((MouseEvent) e).getOffsetX());
            if (group >= 0) {
                views.showLevel(stationOf(group));
            }
        });
        address = app.currentAddress();
        input.setValue(Hex.hex32(address));
    }

    private static int stationOf(int group) {
        return group == 0 ? WalkStep.DIRECTORY : group == 1 ? WalkStep.TABLE : WalkStep.FRAME;
    }

    @Override
    int interest() {
        return App.SELECTION | App.MACHINE;
    }

    @Override
    int heightFor(int w) {
        return 14 + boxSize(w) + 6;
    }

    private static int boxSize(int w) {
        return Math.max(12, Math.min(28, (w - 2 * GROUP_GAP) / 32 + 4));
    }

    @Override
    void update(int what) {
        int now = app.currentAddress();
        if (now != address || (what & App.SELECTION) != 0) {
            address = now;
            // Someone else picked the address: show it, unless the field is being edited.
            if (!isEditing()) {
                input.setValue(Hex.hex32(address));
                previewing = false;
                showMessage(HINT, false);
            }
        }
        String hex = Hex.hex32(address);
        Dom.text(levelTexts[0], "D  directory index " + (address >>> 22));
        Dom.text(levelTexts[1], "T  table index " + ((address >>> 12) & 0x3FF));
        Dom.text(levelTexts[2], "F  offset " + Hex.hex(address & 0xFFF, 3) + " = " + (address & 0xFFF));
        Dom.attr(levels[0], "aria-label", "Directory index " + (address >>> 22) + ": show the directory step of the walk");
        Dom.attr(levels[1], "aria-label", "Table index " + ((address >>> 12) & 0x3FF) + ": show the table step of the walk");
        Dom.attr(levels[2], "aria-label", "Offset " + (address & 0xFFF) + ": show the frame step of the walk");
        label("Linear address " + hex + " in bits: directory index " + (address >>> 22) + " (bits 31 to 22), table index "
                + ((address >>> 12) & 0x3FF) + " (bits 21 to 12), offset " + Hex.hex(address & 0xFFF, 3) + " (bits 11 to 0)");
    }

    private boolean isEditing() {
        return previewing || input.getAttribute("aria-invalid") != null;
    }

    private void typed() {
        String text = input.getValue().trim();
        int[] out = new int[1];
        String error = Hex.parseUnsigned(text, out);
        if (error != null) {
            previewing = false;
            input.setAttribute("aria-invalid", "true");
            showMessage(error + ". Nothing changes until the address is valid.", true);
        } else {
            input.removeAttribute("aria-invalid");
            previewing = out[0] != app.currentAddress();
            preview = out[0];
            showMessage(previewing ? "Press Enter to select " + Hex.hex32(out[0]) + " (directory index " + (out[0] >>> 22)
                    + ", table index " + ((out[0] >>> 12) & 0x3FF) + ", offset " + (out[0] & 0xFFF) + ")." : HINT, false);
        }
        draw();
    }

    private void commit() {
        String text = input.getValue().trim();
        int[] out = new int[1];
        String error = Hex.parseUnsigned(text, out);
        if (error != null) {
            input.setAttribute("aria-invalid", "true");
            showMessage(error + ". Nothing changes until the address is valid.", true);
            return;
        }
        input.removeAttribute("aria-invalid");
        previewing = false;
        input.setValue(Hex.hex32(out[0]));
        showMessage(HINT, false);
        app.select(out[0]);
        draw();
    }

    private void showMessage(String text, boolean error) {
        Dom.text(message, text);
        message.setClassName(error ? "field-message error" : "field-message");
    }

    /** Which group (0 = D, 1 = T, 2 = F) lies under CSS x, or -1. */
    private int groupAt(int x) {
        double[] geo = geometry();
        double bw = geo[0];
        double x0 = geo[1];
        if (x < x0) {
            return -1;
        }
        double dEnd = x0 + 10 * bw;
        double tStart = dEnd + GROUP_GAP;
        double tEnd = tStart + 10 * bw;
        double fStart = tEnd + GROUP_GAP;
        double fEnd = fStart + 12 * bw;
        if (x < dEnd + GROUP_GAP / 2.0) {
            return 0;
        }
        if (x < tEnd + GROUP_GAP / 2.0) {
            return 1;
        }
        return x < fEnd ? 2 : -1;
    }

    /** Box width and left edge, in CSS pixels. */
    private double[] geometry() {
        double bw = Math.min(34, (cssWidth - 2.0 * GROUP_GAP) / 32);
        double total = 32 * bw + 2 * GROUP_GAP;
        return new double[] {bw, Math.max(0, (cssWidth - total) / 2)};
    }

    private void hover(int group) {
        if (group != hoverGroup) {
            hoverGroup = group;
            canvas.getStyle().setProperty("cursor", group >= 0 ? "pointer" : "default");
            draw();
        }
    }

    /** What the canvas shows: the bits drawn, whether previewed, the group under the pointer, the palette and size. */
    private final int[] drawn = new int[6];
    private Palette drawnPalette;

    @Override
    boolean layout() {
        drawnPalette = null;
        return super.layout();
    }

    @Override
    void invalidate() {
        super.invalidate();
        drawnPalette = null;
    }

    @Override
    void draw() {
        int[] now = {previewing ? preview : address, previewing ? 1 : 0, hoverGroup, width, height, cssWidth};
        if (drawnPalette == palette && java.util.Arrays.equals(now, drawn)) {
            Dom.attr(root, "data-address", Hex.hex32(address));
            return;
        }
        System.arraycopy(now, 0, drawn, 0, now.length);
        drawnPalette = palette;
        cssUnits();
        Palette p = palette;
        fill(p.surface);
        g.fillRect(0, 0, cssWidth, cssHeight);
        int shown = previewing ? preview : address;
        double[] geo = geometry();
        double bw = geo[0];
        double x0 = geo[1];
        int bh = boxSize(cssWidth);
        double top = 14;
        int[] colors = {p.directory, p.table, p.frame};
        String[] tags = {"D", "T", "F"};
        int[] firstBit = {31, 21, 11};
        int[] sizes = {10, 10, 12};
        // Each group's bit range as text, written out: Integer.toString costs TeaVM's JavaScript a StringBuilder per call.
        String[] rangeFrom = {"31", "21", "11"};
        String[] rangeTo = {"22", "12", "0"};
        double x = x0;
        g.setTextBaseline("middle");
        for (int grp = 0; grp < 3; grp++) {
            int c = colors[grp];
            double gx = x;
            double gw = sizes[grp] * bw;
            // Group label: the letter in the group's colour, and its bit range.
            font(12, true, false);
            g.setTextAlign("center");
            fill(c);
            g.fillText(tags[grp], gx + gw / 2, 7);
            font(12, false, true);
            fill(p.textMuted);
            g.setTextAlign("left");
            g.fillText(rangeFrom[grp], gx + 1, 7);
            g.setTextAlign("right");
            g.fillText(rangeTo[grp], gx + gw - 1, 7);
            if (hoverGroup == grp) {
                fill(p.tint(c, 18));
                roundRect(gx - 3, top - 2, gw + 6, bh + 4, 4);
                g.fill();
            }
            for (int i = 0; i < sizes[grp]; i++) {
                int bit = firstBit[grp] - i;
                boolean one = ((shown >>> bit) & 1) != 0;
                double bx = gx + i * bw;
                if (one) {
                    fill(c);
                    g.fillRect(bx + 0.5, top, bw - 1, bh);
                } else {
                    fill(p.tint(c, 10));
                    g.fillRect(bx + 0.5, top, bw - 1, bh);
                    stroke(p.tint(c, 45));
                    g.setLineWidth(1);
                    g.strokeRect(bx + 1, top + 0.5, bw - 2, bh - 1);
                }
                font(Math.max(12, Math.min(14, (int) (bw * 0.62))), one, true);
                g.setTextAlign("center");
                fill(one ? p.textOn(c) : c);
                g.fillText(one ? "1" : "0", bx + bw / 2, top + bh / 2.0 + 0.5);
            }
            x += gw + GROUP_GAP;
        }
        if (previewing) {
            stroke(p.textMuted);
            g.setLineWidth(1.5);
            g.setLineDash(Js.dash(4, 3));
            g.strokeRect(x0 - 4, top - 3, x - GROUP_GAP - x0 + 8, bh + 6);
            g.setLineDash(Js.solid());
        }
        Dom.attr(root, "data-address", Hex.hex32(address));
    }

}
