package org.pagewalk.exercise;

import org.pagewalk.exercise.AnswerField.Type;

/** What a question asks, and the blanks of its answer (the page makes one field per blank). */
public enum QuestionKind {
    INDEXES("Split the address",
            new AnswerField("directory", "Directory index (decimal)", Type.DECIMAL),
            new AnswerField("table", "Table index (decimal)", Type.DECIMAL),
            new AnswerField("offset", "Offset (hex)", Type.HEX)),
    ENTRY("Read the entry",
            new AnswerField("present", "Present", Type.YES_NO),
            new AnswerField("large", "Maps a 4 MiB page (PS)", Type.YES_NO),
            new AnswerField("frame", "Page table, or frame, address (hex)", Type.HEX),
            new AnswerField("writable", "Writable (R/W)", Type.YES_NO),
            new AnswerField("user", "User accessible (U/S)", Type.YES_NO),
            new AnswerField("accessed", "Accessed (A)", Type.YES_NO),
            new AnswerField("dirty", "Dirty (D)", Type.YES_NO)),
    TRANSLATION("Translate or fault",
            new AnswerField("faults", "It page-faults", Type.YES_NO),
            new AnswerField("physical", "Physical address (hex)", Type.HEX),
            new AnswerField("p", "Error code bit 0, P (yes: a protection violation; no: not present)", Type.YES_NO),
            new AnswerField("wr", "Error code bit 1, W/R (a write)", Type.YES_NO),
            new AnswerField("us", "Error code bit 2, U/S (from user mode)", Type.YES_NO),
            new AnswerField("cr2", "CR2 (hex)", Type.HEX)),
    TLB("TLB hit or miss",
            new AnswerField("hit", "The last access hits the TLB", Type.YES_NO)),
    BITMAP("The frame allocator",
            new AnswerField("frame", "Physical address returned (hex)", Type.HEX),
            new AnswerField("word", "The bitmap word afterwards (hex)", Type.HEX));

    private final String title;
    private final AnswerField[] fields;

    QuestionKind(String title, AnswerField... fields) {
        this.title = title;
        this.fields = fields;
    }

    public String title() {
        return title;
    }

    /** Every blank this kind can have; a question's answer fills the ones that apply to it. */
    public AnswerField[] fields() {
        return fields.clone();
    }

    public AnswerField field(String key) {
        for (AnswerField f : fields) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name() + " has no field " + key);
    }
}
