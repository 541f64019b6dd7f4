package org.pagewalk.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryFieldsTest {
    private static EntryFields.Field field(List<EntryFields.Field> fields, String name) {
        for (EntryFields.Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + fields);
    }

    /** Every layout covers bits 31..0 exactly once, high bits first. */
    @Test
    void fieldsTileAllThirtyTwoBits() {
        int[][] cases = {{0x00300067, 1, 1}, {0x00255267, 2, 1}, {0x000000E3, 2, 1}, {0x000000E3, 2, 0}, {0, 2, 1}};
        for (int[] c : cases) {
            List<EntryFields.Field> fields = EntryFields.of(c[0], c[1], c[2] != 0);
            int next = 31;
            int rebuilt = 0;
            for (EntryFields.Field f : fields) {
                assertEquals(next, f.high(), "fields of " + Integer.toHexString(c[0]) + ": " + fields);
                rebuilt |= f.value() << f.low();
                next = f.low() - 1;
            }
            assertEquals(-1, next, "down to bit 0");
            assertEquals(c[0], rebuilt, "the fields put back together are the entry");
        }
    }

    @Test
    void pteFieldsNameTheFrameAndFlags() {
        List<EntryFields.Field> f = EntryFields.of(0x00300067, 1, true);
        assertEquals(EntryFields.Layout.PTE, EntryFields.layout(0x00300067, 1, true));
        assertEquals("Frame (bits 31:12) = 0x00300: 4 KiB page at physical 0x00300000", field(f, "Frame").toString());
        assertEquals(1, field(f, "D").value());
        assertEquals(1, field(f, "U/S").value());
        assertEquals("PAT", f.get(3).name(), "bit 7 of a PTE is PAT");
    }

    @Test
    void fourMiBPdeHasReservedBitsAndPs() {
        List<EntryFields.Field> f = EntryFields.of(0x00402083, 2, true);
        assertEquals(EntryFields.Layout.PDE_4M, EntryFields.layout(0x00402083, 2, true));
        assertEquals("4 MiB page at physical 0x00400000", field(f, "Frame").meaning());
        assertEquals(1, field(f, "RSVD").value());
        assertTrue(field(f, "RSVD").meaning().contains("RSVD"));
        assertEquals("4 MiB page (CR4.PSE = 1)", field(f, "PS").meaning());
    }

    @Test
    void psIgnoredWithoutPseAndOwnerNamed() {
        assertEquals(EntryFields.Layout.PDE_TABLE, EntryFields.layout(0x00000083, 2, false));
        List<EntryFields.Field> f = EntryFields.of(0x00255203, 2, true);
        assertEquals("page table at physical 0x00255000", field(f, "Table").meaning());
        assertTrue(field(f, "AVL").meaning().contains("OWNER"));
        assertEquals("0: points to a page table", field(f, "PS").meaning());
    }
}
