package org.arr.config.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One of {@code count} slices of a sweep's cells, so a job array can split a sweep across machines. Cells are
 * dealt round-robin: the cell at position {@code k} (from 0, in sweep order) belongs to shard {@code (k mod count) + 1}.
 * Shard sizes therefore differ by at most one, and neighbouring cells (the seeds and variants that run first) go
 * to different shards.
 *
 * @param index the shard, from 1 to {@code count}
 * @param count the number of shards
 */
public record Shard(int index, int count) {

    /** The whole sweep as a single shard. */
    public static final Shard ALL = new Shard(1, 1);

    /**
     * @throws IllegalArgumentException if count is below 1 or index is outside 1..count
     */
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("Invalid shard " + index + "/" + count + ": the number of shards must be at least 1");
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("Invalid shard " + index + "/" + count + ": the shard number must be between 1"
                    + " and " + count + " (shards are numbered from 1)");
        }
    }

    /**
     * Parses {@code I/N}, e.g. {@code 2/4}.
     *
     * @throws IllegalArgumentException if the text is not two positive integers separated by '/', or I exceeds N
     */
    public static Shard parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Invalid --shard '" + text + "': expected I/N, e.g. 2/4 for the second of four"
                    + " shards");
        }
        int index = parsePart(trimmed.substring(0, slash), "shard number I", text);
        int count = parsePart(trimmed.substring(slash + 1), "number of shards N", text);
        try {
            return new Shard(index, count);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("Invalid --shard '" + text + "': " + invalid.getMessage()
                    .substring(invalid.getMessage().indexOf(": ") + 2));
        }
    }

    private static int parsePart(String part, String what, String text) {
        try {
            return Integer.parseInt(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid --shard '" + text + "': the " + what + " '" + part.trim()
                    + "' is not an integer; expected I/N, e.g. 2/4", e);
        }
    }

    /** Returns whether the cell at {@code position} (from 0) belongs to this shard. */
    public boolean contains(int position) {
        return position % count == index - 1;
    }

    /** Returns the cells of this shard, in sweep order. */
    public List<SweepCell> select(List<SweepCell> cells) {
        List<SweepCell> selected = new ArrayList<>();
        for (SweepCell cell : cells) {
            if (contains(cell.index())) {
                selected.add(cell);
            }
        }
        return selected;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
