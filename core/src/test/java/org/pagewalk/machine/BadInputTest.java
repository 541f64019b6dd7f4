package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Impossible values are refused with a message naming the value and the allowed range; nothing changes. */
class BadInputTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void ramSize() {
        assertEquals("installed RAM must be 1 MiB to 4096 MiB (4 GiB), was 0 MiB", message(() -> MachineConfig.ofMiB(0, 64, 4)));
        assertEquals("installed RAM must be 1 MiB to 4096 MiB (4 GiB), was 4097 MiB", message(() -> MachineConfig.ofMiB(4097, 64, 4)));
        assertEquals("installed RAM must be 1 MiB to 4 GiB in whole 4 KiB frames, was 255 frames",
                message(() -> new MachineConfig(255, TlbGeometry.DEFAULT)));
    }

    @Test
    void tlbGeometry() {
        assertEquals("TLB entries must be 1 to 4096, was 0", message(() -> new TlbGeometry(0, 1)));
        assertEquals("TLB ways must be 1 to the number of entries (64), was 128", message(() -> new TlbGeometry(64, 128)));
        assertEquals("TLB entries (64) must be a multiple of the ways (3)", message(() -> new TlbGeometry(64, 3)));
        assertEquals("TLB sets (entries / ways = 3) must be a power of two (1, 2, 4, 8, ...)", message(() -> new TlbGeometry(12, 4)));
    }

    @Test
    void controlRegistersAreUnchangedAfterARefusedWrite() {
        Tables t = Tables.pagingOn().map4k(0x00403000, 0x00200000, EntryBits.WRITE, EntryBits.WRITE);
        t.m.read32(0x00403000, Access.KERNEL_READ);
        String before = MachineDump.of(t.m);
        assertEquals("CR3 value 0x00010800 is not 4 KiB aligned: bits 11:0 must be 0 (except PWT bit 3 and PCD bit 4)",
                message(() -> t.m.cr().writeCr3(0x00010800)));
        assertEquals("CR0 value 0x80000000 sets PG without PE: paging needs protected mode (#GP)",
                message(() -> t.m.cr().writeCr0(0x80000000)));
        assertEquals("CR0 value 0x80000021 sets bits Pagewalk does not model: only PE (bit 0), ET (bit 4, always 1), WP (bit 16) and PG (bit 31) are allowed",
                message(() -> t.m.cr().writeCr0(0x80000021)));
        assertEquals("CR4 value 0x00000030 sets PAE (bit 5): this CPU models 32-bit paging only",
                message(() -> t.m.cr().writeCr4(0x30)));
        assertEquals("CR4 value 0x00000200 sets bits Pagewalk does not model: only PSE (bit 4) and PGE (bit 7) are allowed",
                message(() -> t.m.cr().writeCr4(0x200)));
        assertEquals("access size must be 1 or 4 bytes, was 2", message(() -> t.m.access(0, Access.KERNEL_READ, 0, 2)));
        assertEquals(before, MachineDump.of(t.m));
        // PWT and PCD are allowed in CR3.
        t.m.cr().writeCr3(Tables.DIR | ControlRegisterBits.CR3_PWT | ControlRegisterBits.CR3_PCD);
        assertEquals(0x00200000, t.m.translate(0x00403000, Access.KERNEL_READ));
    }

    @Test
    void tlbEntryOutOfRange() {
        Machine m = new Machine();
        assertEquals("no TLB entry at set 16 way 0 (sets 0..15, ways 0..3)", message(() -> m.tlb().entry(16, 0)));
    }

    @Test
    void unsignedOutput() {
        assertEquals("0xFFFFF000", org.pagewalk.text.Hex.hex32(0xFFFFF000));
        assertEquals("4294963200", org.pagewalk.text.Hex.unsigned(0xFFFFF000));
        int[] out = new int[1];
        assertEquals(null, org.pagewalk.text.Hex.parseUnsigned("0xFFFFF000", out));
        assertEquals(0xFFFFF000, out[0]);
        assertEquals(null, org.pagewalk.text.Hex.parseUnsigned("4294967295", out));
        assertEquals(-1, out[0]);
        assertEquals("'4294967296' does not fit in 32 bits (the largest value is 0xFFFFFFFF = 4294967295)",
                org.pagewalk.text.Hex.parseUnsigned("4294967296", out));
        assertEquals("'0x1G' is not a hexadecimal number: 'G' is not a digit 0-9 or A-F",
                org.pagewalk.text.Hex.parseUnsigned("0x1G", out));
        assertEquals("4 GiB", org.pagewalk.text.Sizes.ofFrames(1 << 20));
        assertEquals("32 MiB", org.pagewalk.text.Sizes.ofFrames(8192));
    }
}
