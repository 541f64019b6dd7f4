package org.pagewalk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Machine;

/**
 * Every answer an exercise gives is the one a walk by hand gives: the walk below reads the
 * directory and table words out of physical memory and applies the Intel SDM's rules itself
 * (Vol. 3A §4.3 for the walk, §4.6 for the rights, §4.7 for the error code), with none of the
 * emulator's paging code. Comparing with the emulator's own translation would only show that it
 * agrees with itself.
 */
class ExerciseAnswersTest {
    private static final int PRESENT = 1;
    private static final int READ_WRITE = 1 << 1;
    private static final int USER_SUPERVISOR = 1 << 2;
    private static final int PAGE_SIZE = 1 << 7;
    private static final int CR0_WP = 1 << 16;
    private static final int CR4_PSE = 1 << 4;
    /** Error code bits (§4.7). */
    private static final int EC_PROTECTION = 1;
    private static final int EC_WRITE = 1 << 1;
    private static final int EC_USER = 1 << 2;

    @Test
    void everyAnswerMatchesAWalkByHand() {
        int physical = 0;
        int faults = 0;
        int protectionFaults = 0;
        for (int i = 1; i <= 120; i++) {
            int seed = i;
            int pages = 1 + (seed * 7) % 64;
            String text = new ExerciseGenerator(seed).generate(seed, pages, 64);
            Session session = new Session();
            int answers = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("expect ")) {
                    String where = "seed " + seed + ": " + line;
                    // expect physical|fault user|kernel read|write LINEAR = ANSWER
                    String[] w = line.split(" ");
                    assertEquals(7, w.length, where);
                    boolean user = w[2].equals("user");
                    boolean write = w[3].equals("write");
                    int linear = Integer.parseUnsignedInt(w[4].substring(2), 16);
                    int answer = Integer.parseUnsignedInt(w[6].substring(2), 16);
                    Walk walk = walk(session.machine(), linear, user, write);
                    if (w[1].equals("physical")) {
                        assertTrue(!walk.faulted, () -> where + ": by hand it faults with " + walk.errorCode);
                        assertEquals(walk.physical, answer, where);
                        physical++;
                    } else {
                        assertEquals("fault", w[1], where);
                        assertTrue(walk.faulted, () -> where + ": by hand it reaches " + Integer.toHexString(walk.physical));
                        assertEquals(walk.errorCode, answer, where);
                        faults++;
                        if ((answer & EC_PROTECTION) != 0) {
                            protectionFaults++;
                        }
                    }
                    answers++;
                } else if (!line.startsWith("title ") && !line.startsWith("about ") && !line.startsWith("note ")
                        && !line.equals("pause")) {
                    // The exercise's own setup: boot, init_mm and the mappings.
                    StepResult r = Interpreter.runLine(session, line);
                    assertEquals(StepResult.Status.OK, r.status(), () -> "seed " + seed + ": " + line + " -> " + r.message());
                }
            }
            assertEquals(64, answers, "seed " + seed);
        }
        // Each kind of answer was checked many times, not just once by luck.
        assertTrue(physical > 1000, "translations checked: " + physical);
        assertTrue(faults > 1000, "faults checked: " + faults);
        assertTrue(protectionFaults > 100, "protection faults checked: " + protectionFaults);
    }

    /** What a walk by hand gives: a physical address, or a fault with its error code. */
    private static final class Walk {
        final boolean faulted;
        final int physical;
        final int errorCode;

        private Walk(boolean faulted, int physical, int errorCode) {
            this.faulted = faulted;
            this.physical = physical;
            this.errorCode = errorCode;
        }
    }

    private static Walk walk(Machine m, int linear, boolean user, boolean write) {
        int accessBits = (write ? EC_WRITE : 0) | (user ? EC_USER : 0);
        // §4.3: CR3 bits 31:12 locate the directory; linear bits 31:22 select the PDE.
        int pde = m.readPhysical32((m.cr().cr3() & 0xFFFFF000) | ((linear >>> 22) << 2));
        if ((pde & PRESENT) == 0) {
            return new Walk(true, 0, accessBits);
        }
        int rights;
        int physical;
        if ((pde & PAGE_SIZE) != 0 && (m.cr().cr4() & CR4_PSE) != 0) {
            // A 4 MiB page: PDE bits 31:22 are the frame, linear bits 21:0 the offset.
            rights = pde;
            physical = (pde & 0xFFC00000) | (linear & 0x003FFFFF);
        } else {
            // PDE bits 31:12 locate the table; linear bits 21:12 select the PTE.
            int pte = m.readPhysical32((pde & 0xFFFFF000) | (((linear >>> 12) & 0x3FF) << 2));
            if ((pte & PRESENT) == 0) {
                return new Walk(true, 0, accessBits);
            }
            // §4.6: a right holds only if both levels grant it.
            rights = pde & pte;
            physical = (pte & 0xFFFFF000) | (linear & 0xFFF);
        }
        boolean writable = (rights & READ_WRITE) != 0;
        boolean userPage = (rights & USER_SUPERVISOR) != 0;
        boolean allowed;
        if (user) {
            allowed = userPage && (!write || writable);
        } else {
            // Supervisor reads go anywhere; supervisor writes to read-only pages only with CR0.WP clear.
            allowed = !write || writable || (m.cr().cr0() & CR0_WP) == 0;
        }
        return allowed ? new Walk(false, physical, 0) : new Walk(true, 0, EC_PROTECTION | accessBits);
    }
}
