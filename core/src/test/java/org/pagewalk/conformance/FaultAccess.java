package org.pagewalk.conformance;

import org.pagewalk.machine.Access;

/** One entry of the fault-conformance access list: a read or write of 1 or 4 bytes at CPL 0 or 3. */
final class FaultAccess {
    /** Bit 0 of {@link #kind}: four bytes (else one). Bits 1 and 2 are {@link Access}'s. */
    static final int FOUR_BYTES = 1;

    /** As the guest reads it: bit 0 size, bit 1 write, bit 2 CPL 3. */
    final int kind;
    final int linear;
    /** What a write stores (its low byte for a 1-byte write). */
    final int value;

    FaultAccess(int access, int size, int linear, int value) {
        this.kind = access | (size == 4 ? FOUR_BYTES : 0);
        this.linear = linear;
        this.value = Access.isWrite(access) ? value : 0;
    }

    int access() {
        return kind & (Access.WRITE | Access.USER);
    }

    int size() {
        return (kind & FOUR_BYTES) != 0 ? 4 : 1;
    }

    boolean crossesPage() {
        return (linear & 0xFFF) + size() > 0x1000;
    }

    @Override
    public String toString() {
        return (Access.isUser(kind) ? "CPL 3 " : "CPL 0 ") + (Access.isWrite(kind) ? "write" : "read") + size()
                + " " + ReferenceWalk.hex(linear) + (Access.isWrite(kind) ? " = " + ReferenceWalk.hex(value) : "");
    }
}
