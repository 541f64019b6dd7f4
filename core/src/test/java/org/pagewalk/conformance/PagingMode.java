package org.pagewalk.conformance;

/**
 * The paging mode a conformance run compares. Pagewalk models 32-bit paging only; PAE and
 * 4-level paging will add entries (and their own image generators and walks) here.
 */
enum PagingMode {
    BITS_32("32-bit paging", 0);

    private final String label;
    /** CR4 bits the mode needs (PAE, LA57...), none for 32-bit paging. */
    private final int cr4;

    PagingMode(String label, int cr4) {
        this.label = label;
        this.cr4 = cr4;
    }

    int cr4() {
        return cr4;
    }

    @Override
    public String toString() {
        return label;
    }
}
