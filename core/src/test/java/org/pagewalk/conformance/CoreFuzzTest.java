package org.pagewalk.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;

/**
 * The core fuzzed against its invariants (docs/CONFORMANCE.md): CI runs a fixed seed per guest
 * variant, {@value #CI_OPS} operations in all; {@code -Dpagewalk.fuzz.seed=N} and
 * {@code -Dpagewalk.fuzz.ops=N} run others. Then the checker is checked: deliberately wrong
 * machines must make it fail.
 */
class CoreFuzzTest {
    static final long CI_OPS = 1_000_000;
    private static final long FIXED_SEED = 0x13_F1_2026L;
    private static final long AS_WRITTEN_SEED = 0x13_A5_2026L;

    private static long seed(long fallback) {
        return TestProperty.longValue("pagewalk.fuzz.seed", fallback);
    }

    private static long ops(long share) {
        return TestProperty.longValue("pagewalk.fuzz.ops", share);
    }

    private static void runAndReport(long seed, GuestConfig config, long ops) {
        long start = System.nanoTime();
        CoreFuzzer fuzzer = new CoreFuzzer(seed, config, CoreFuzzer.Cpu::new);
        fuzzer.run(ops);
        long[] c = fuzzer.counts;
        System.out.println("core fuzz seed " + seed + " (" + config + "): " + ops + " operations in "
                + (System.nanoTime() - start) / 1_000_000 + " ms; guest calls ok " + c[0] + ", refused " + c[1]
                + ", kernel faults " + c[2] + "; accesses: TLB hits " + c[3] + ", walks " + c[4] + ", faults " + c[5]
                + "; flushes checked " + c[6]);
        assertTrue(c[0] > 0 && c[3] > 0 && c[4] > 0 && c[5] > 0, "the run exercised calls, hits, walks and faults");
    }

    @Test
    void fixedKernel() {
        runAndReport(seed(FIXED_SEED), GuestConfig.FIXED, ops(CI_OPS * 3 / 4));
    }

    @Test
    void asWrittenKernel() {
        runAndReport(seed(AS_WRITTEN_SEED), GuestConfig.AS_WRITTEN, ops(CI_OPS / 4));
    }

    /** A machine that ignores CR0.WP: kernel writes to read-only pages go through. */
    private static final class IgnoresWriteProtect extends CoreFuzzer.Cpu {
        IgnoresWriteProtect(Machine m) {
            super(m);
        }

        @Override
        AccessResult translate(int linear, int access) {
            int cr0 = m.cr().cr0();
            m.cr().writeCr0(cr0 & ~(1 << 16));
            try {
                return m.translateAccess(linear, access);
            } finally {
                m.cr().writeCr0(cr0);
            }
        }
    }

    /** A machine whose INVLPG does nothing. */
    private static final class IgnoresInvlpg extends CoreFuzzer.Cpu {
        IgnoresInvlpg(Machine m) {
            super(m);
        }

        @Override
        void invlpg(int linear) {
        }
    }

    @Test
    void noticesAMachineThatIgnoresWriteProtect() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new CoreFuzzer(FIXED_SEED, GuestConfig.FIXED, IgnoresWriteProtect::new).run(CI_OPS));
        assertTrue(e.getMessage().startsWith("seed " + FIXED_SEED), e.getMessage());
        assertTrue(e.getMessage().contains("kernel write"), e.getMessage());
    }

    @Test
    void noticesAMachineWhoseInvlpgDoesNothing() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new CoreFuzzer(FIXED_SEED, GuestConfig.FIXED, IgnoresInvlpg::new).run(CI_OPS));
        assertTrue(e.getMessage().contains("invalidation since its fill"), e.getMessage());
    }
}
