package org.pagewalk.inspect;

/** One step of a translation as the walk view animates it: which station, what was read, in words. */
public final class WalkStep {
    public static final int CR3 = 0;
    public static final int DIRECTORY = 1;
    public static final int TABLE = 2;
    public static final int FRAME = 3;
    public static final int TLB = 4;
    public static final int FAULT = 5;

    private final int station;
    private final int address;
    private final int value;
    private final String sentence;
    private final boolean hit;

    WalkStep(int station, int address, int value, String sentence) {
        this(station, address, value, sentence, false);
    }

    /** The TLB serving the translation at {@code physical}. */
    static WalkStep tlbHit(int physical, String sentence) {
        return new WalkStep(TLB, physical, 0, sentence, true);
    }

    private WalkStep(int station, int address, int value, String sentence, boolean hit) {
        this.hit = hit;
        this.station = station;
        this.address = address;
        this.value = value;
        this.sentence = sentence;
    }

    public int station() {
        return station;
    }

    /** Whether this step is the TLB serving the translation: a hit, so no entry is read. */
    public boolean isTlbHit() {
        return hit;
    }

    /** The physical address read at this step (entry address, or the final physical address). */
    public int address() {
        return address;
    }

    public int value() {
        return value;
    }

    public String sentence() {
        return sentence;
    }

    @Override
    public String toString() {
        return sentence;
    }
}
