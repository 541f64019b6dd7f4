package org.pagewalk.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.pagewalk.guest.Defect;

/** Every defect has a lab whose faulty lines are exactly the lines its fixed variant changes. */
class BugLabTest {
    @Test
    void everyDefectHasALabAndItsFixChangesTheFaultyLines() {
        assertEquals(Defect.values().length, BugLab.all().length);
        for (Defect d : Defect.values()) {
            BugLab lab = BugLab.byKey(d.key());
            assertNotNull(lab, d.key());
            assertTrue(Files.exists(Paths.get("../static/scenarios", lab.lesson())), lab.lesson());
            String[] lines = lab.excerpt();
            int changed = 0;
            for (int i = 0; i < lines.length; i++) {
                if (!lab.fixedLine(i).equals(lines[i])) {
                    changed++;
                    assertTrue(lab.isFaulty(i), d.key() + ": line " + (i + 1) + " changes but is not marked faulty");
                }
            }
            assertTrue(changed >= 1, d.key() + ": the fixed variant changes nothing");
            assertTrue(lab.why().length() > 40, d.key());
        }
    }

    @Test
    void theMultiplyLabPointsAtTheReturnLine() {
        BugLab lab = BugLab.byKey("frame-multiply");
        assertTrue(lab.isFaulty(8));
        assertTrue(lab.excerpt()[8].contains("(b * 8 * i) * 0x1000"));
        assertTrue(lab.fixedLine(8).contains("(b * 8 + i) * 0x1000"));
        assertTrue(!lab.isFaulty(6), "marking the bit is right");
        assertEquals(null, BugLab.byKey("no-such-bug"));
    }
}
