package org.pagewalk.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void wordsAreThePiecesBetweenRunsOfWhiteSpace() {
        assertArrayEquals(new String[] {"expect", "physical", "user", "0x1000"},
                Split.words("  expect physical\t\tuser \r\n 0x1000 \f"));
        assertArrayEquals(new String[] {"a", "b"}, Split.words("a\u000Bb"));
        assertArrayEquals(new String[] {"one"}, Split.words("one"));
        assertArrayEquals(new String[0], Split.words(" \t "));
        assertArrayEquals(new String[0], Split.words(""));
    }

    @Test
    void piecesBetweenOneSeparatorKeepEmptyOnes() {
        assertArrayEquals(new String[] {"", "a", "", "b", ""}, Split.on(",a,,b,", ','));
    }
}
