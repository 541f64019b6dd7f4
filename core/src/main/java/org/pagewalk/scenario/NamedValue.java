package org.pagewalk.scenario;

import org.pagewalk.guest.GuestGlobals;

/**
 * The values {@code expect NAME = VALUE} reads by name: the control registers, the last call's
 * result, and CeanOS's globals (as mem.c spells them). A variable is the other kind of NAME.
 */
enum NamedValue {
    CR0("cr0"), CR2("cr2"), CR3("cr3"), CR4("cr4"), RESULT("result"),
    PAGE_FRAME_MIN("pageFrameMin"), PAGE_FRAME_MAX("pageFrameMax"), TOTAL_ALLOC("totalAlloc"),
    MEM_NUM_VPAGES("mem_num_vpages"), HEAP_START("heapStart"), HEAP_SIZE("heapSize"), PAGE_DIRS_IN_USE("pageDirsInUse");

    private final String name;

    NamedValue(String name) {
        this.name = name;
    }

    static NamedValue of(String name) {
        for (NamedValue v : values()) {
            if (v.name.equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** "cr0, cr2, ..., pageDirsInUse" for messages. */
    static String list() {
        StringBuilder sb = new StringBuilder();
        for (NamedValue v : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v.name);
        }
        return sb.toString();
    }

    /** The value now, or {@code null} when there is none (no result, no CeanOS for a global). */
    Integer read(Session s) {
        switch (this) {
            case CR0:
                return s.machine().cr().cr0();
            case CR2:
                return s.machine().cr().cr2();
            case CR3:
                return s.machine().cr().cr3();
            case CR4:
                return s.machine().cr().cr4();
            case RESULT:
                return s.lastCall() != null && s.lastCall().returnsValue() ? s.lastCall().value() : null;
            default:
                return s.os() == null ? null : global(s.os().globals());
        }
    }

    private Integer global(GuestGlobals g) {
        switch (this) {
            case PAGE_FRAME_MIN:
                return g.pageFrameMin();
            case PAGE_FRAME_MAX:
                return g.pageFrameMax();
            case TOTAL_ALLOC:
                return g.totalAlloc();
            case MEM_NUM_VPAGES:
                return g.memNumVpages();
            case HEAP_START:
                return g.heapStart();
            case HEAP_SIZE:
                return g.heapSize();
            default:
                return g.pageDirsInUse();
        }
    }
}
