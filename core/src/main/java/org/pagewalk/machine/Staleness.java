package org.pagewalk.machine;

/**
 * How a TLB entry disagrees with the page tables in memory now (SDM §4.10.2.3: the CPU keeps
 * serving it until an invalidation): what the entry says beside what a walk says. A value;
 * {@code explain} puts it in words.
 */
public final class Staleness {
    /** What differs. */
    public enum Kind {
        /** Memory maps the page no more: a walk faults ({@link #fault()}). */
        NOT_MAPPED,
        /** Memory maps the page to another frame, or with another page size. */
        OTHER_FRAME,
        /** Same frame and size, other combined R/W or U/S. */
        OTHER_RIGHTS
    }

    private final Kind kind;
    private final TlbEntry cached;
    private final PageFault fault;
    private final Translation memory;

    private Staleness(Kind kind, TlbEntry cached, PageFault fault, Translation memory) {
        this.kind = kind;
        this.cached = cached;
        this.fault = fault;
        this.memory = memory;
    }

    /**
     * Compares a valid entry with the walk for its first address, {@code now}. Returns
     * {@code null} when they agree.
     */
    static Staleness of(TlbEntry cached, AccessResult now) {
        if (now.isFault()) {
            return new Staleness(Kind.NOT_MAPPED, cached, now.fault(), null);
        }
        Translation t = now.translation();
        if (t.isLargePage() != cached.isLargePage() || frameOf(t) != cached.frame()) {
            return new Staleness(Kind.OTHER_FRAME, cached, null, t);
        }
        if (t.isWritable() != cached.isWritable() || t.isUser() != cached.isUser()) {
            return new Staleness(Kind.OTHER_RIGHTS, cached, null, t);
        }
        return null;
    }

    private static int frameOf(Translation t) {
        return t.physical() & (t.isLargePage() ? EntryBits.FRAME_4M : EntryBits.FRAME_4K);
    }

    public Kind kind() {
        return kind;
    }

    /** The entry, as the TLB holds it. */
    public TlbEntry cached() {
        return cached;
    }

    /** The fault a walk raises now ({@link Kind#NOT_MAPPED}), else {@code null}. */
    public PageFault fault() {
        return fault;
    }

    /** What a walk of the entry's first address says now (not for {@link Kind#NOT_MAPPED}). */
    public Translation memory() {
        return memory;
    }

    /** The frame base memory maps the page to now (not for {@link Kind#NOT_MAPPED}). */
    public int frame() {
        return memory == null ? 0 : frameOf(memory);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Staleness)) {
            return false;
        }
        Staleness s = (Staleness) o;
        return s.kind == kind && s.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return kind + " " + cached + " / " + (fault != null ? fault : memory);
    }
}
