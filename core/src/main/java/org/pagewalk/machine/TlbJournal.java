package org.pagewalk.machine;

/**
 * The TLB's part of a transaction ({@link Machine#begin}): each entry's words as they were
 * before its first change, so that a rollback puts them back. O(1) to start, unlike copying the
 * whole TLB (which costs tens of microseconds in TeaVM's JavaScript). The counters the TLB keeps
 * beside its entries are saved by {@link Tlb} itself.
 */
final class TlbJournal {
    private static final int RECORD = 1 + TlbSlots.STRIDE;

    // journaledIn[i] == transaction: entry i is recorded in this transaction already.
    private final int[] journaledIn;
    private int transaction;
    private int[] records = new int[8 * RECORD];
    private int length;

    TlbJournal(int entries) {
        journaledIn = new int[entries];
    }

    /** A new transaction: nothing recorded yet. */
    void begin() {
        length = 0;
        transaction++;
    }

    /** Forgets the records (a commit, or after a rollback). */
    void clear() {
        length = 0;
    }

    /** Records entry {@code i}'s words unless this transaction already holds them. */
    void preserve(int[] slots, int i) {
        if (journaledIn[i] == transaction) {
            return;
        }
        journaledIn[i] = transaction;
        if (length + RECORD > records.length) {
            records = java.util.Arrays.copyOf(records, records.length * 2);
        }
        int at = length;
        records[at] = i;
        int from = i << TlbSlots.SHIFT;
        for (int k = 0; k < TlbSlots.STRIDE; k++) {
            records[at + 1 + k] = slots[from + k];
        }
        length = at + RECORD;
    }

    /** Puts every recorded entry back, newest record first, and forgets the records. */
    void rollback(int[] slots) {
        for (int at = length - RECORD; at >= 0; at -= RECORD) {
            int to = records[at] << TlbSlots.SHIFT;
            for (int k = 0; k < TlbSlots.STRIDE; k++) {
                slots[to + k] = records[at + 1 + k];
            }
        }
        length = 0;
    }
}
