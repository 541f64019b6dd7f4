package org.pagewalk.inspect;

/**
 * How the frame map lays out a window of physical memory in a box of device pixels: rows of
 * square cells, each cell one frame (or, when the box is too small for one pixel per frame, a
 * power-of-two group of frames). Pure arithmetic, so it is tested on the JVM.
 *
 * <p>The layout with the largest cells wins; among equals, the wider one. Every count is a
 * power of two, so a row always starts on an aligned frame number.
 */
public final class FrameMapLayout {
    private final int frames;
    private final int group;
    private final int columns;
    private final int rows;
    private final int cell;

    private FrameMapLayout(int frames, int group, int columns, int rows, int cell) {
        this.frames = frames;
        this.group = group;
        this.columns = columns;
        this.rows = rows;
        this.cell = cell;
    }

    /**
     * The layout of {@code frames} frames (a power of two, 1 to 2^20) in at most {@code width} ×
     * {@code maxHeight} device pixels. Sizes below one pixel count as one.
     */
    public static FrameMapLayout fit(int frames, int width, int maxHeight) {
        int f = frames < 1 ? 1 : Integer.highestOneBit(frames);
        int w = Math.max(1, width);
        int h = Math.max(1, maxHeight);
        for (int group = 1; group <= f; group <<= 1) {
            int units = f / group;
            int bestCell = 0;
            int bestColumns = 1;
            for (int columns = 1; columns <= units; columns <<= 1) {
                int rows = units / columns;
                int cell = Math.min(w / columns, h / rows);
                if (cell >= bestCell && cell > 0) {
                    bestCell = cell;
                    bestColumns = columns;
                }
            }
            if (bestCell > 0) {
                return new FrameMapLayout(f, group, bestColumns, units / bestColumns, bestCell);
            }
        }
        // Unreachable: with group = frames there is one unit, which fits any box of 1x1 pixel.
        return new FrameMapLayout(f, f, 1, 1, 1);
    }

    /** Frames in the window. */
    public int frames() {
        return frames;
    }

    /** Frames per cell: 1, or a power of two when the box is too small for one pixel each. */
    public int group() {
        return group;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** Cell side in device pixels (at least 1). */
    public int cell() {
        return cell;
    }

    public int width() {
        return columns * cell;
    }

    public int height() {
        return rows * cell;
    }

    /**
     * The cell under device pixel (x, y) of the map, or -1 outside it. Its first frame is
     * {@code windowStart + cellAt(x, y) * group()}.
     */
    public int cellAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width() || y >= height()) {
            return -1;
        }
        return (y / cell) * columns + x / cell;
    }
}
