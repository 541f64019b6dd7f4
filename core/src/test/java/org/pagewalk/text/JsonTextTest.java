package org.pagewalk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void escapesWhatJsonAndScriptsNeed() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\\u003C/script>\\u2028\"",
                JsonText.quote("a\"b\\c\nd\te\u0001</script>\u2028"));
        assertEquals("\"0xFFFFF000\"", JsonText.quote(Hex.hex32(0xFFFFF000)));
    }
}
