package org.pagewalk.trace;

/**
 * One recorded event: its kind, its numbers and optional text. Read the numbers by name; each
 * accessor belongs to the kinds that carry its {@link EventField} (listed on {@link EventKind})
 * and throws {@link IllegalStateException} for any other kind, so a misread shows at once.
 */
public final class TraceEvent {
    private final EventKind kind;
    private final int a;
    private final int b;
    private final int c;
    private final int d;
    private final String text;

    public TraceEvent(EventKind kind, int a, int b, int c, int d, String text) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.text = text;
    }

    public EventKind kind() {
        return kind;
    }

    /** The words of a text event, or {@code null}. */
    public String text() {
        return text;
    }

    /** Whether this event carries {@code field}. */
    public boolean has(EventField field) {
        return kind.has(field);
    }

    /** The value of {@code field}; {@link IllegalStateException} if this kind does not carry it. */
    public int get(EventField field) {
        switch (kind.slot(field)) {
            case 0:
                return a;
            case 1:
                return b;
            case 2:
                return c;
            case 3:
                return d;
            default:
                throw new IllegalStateException(kind + " events carry no " + field);
        }
    }

    public int linear() {
        return get(EventField.LINEAR);
    }

    public int physical() {
        return get(EventField.PHYSICAL);
    }

    public int access() {
        return get(EventField.ACCESS);
    }

    public int entryAddress() {
        return get(EventField.ENTRY_ADDRESS);
    }

    public int entry() {
        return get(EventField.ENTRY);
    }

    public int index() {
        return get(EventField.INDEX);
    }

    public boolean pse() {
        return get(EventField.PSE) != 0;
    }

    public int level() {
        return get(EventField.LEVEL);
    }

    public int oldValue() {
        return get(EventField.OLD_VALUE);
    }

    public int newValue() {
        return get(EventField.NEW_VALUE);
    }

    public int pageKib() {
        return get(EventField.PAGE_KIB);
    }

    public int errorCode() {
        return get(EventField.ERROR_CODE);
    }

    public int set() {
        return get(EventField.SET);
    }

    public int way() {
        return get(EventField.WAY);
    }

    public int pageNumber() {
        return get(EventField.PAGE_NUMBER);
    }

    public int frame() {
        return get(EventField.FRAME);
    }

    public int cause() {
        return get(EventField.CAUSE);
    }

    public int removed() {
        return get(EventField.REMOVED);
    }

    public int kept() {
        return get(EventField.KEPT);
    }

    public int register() {
        return get(EventField.REGISTER);
    }

    public int value() {
        return get(EventField.VALUE);
    }

    public int size() {
        return get(EventField.SIZE);
    }

    public boolean isWrite() {
        return get(EventField.WRITE) != 0;
    }

    public int words() {
        return get(EventField.WORDS);
    }

    public boolean changed() {
        return get(EventField.CHANGED) != 0;
    }

    public int frameNumber() {
        return get(EventField.FRAME_NUMBER);
    }

    public int totalAlloc() {
        return get(EventField.TOTAL_ALLOC);
    }

    public int depth() {
        return get(EventField.DEPTH);
    }

    public int result() {
        return get(EventField.RESULT);
    }

    public boolean failed() {
        return get(EventField.FAILED) != 0;
    }

    /** The kind and its fields by name, e.g. {@code TLB_HIT LINEAR=0xd0000010 SET=0 ...}, for test messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.name());
        for (EventField f : kind.fields()) {
            sb.append(' ').append(f).append("=0x").append(Integer.toHexString(get(f)));
        }
        if (text != null) {
            sb.append(' ').append(text);
        }
        return sb.toString();
    }
}
