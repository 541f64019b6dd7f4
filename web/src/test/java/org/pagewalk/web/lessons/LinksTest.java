package org.pagewalk.web.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The state-carrying links and where an embed saves. */
class LinksTest {
    @Test
    void aLinkDropsTheFramesParametersAndCarriesTheLessonOnce() {
        assertEquals("https://h/pw/index.html?engine=js&scenario=06-forgotten-invlpg.pw&at=4#run=Ym9vdA",
                Links.of("https://h/pw/index.html?scenario=03-first-mapping.pw&engine=js&embed=1&view=walk&parent=https://c&save=x&at=9",
                        null, "06-forgotten-invlpg.pw", 4, "Ym9vdA"));
    }

    @Test
    void anEmbedSnippetAddsItsParameters() {
        assertEquals("file:///p/index.html?embed=1&view=walk#run=Ym9vdA",
                Links.of("file:///p/index.html", "embed=1&view=walk", null, 0, "Ym9vdA"));
    }

    @Test
    void anEmbedSavesUnderItsOwnKeyOrNotAtAll() {
        assertEquals(Autosave.KEY, Autosave.keyFor(false, "week3"));
        assertNull(Autosave.keyFor(true, null));
        assertEquals("pagewalk.embed.week3.v1", Autosave.keyFor(true, "week3"));
        assertNull(Autosave.keyFor(true, "../x"), "only letters, digits, - and _");
    }
}
