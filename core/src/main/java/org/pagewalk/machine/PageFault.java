package org.pagewalk.machine;

import org.pagewalk.text.Hex;

/**
 * A page fault (#PF, vector 14) as a value: the faulting linear address (what CR2 receives), the
 * error code of SDM §4.7, and where the walk stopped. Build one with {@link #notPresent()},
 * {@link #protection()} or {@link #reserved()}: the only place error-code bits are set.
 */
public final class PageFault {
    public static final int P = 1;
    public static final int WR = 1 << 1;
    public static final int US = 1 << 2;
    public static final int RSVD = 1 << 3;
    public static final int ID = 1 << 4;

    /** The walk stopped at the page-directory entry. */
    public static final int LEVEL_PDE = 2;
    /** The walk stopped at the page-table entry. */
    public static final int LEVEL_PTE = 1;

    private final int linear;
    private final int errorCode;
    private final int level;
    private final int entryAddress;
    private final int entryValue;

    private PageFault(int linear, int errorCode, int level, int entryAddress, int entryValue) {
        this.linear = linear;
        this.errorCode = errorCode;
        this.level = level;
        this.entryAddress = entryAddress;
        this.entryValue = entryValue;
    }

    public static Builder notPresent() {
        return new Builder(0);
    }

    public static Builder protection() {
        return new Builder(P);
    }

    /** A reserved bit was set in an entry used: P = 1 and RSVD = 1. */
    public static Builder reserved() {
        return new Builder(P | RSVD);
    }

    public int linear() {
        return linear;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotPresent() {
        return (errorCode & P) == 0;
    }

    public boolean isWrite() {
        return (errorCode & WR) != 0;
    }

    public boolean isUser() {
        return (errorCode & US) != 0;
    }

    public boolean isReserved() {
        return (errorCode & RSVD) != 0;
    }

    public int level() {
        return level;
    }

    public int entryAddress() {
        return entryAddress;
    }

    public int entryValue() {
        return entryValue;
    }

    /** Numbers only; {@code explain.Words} says why it faulted. */
    @Override
    public String toString() {
        return "#PF at " + Hex.hex32(linear) + " error code " + Hex.hex(errorCode, 1) + " ("
                + (level == LEVEL_PDE ? "PDE" : "PTE") + " at " + Hex.hex32(entryAddress) + " = " + Hex.hex32(entryValue) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PageFault)) {
            return false;
        }
        PageFault f = (PageFault) o;
        return f.linear == linear && f.errorCode == errorCode && f.level == level
                && f.entryAddress == entryAddress && f.entryValue == entryValue;
    }

    @Override
    public int hashCode() {
        return ((linear * 31 + errorCode) * 31 + level) * 31 + entryAddress;
    }

    /** Collects the access kind and the failing entry, then builds the fault. */
    public static final class Builder {
        private int code;
        private int linear;
        private int level;
        private int entryAddress;
        private int entryValue;

        private Builder(int base) {
            this.code = base;
        }

        public Builder write(boolean write) {
            code = write ? code | WR : code & ~WR;
            return this;
        }

        public Builder user(boolean user) {
            code = user ? code | US : code & ~US;
            return this;
        }

        /** The access bits of {@link Access} are the W/R and U/S bits already. */
        public Builder access(int access) {
            return write(Access.isWrite(access)).user(Access.isUser(access));
        }

        public Builder at(int linear) {
            this.linear = linear;
            return this;
        }

        public Builder entry(int level, int address, int value) {
            this.level = level;
            this.entryAddress = address;
            this.entryValue = value;
            return this;
        }

        public PageFault build() {
            return new PageFault(linear, code, level, entryAddress, entryValue);
        }
    }
}
