package org.pagewalk.conformance;

/**
 * What one access came to, as the guest records it: the number of page faults (0 or 1), the
 * error code and CR2 of the fault, and the value read (0 for a write or a fault). With no fault
 * the error code and CR2 are 0: the guest's result slot starts zeroed and only its #PF handler
 * writes them.
 */
final class FaultOutcome {
    final int faults;
    final int errorCode;
    final int cr2;
    final int value;

    FaultOutcome(int faults, int errorCode, int cr2, int value) {
        this.faults = faults;
        this.errorCode = errorCode;
        this.cr2 = cr2;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FaultOutcome)) {
            return false;
        }
        FaultOutcome f = (FaultOutcome) o;
        return f.faults == faults && f.errorCode == errorCode && f.cr2 == cr2 && f.value == value;
    }

    @Override
    public int hashCode() {
        return ((faults * 31 + errorCode) * 31 + cr2) * 31 + value;
    }

    @Override
    public String toString() {
        if (faults == 0) {
            return "no fault, value " + ReferenceWalk.hex(value);
        }
        return faults + " #PF error code 0x" + Integer.toHexString(errorCode) + " CR2 " + ReferenceWalk.hex(cr2)
                + (value != 0 ? " value " + ReferenceWalk.hex(value) : "");
    }
}
