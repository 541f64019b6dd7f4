package org.pagewalk.inspect;

/** What a physical frame holds, as the frame map colours it. The order is the legend's order. */
public enum FrameKind {
    FREE("free", "free frame the allocator may hand out"),
    KERNEL_IMAGE("kernel", "CeanOS kernel image (code, globals, stack, bitmap)"),
    DIRECTORY("directory", "page directory (initial_page_dir or a used pageDirs entry)"),
    PAGE_TABLE("table", "page table"),
    MAPPED("mapped", "a 4 KiB page mapped by a page table"),
    ALLOCATED("allocated", "allocated in the bitmap but not mapped anywhere"),
    LOW("reserved", "below pageFrameMin: never handed out (BIOS, kernel load area)"),
    BEYOND_RAM("no RAM", "beyond installed RAM");

    private final String label;
    private final String description;

    FrameKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
