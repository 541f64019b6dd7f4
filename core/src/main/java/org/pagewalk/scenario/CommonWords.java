package org.pagewalk.scenario;

import org.pagewalk.guest.GuestFunction;

/**
 * The words most scenario lines are made of (the command words, kernel and user, read and write,
 * byte, the flags a mapping takes, the CeanOS functions' names), each one shared string: the
 * tokenizer hands it out instead of cutting a new string for every occurrence, and the parser's
 * comparisons of it with the same constant (the command switch, {@code accept}, the function
 * table) are then equal at once. In TeaVM's WebAssembly, as a share link's 10,000 lines run cold,
 * a cut string is an allocation and a copy, and a comparison a call per character.
 */
final class CommonWords {
    private static final String[] KEYWORDS = {
        "boot", "attach", "read", "write", "translate", "mov", "invlpg", "poke", "poke8", "peek", "tlb-load",
        "checkpoint", "restore", "note", "pause", "expect", "kernel", "user", "byte", "ceanos",
        "USER|WRITE", "WRITE", "USER", "last", "hit", "miss", "fault", "physical", "value",
    };
    // Open addressing by length, first and last character; a power of two well above the count.
    private static final int SLOTS = 256;
    private static final String[] TABLE = new String[SLOTS];
    private static final char[][] TABLE_CHARS = new char[SLOTS][];

    static {
        for (String w : KEYWORDS) {
            add(w);
        }
        for (GuestFunction f : GuestFunction.values()) {
            add(f.functionName());
        }
    }

    private CommonWords() {
    }

    private static void add(String word) {
        char[] c = word.toCharArray();
        int slot = slot(c, 0, c.length);
        while (TABLE[slot] != null) {
            if (TABLE[slot].equals(word)) {
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        TABLE[slot] = word;
        TABLE_CHARS[slot] = c;
    }

    private static int slot(char[] chars, int from, int to) {
        return ((to - from) * 31 + chars[from] * 7 + chars[to - 1]) & (SLOTS - 1);
    }

    /** The shared string whose characters are exactly {@code chars[from]} to {@code chars[to - 1]}, or null. */
    static String find(char[] chars, int from, int to) {
        int n = to - from;
        for (int slot = slot(chars, from, to); TABLE_CHARS[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            char[] w = TABLE_CHARS[slot];
            if (w.length == n && same(w, chars, from)) {
                return TABLE[slot];
            }
        }
        return null;
    }

    private static boolean same(char[] word, char[] chars, int from) {
        for (int i = 0; i < word.length; i++) {
            if (word[i] != chars[from + i]) {
                return false;
            }
        }
        return true;
    }
}
