package org.pagewalk.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pagewalk.machine.Machine;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;

/**
 * Every answer equals what a reference worked out here gives, with none of the emulator's paging
 * code: a walk over the words in physical memory with the SDM's rules (Vol. 3A §4.3 walk, §4.6
 * rights, §4.7 error code), a TLB modelled as a set of page numbers (filled by a successful walk,
 * emptied by INVLPG of the page, a CR3 write or a fault on it), the index arithmetic done with
 * division, and the bitmap scanned bit by bit. The machine runs the lines only so that memory and
 * control registers are where the question finds them.
 */
class ExerciseReferenceTest {
    private static final int P = 1;
    private static final int RW = 2;
    private static final int US = 4;
    private static final int PS = 0x80;
    private static final int BITMAP = 0x00130000;

    @Test
    void everyAnswerMatchesTheReference() {
        int checked = 0;
        for (Level level : Level.values()) {
            for (int seed = 1; seed <= 150; seed++) {
                ExerciseSet set = ExerciseGenerator.generate(seed, level);
                Session s = new Session();
                for (String line : set.setup()) {
                    assertEquals(StepResult.Status.OK, Interpreter.runLine(s, line).status(), line);
                }
                for (Question q : set.questions()) {
                    Session.State saved = s.save();
                    String where = level + " seed " + seed + ": " + q.prompt();
                    Answer expected = reference(s, q);
                    assertEquals(expected.toText(), q.answer().toText(), where);
                    assertTrue(AnswerChecker.check(q, expected).isCorrect(), where);
                    s.load(saved);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5 * 150 * ExerciseGenerator.QUESTIONS);
    }

    private static Answer reference(Session s, Question q) {
        switch (q.kind()) {
            case INDEXES: {
                long linear = q.address() & 0xFFFFFFFFL;
                return new Answer(QuestionKind.INDEXES).with("directory", (int) (linear / (4096 * 1024)))
                        .with("table", (int) (linear / 4096 % 1024)).with("offset", (int) (linear % 4096));
            }
            case ENTRY:
                return entry(q.prompt());
            case BITMAP:
                return bitmap(s.machine());
            case TLB:
                return tlb(s, q);
            default:
                for (String l : q.context()) {
                    run(s, l);
                }
                return translation(s.machine(), q.walk());
        }
    }

    /** The value the prompt quotes, decoded bit by bit (Tables 4-5, 4-6). */
    private static Answer entry(String prompt) {
        int at = prompt.indexOf(" holds 0x") + " holds 0x".length();
        int value = (int) Long.parseLong(prompt.substring(at, at + 8), 16);
        boolean pde = prompt.startsWith("PDE");
        Answer a = new Answer(QuestionKind.ENTRY).with("present", value & P);
        if ((value & P) == 0) {
            return a;
        }
        boolean large = pde && (value & PS) != 0;
        if (pde) {
            a.with("large", large);
        }
        a.with("frame", large ? value & 0xFFC00000 : value & 0xFFFFF000).with("writable", (value >> 1) & 1)
                .with("user", (value >> 2) & 1).with("accessed", (value >> 5) & 1);
        if (!pde || large) {
            a.with("dirty", (value >> 6) & 1);
        }
        return a;
    }

    private static Answer bitmap(Machine m) {
        for (int frame = 0x250; ; frame++) {
            int word = m.readPhysical32(BITMAP + frame / 32 * 4);
            if ((word & (1 << (frame % 32))) == 0) {
                return new Answer(QuestionKind.BITMAP).with("frame", frame * 4096).with("word", word | (1 << (frame % 32)));
            }
        }
    }

    private static Answer tlb(Session s, Question q) {
        Set<Integer> cached = new HashSet<>();
        boolean hit = false;
        java.util.List<String> lines = q.context();
        lines.add(q.walk());
        for (String l : lines) {
            String[] w = l.split("[ ,]+");
            int address = (int) Long.parseLong(w[w.length - 1].substring(2), 16);
            if (w[0].equals("invlpg")) {
                cached.remove(address >>> 12);
            } else if (w[0].equals("mov")) {
                cached.clear();
            } else {
                Answer t = translation(s.machine(), l);
                hit = cached.contains(address >>> 12);
                if (t.get("faults") != 0) {
                    cached.remove(address >>> 12);
                    hit = false;
                } else {
                    cached.add(address >>> 12);
                }
            }
            run(s, l);
        }
        return new Answer(QuestionKind.TLB).with("hit", hit);
    }

    /** {@code translate user|kernel read|write ADDRESS} by hand. */
    private static Answer translation(Machine m, String line) {
        String[] w = line.split(" ");
        boolean user = w[1].equals("user");
        boolean write = w[2].equals("write");
        int linear = (int) Long.parseLong(w[3].substring(2), 16);
        Answer fault = new Answer(QuestionKind.TRANSLATION).with("faults", 1).with("wr", write).with("us", user)
                .with("cr2", linear);
        int pde = m.readPhysical32((m.cr().cr3() & 0xFFFFF000) + (linear >>> 22) * 4);
        if ((pde & P) == 0) {
            return fault.with("p", 0);
        }
        int rights;
        int physical;
        if ((pde & PS) != 0 && (m.cr().cr4() & 0x10) != 0) {
            rights = pde;
            physical = (pde & 0xFFC00000) + (linear & 0x3FFFFF);
        } else {
            int pte = m.readPhysical32((pde & 0xFFFFF000) + ((linear >>> 12) & 0x3FF) * 4);
            if ((pte & P) == 0) {
                return fault.with("p", 0);
            }
            rights = pde & pte;
            physical = (pte & 0xFFFFF000) + (linear & 0xFFF);
        }
        boolean wp = (m.cr().cr0() & 0x10000) != 0;
        boolean allowed = user ? (rights & US) != 0 && (!write || (rights & RW) != 0)
                : !write || (rights & RW) != 0 || !wp;
        return allowed ? new Answer(QuestionKind.TRANSLATION).with("faults", 0).with("physical", physical) : fault.with("p", 1);
    }

    private static void run(Session s, String line) {
        assertEquals(StepResult.Status.OK, Interpreter.runLine(s, line).status(), line);
    }
}
