package org.pagewalk.machine;

/**
 * What one access or translation came to: a {@link Translation} (and the value read, for a
 * read), or a {@link PageFault}. Exactly one of the two is non-null. Whether the TLB served it
 * is the translation's own fact ({@link Translation#isFromTlb()}), set by the MMU that made it.
 */
public final class AccessResult {
    private final Translation translation;
    private final PageFault fault;
    private final int value;

    private AccessResult(Translation translation, PageFault fault, int value) {
        this.translation = translation;
        this.fault = fault;
        this.value = value;
    }

    public static AccessResult ok(Translation translation, int value) {
        return new AccessResult(translation, null, value);
    }

    public static AccessResult faulted(PageFault fault) {
        return new AccessResult(null, fault, 0);
    }

    /** The value read, on this translation. */
    AccessResult withValue(int read) {
        return new AccessResult(translation, null, read);
    }

    /** Whether a TLB entry served the access (no walk). A fault or a walk is not a hit. */
    public boolean hit() {
        return translation != null && translation.isFromTlb();
    }

    public boolean isFault() {
        return fault != null;
    }

    public Translation translation() {
        return translation;
    }

    public PageFault fault() {
        return fault;
    }

    /** The value read (0 for a write or a fault). */
    public int value() {
        return value;
    }

    public int physical() {
        return translation == null ? 0 : translation.physical();
    }

    @Override
    public String toString() {
        return fault != null ? fault.toString() : translation.toString();
    }
}
