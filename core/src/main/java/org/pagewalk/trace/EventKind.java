package org.pagewalk.trace;

import static org.pagewalk.trace.EventField.ACCESS;
import static org.pagewalk.trace.EventField.CAUSE;
import static org.pagewalk.trace.EventField.CHANGED;
import static org.pagewalk.trace.EventField.DEPTH;
import static org.pagewalk.trace.EventField.ENTRY;
import static org.pagewalk.trace.EventField.ENTRY_ADDRESS;
import static org.pagewalk.trace.EventField.ERROR_CODE;
import static org.pagewalk.trace.EventField.FAILED;
import static org.pagewalk.trace.EventField.FRAME;
import static org.pagewalk.trace.EventField.FRAME_NUMBER;
import static org.pagewalk.trace.EventField.INDEX;
import static org.pagewalk.trace.EventField.KEPT;
import static org.pagewalk.trace.EventField.LEVEL;
import static org.pagewalk.trace.EventField.LINEAR;
import static org.pagewalk.trace.EventField.NEW_VALUE;
import static org.pagewalk.trace.EventField.OLD_VALUE;
import static org.pagewalk.trace.EventField.PAGE_KIB;
import static org.pagewalk.trace.EventField.PAGE_NUMBER;
import static org.pagewalk.trace.EventField.PHYSICAL;
import static org.pagewalk.trace.EventField.PSE;
import static org.pagewalk.trace.EventField.REGISTER;
import static org.pagewalk.trace.EventField.REMOVED;
import static org.pagewalk.trace.EventField.RESULT;
import static org.pagewalk.trace.EventField.SET;
import static org.pagewalk.trace.EventField.SIZE;
import static org.pagewalk.trace.EventField.TOTAL_ALLOC;
import static org.pagewalk.trace.EventField.VALUE;
import static org.pagewalk.trace.EventField.WAY;
import static org.pagewalk.trace.EventField.WORDS;
import static org.pagewalk.trace.EventField.WRITE;

/**
 * Every architectural step the machine reports, and the numbers each one carries, in the order
 * the machine passes them to {@link TraceListener#event} (this list is the one place that order
 * is written down; readers use {@link TraceEvent}'s named accessors). Addresses are physical
 * unless named linear.
 */
public enum EventKind {
    /** A control-register write. */
    CR_WRITE(REGISTER, OLD_VALUE, NEW_VALUE),
    /** A translation starts. */
    WALK_START(LINEAR, ACCESS),
    /** The walk reads a page-directory entry. */
    PDE_READ(ENTRY_ADDRESS, ENTRY, INDEX, PSE),
    /** The walk reads a page-table entry. */
    PTE_READ(ENTRY_ADDRESS, ENTRY, INDEX),
    /** The walk sets Accessed in an entry. */
    ACCESSED_SET(ENTRY_ADDRESS, OLD_VALUE, NEW_VALUE, LEVEL),
    /** The walk sets Dirty in the leaf entry. */
    DIRTY_SET(ENTRY_ADDRESS, OLD_VALUE, NEW_VALUE, LEVEL),
    /** A translation succeeded. */
    TRANSLATED(LINEAR, PHYSICAL, PAGE_KIB, ACCESS),
    /** A page fault: LINEAR is the new CR2; LEVEL and ENTRY are where the walk stopped. */
    PAGE_FAULT(LINEAR, ERROR_CODE, LEVEL, ENTRY),
    /** The TLB had the page. */
    TLB_HIT(LINEAR, SET, WAY, PHYSICAL),
    /** The TLB did not have the page. */
    TLB_MISS(LINEAR, SET),
    /** A write found a TLB entry with Dirty clear and walks again to set it. */
    TLB_DIRTY_REWALK(LINEAR, SET, WAY),
    /** The TLB entry does not grant this access; it is dropped and the walk decides. */
    TLB_RIGHTS_REWALK(LINEAR, SET, WAY),
    /** A translation is cached. */
    TLB_FILL(SET, WAY, PAGE_NUMBER, FRAME),
    /** LRU eviction to make room: the evicted entry's page and frame. */
    TLB_EVICT(SET, WAY, PAGE_NUMBER, FRAME),
    /** One entry removed by invalidation. */
    TLB_INVALIDATE(SET, WAY, PAGE_NUMBER, CAUSE),
    /** A flush finished. */
    TLB_FLUSH(CAUSE, REMOVED, KEPT),
    /** INVLPG executed. */
    INVLPG(LINEAR, REMOVED),
    /** A data read through the MMU. */
    DATA_READ(LINEAR, PHYSICAL, VALUE, SIZE),
    /** A physical memory write. */
    PHYS_WRITE(PHYSICAL, OLD_VALUE, NEW_VALUE, SIZE),
    /** A block fill (rep stosd) of one page. */
    PHYS_FILL(PHYSICAL, WORDS, VALUE, CHANGED),
    /** An access beyond installed RAM: VALUE is what was written, or all ones read. */
    BUS_UNMAPPED(PHYSICAL, WRITE, VALUE, SIZE),
    /** The guest allocated a physical frame. */
    FRAME_ALLOC(PHYSICAL, FRAME_NUMBER, TOTAL_ALLOC),
    /** The guest freed a physical frame. */
    FRAME_FREE(PHYSICAL, FRAME_NUMBER, TOTAL_ALLOC),
    /** A guest kernel function was entered; {@link TraceEvent#text()} is its name and arguments. */
    GUEST_ENTER(DEPTH),
    /** A guest kernel function returned; the text is its name (and value) or its error. */
    GUEST_EXIT(RESULT, FAILED),
    /** A message from the guest kernel or a scenario, in {@link TraceEvent#text()}. */
    NOTE;

    private final EventField[] fields;
    private final int[] slots;

    EventKind(EventField... fields) {
        if (fields.length > 4) {
            throw new IllegalArgumentException(name() + " carries at most four numbers");
        }
        this.fields = fields;
        this.slots = new int[EventField.values().length];
        java.util.Arrays.fill(slots, -1);
        for (int i = 0; i < fields.length; i++) {
            slots[fields[i].ordinal()] = i;
        }
    }

    /** Whether events of this kind carry {@code field}. */
    public boolean has(EventField field) {
        return slots[field.ordinal()] >= 0;
    }

    /** Where {@code field} travels in {@link TraceListener#event} (0 = the first int), or -1. */
    int slot(EventField field) {
        return slots[field.ordinal()];
    }

    /** The fields this kind carries, in the order they travel. */
    public EventField[] fields() {
        return fields.clone();
    }
}
