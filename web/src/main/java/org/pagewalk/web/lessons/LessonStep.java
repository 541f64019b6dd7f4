package org.pagewalk.web.lessons;

/**
 * One step of a guided lesson: the lines between two {@code pause}s (lines {@code from} up to,
 * not including, {@code to}, in the scenario's numbering). Next runs a step's lines; its notes
 * become the narrative beside the views.
 */
final class LessonStep {
    final int from;
    final int to;

    LessonStep(int from, int to) {
        this.from = from;
        this.to = to;
    }
}
