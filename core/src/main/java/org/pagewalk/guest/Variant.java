package org.pagewalk.guest;

/** Which CeanOS memory manager runs. */
public enum Variant {
    /** The design as documented, with every error reported instead of corrupting state. */
    FIXED("fixed"),
    /** The original C code's behaviour, defects included, for "find the bug" labs. */
    AS_WRITTEN("as written");

    private final String label;

    Variant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
