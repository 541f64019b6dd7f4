package org.pagewalk.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 32 rows of SDM §4.6 (the table Bochs writes above priv_check[]), written out by hand so
 * the decision function is checked against the manual, not against itself.
 */
class AccessRightsTest {
    @ParameterizedTest(name = "WP={0} user={1} U/S={2} R/W={3} write={4} -> {5}")
    @CsvSource({
        // wp, user access, U/S, R/W, write, allowed
        "0,0,0,0,0,1", "0,0,0,0,1,1", "0,0,0,1,0,1", "0,0,0,1,1,1",
        "0,0,1,0,0,1", "0,0,1,0,1,1", "0,0,1,1,0,1", "0,0,1,1,1,1",
        "0,1,0,0,0,0", "0,1,0,0,1,0", "0,1,0,1,0,0", "0,1,0,1,1,0",
        "0,1,1,0,0,1", "0,1,1,0,1,0", "0,1,1,1,0,1", "0,1,1,1,1,1",
        "1,0,0,0,0,1", "1,0,0,0,1,0", "1,0,0,1,0,1", "1,0,0,1,1,1",
        "1,0,1,0,0,1", "1,0,1,0,1,0", "1,0,1,1,0,1", "1,0,1,1,1,1",
        "1,1,0,0,0,0", "1,1,0,0,1,0", "1,1,0,1,0,0", "1,1,0,1,1,0",
        "1,1,1,0,0,1", "1,1,1,0,1,0", "1,1,1,1,0,1", "1,1,1,1,1,1",
    })
    void sdmTable(int wp, int user, int us, int rw, int write, int allowed) {
        assertEquals(allowed == 1, AccessRights.permits(wp == 1, user == 1, us == 1, rw == 1, write == 1));
        int access = (user == 1 ? Access.USER : 0) | (write == 1 ? Access.WRITE : 0);
        int rights = (us == 1 ? EntryBits.USER : 0) | (rw == 1 ? EntryBits.WRITE : 0);
        assertEquals(allowed == 1, AccessRights.permits(wp == 1, access, rights), "the bit-set form");
        int required = AccessRights.required(wp == 1, access);
        assertEquals(allowed == 1, (rights & required) == required, "the rights the access requires");
        assertEquals(allowed == 1, (rights & required) == required && (required & ~(EntryBits.USER | EntryBits.WRITE)) == 0,
                "only U/S and R/W are ever required");
    }
}
