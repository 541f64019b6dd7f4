package org.pagewalk.scenario;

import org.pagewalk.guest.Defect;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.guest.Variant;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.PhysicalMemory;
import org.pagewalk.machine.TlbGeometry;
import org.pagewalk.text.Chars;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Sizes;

/** The syntax of {@code boot} and {@code attach}: the machine's and the kernel's options. */
final class BootParser {
    private BootParser() {
    }

    static Boot boot(Line line, int column) {
        Token kind = line.word("'ceanos' or 'bare'");
        boolean ceanos = kind.is("ceanos");
        if (!ceanos && !kind.is("bare")) {
            throw line.error(kind, "boot what? expected 'ceanos' (CeanOS's boot state, paging on) or 'bare' (paging off, empty memory)");
        }
        int frames = MachineConfig.DEFAULT_FRAMES;
        TlbGeometry tlb = TlbGeometry.DEFAULT;
        Variant variant = Variant.FIXED;
        int defects = -1;
        while (!line.atEnd()) {
            Token key = line.word("an option: ram=SIZE, tlb=ENTRIESxWAYS" + (ceanos ? ", variant=fixed|as-written, defects=LIST" : ""));
            line.expectEquals("after " + key.text);
            Token value = line.next();
            switch (key.text) {
                case "ram":
                    frames = ramFrames(line, value);
                    break;
                case "tlb":
                    tlb = tlbGeometry(line, value);
                    break;
                case "variant":
                    if (!ceanos) {
                        throw line.error(key, "a bare machine has no guest kernel, so no variant");
                    }
                    variant = variant(line, value);
                    break;
                case "defects":
                    if (!ceanos) {
                        throw line.error(key, "a bare machine has no guest kernel, so no defects");
                    }
                    defects = defects(line, value);
                    break;
                default:
                    throw line.error(key, "unknown option " + org.pagewalk.text.Printable.quote(key.text) + "; boot takes ram=, tlb="
                            + (ceanos ? ", variant= and defects=" : ""));
            }
        }
        GuestConfig guest = ceanos ? guestConfig(line, kind, variant, defects) : null;
        if (ceanos) {
            // Check the kernel fits now, so the line fails at parse time rather than at run time.
            int kernelEnd = new KernelLayout(guest.has(Defect.BITMAP_512_MIB)).kernelEnd();
            if (Integer.compareUnsigned(kernelEnd - 1, (frames << 12) - 1) > 0 && frames != PhysicalMemory.MAX_FRAMES) {
                throw line.error(kind, "CeanOS's kernel image ends at " + Hex.hex32(kernelEnd) + " and does not fit in "
                        + Sizes.ofFrames(frames) + " of RAM: boot it with ram=4M or more");
            }
        }
        return new Boot(line.number, column, line.text, new MachineConfig(frames, tlb), guest);
    }

    static Attach attach(Line line, int column) {
        Token kind = line.word("'ceanos'");
        if (!kind.is("ceanos")) {
            throw line.error(kind, "attach what? only 'ceanos' can be attached");
        }
        Variant variant = Variant.FIXED;
        int defects = -1;
        while (!line.atEnd()) {
            Token key = line.word("variant= or defects=");
            line.expectEquals("after " + key.text);
            Token value = line.next();
            if (key.text.equals("variant")) {
                variant = variant(line, value);
            } else if (key.text.equals("defects")) {
                defects = defects(line, value);
            } else {
                throw line.error(key, "unknown option " + org.pagewalk.text.Printable.quote(key.text) + "; attach takes variant= and defects=");
            }
        }
        return new Attach(line.number, column, line.text, guestConfig(line, kind, variant, defects));
    }

    private static GuestConfig guestConfig(Line line, Token at, Variant variant, int defects) {
        if (variant == Variant.FIXED && defects > 0) {
            throw line.error(at, "the fixed variant has no defects: add variant=as-written to switch defects on");
        }
        return new GuestConfig(variant, variant == Variant.FIXED ? 0 : defects < 0 ? Defect.all() : defects);
    }

    private static int ramFrames(Line line, Token t) {
        String v = Chars.upper(t.text);
        if (v.equals("4G") || v.equals("4096M")) {
            return PhysicalMemory.MAX_FRAMES;
        }
        if (t.kind != Token.Kind.NUMBER) {
            throw line.error(t, "expected a RAM size such as 32M, 1G or 4G, found " + t);
        }
        int bytes = Expr.number(line, t, t.text);
        if ((bytes & 0xFFF) != 0 || Integer.compareUnsigned(bytes, 1 << 20) < 0) {
            throw line.error(t, "RAM must be 1M to 4G in whole 4 KiB frames, was " + t.text);
        }
        return bytes >>> 12;
    }

    private static TlbGeometry tlbGeometry(Line line, Token t) {
        String[] p = org.pagewalk.text.Split.on(Chars.lower(t.text), 'x');
        if (p.length != 2 || p[0].isEmpty() || p[1].isEmpty()) {
            throw line.error(t, "expected the TLB as ENTRIESxWAYS, for example 64x4, found " + t);
        }
        int entries = Expr.number(line, t, p[0]);
        int ways = Expr.number(line, t, p[1]);
        String error = TlbGeometry.check(entries, ways);
        if (error != null) {
            throw line.error(t, error);
        }
        return new TlbGeometry(entries, ways);
    }

    private static Variant variant(Line line, Token t) {
        if (t.is("fixed")) {
            return Variant.FIXED;
        }
        if (t.is("as-written") || t.is("as_written") || t.is("original")) {
            return Variant.AS_WRITTEN;
        }
        throw line.error(t, "expected variant fixed or as-written, found " + t);
    }

    private static int defects(Line line, Token t) {
        if (t.is("all")) {
            return Defect.all();
        }
        if (t.is("none")) {
            return 0;
        }
        int bits = 0;
        for (String k : org.pagewalk.text.Split.on(t.text, ',')) {
            Defect d = Defect.byKey(k);
            if (d == null) {
                throw line.error(t, "unknown defect " + org.pagewalk.text.Printable.quote(k) + "; defects are all, none, or a list of: " + Defect.keys());
            }
            bits |= d.bit();
        }
        return bits;
    }
}
