package org.pagewalk.guest;

/** Variant and, for the as-written variant, which defects are on (a bit set of {@link Defect#bit()}). */
public final class GuestConfig {
    public static final GuestConfig FIXED = new GuestConfig(Variant.FIXED, 0);
    public static final GuestConfig AS_WRITTEN = new GuestConfig(Variant.AS_WRITTEN, Defect.all());

    private final Variant variant;
    private final int defects;

    public GuestConfig(Variant variant, int defects) {
        if (variant == null) {
            throw new IllegalArgumentException("variant must be given (fixed or as written)");
        }
        if ((defects & ~Defect.all()) != 0) {
            throw new IllegalArgumentException("unknown defect bits " + Integer.toHexString(defects));
        }
        if (variant == Variant.FIXED && defects != 0) {
            throw new IllegalArgumentException("the fixed variant has no defects; choose the as-written variant to switch defects on");
        }
        this.variant = variant;
        this.defects = defects;
    }

    public Variant variant() {
        return variant;
    }

    public int defects() {
        return defects;
    }

    public boolean has(Defect d) {
        return (defects & d.bit()) != 0;
    }

    public boolean isFixed() {
        return variant == Variant.FIXED;
    }

    @Override
    public String toString() {
        if (variant == Variant.FIXED) {
            return "fixed";
        }
        StringBuilder sb = new StringBuilder("as written");
        if (defects != Defect.all()) {
            sb.append(" (defects:");
            for (Defect d : Defect.values()) {
                if (has(d)) {
                    sb.append(' ').append(d.key());
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
