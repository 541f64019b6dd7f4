package org.pagewalk.exercise;

/** The five levels of the exercises, each adding one piece of the architecture to the last. */
public enum Level {
    PAGES_4K(1, "4 KiB pages"),
    PAGES_4M(2, "4 KiB and 4 MiB pages"),
    RIGHTS(3, "rights and CR0.WP"),
    TLB(4, "the TLB and INVLPG"),
    TWO_SPACES(5, "two address spaces");

    private final int number;
    private final String title;

    Level(int number, String title) {
        this.number = number;
        this.title = title;
    }

    /** 1 to 5, as {@code ?level=N} and {@code --level N} give it. */
    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The level numbered {@code n}, or {@code null}. */
    public static Level byNumber(int n) {
        for (Level l : values()) {
            if (l.number == n) {
                return l;
            }
        }
        return null;
    }

    /** The message for a level that does not exist. */
    public static String rangeMessage(String given) {
        return "level must be 1 to " + values().length + " (1 4 KiB pages, 2 with 4 MiB pages, 3 rights and CR0.WP, "
                + "4 the TLB and INVLPG, 5 two address spaces), was " + given;
    }
}
