package org.pagewalk.guest;

import org.pagewalk.explain.Words;
import org.pagewalk.machine.PageFault;
import org.pagewalk.text.Hex;

/**
 * What a guest kernel call came to: a return value, a refusal (fixed variant: the machine is
 * exactly as before the call), or a page fault inside the kernel (the real kernel would panic:
 * the as-written variant leaves the machine as the fault found it, the fixed variant rolls the
 * call back).
 */
public final class CallResult {
    private final String function;
    private final int value;
    private final boolean returnsValue;
    private final String error;
    private final PageFault fault;

    private CallResult(String function, int value, boolean returnsValue, String error, PageFault fault) {
        this.function = function;
        this.value = value;
        this.returnsValue = returnsValue;
        this.error = error;
        this.fault = fault;
    }

    static CallResult value(String function, int value) {
        return new CallResult(function, value, true, null, null);
    }

    static CallResult done(String function) {
        return new CallResult(function, 0, false, null, null);
    }

    static CallResult refused(String function, String error) {
        return new CallResult(function, 0, false, error, null);
    }

    static CallResult faulted(String function, PageFault fault) {
        return new CallResult(function, 0, false, "kernel page fault in " + function + ": " + Words.fault(fault), fault);
    }

    public String function() {
        return function;
    }

    public boolean ok() {
        return error == null;
    }

    public int value() {
        return value;
    }

    public boolean returnsValue() {
        return returnsValue;
    }

    /** Why the call was refused or failed, or {@code null}. */
    public String error() {
        return error;
    }

    /** The page fault that stopped the kernel, or {@code null}. */
    public PageFault fault() {
        return fault;
    }

    @Override
    public String toString() {
        if (error != null) {
            return function + ": " + error;
        }
        return returnsValue ? function + " returned " + Hex.hex32(value) : function + " done";
    }
}
