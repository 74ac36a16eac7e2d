package org.arr.config.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void parseReadsIndexAndCount() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 "));
    }

    @Test
    void parseRejectsMalformedText() {
        assertMessage("4", "expected I/N");
        assertMessage("a/4", "shard number I 'a' is not an integer");
        assertMessage("1/", "number of shards N '' is not an integer");
        assertMessage("0/4", "between 1 and 4");
        assertMessage("5/4", "between 1 and 4");
        assertMessage("1/0", "at least 1");
        assertMessage("-1/3", "between 1 and 3");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
        assertTrue(error.getMessage().startsWith("Invalid --shard '" + text + "'"), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void cellsAreDealtRoundRobin() {
        List<SweepCell> cells = cells(7);

        assertEquals(List.of(0, 3, 6), indexes(new Shard(1, 3).select(cells)));
        assertEquals(List.of(1, 4), indexes(new Shard(2, 3).select(cells)));
        assertEquals(List.of(2, 5), indexes(new Shard(3, 3).select(cells)));
        assertEquals(List.of(), indexes(new Shard(9, 9).select(cells(3))));
    }

    /** The shards of a sweep are disjoint, together hold every cell, and differ in size by at most one. */
    @Property(tries = 200)
    void shardsPartitionCellsEvenly(@ForAll @IntRange(min = 0, max = 60) int cellCount,
            @ForAll @IntRange(min = 1, max = 12) int shardCount) {
        List<SweepCell> cells = cells(cellCount);
        Set<Integer> seen = new HashSet<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int index = 1; index <= shardCount; index++) {
            List<Integer> selected = indexes(new Shard(index, shardCount).select(cells));
            for (int position : selected) {
                assertTrue(seen.add(position), "cell " + position + " is in two shards");
            }
            assertEquals(selected.stream().sorted().toList(), selected);
            smallest = Math.min(smallest, selected.size());
            largest = Math.max(largest, selected.size());
        }
        assertEquals(cellCount, seen.size());
        assertTrue(largest - smallest <= 1, "shard sizes " + smallest + ".." + largest);
    }

    private static List<SweepCell> cells(int count) {
        List<SweepCell> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cells.add(new SweepCell(i, "c" + i, "v", Map.of(), null));
        }
        return cells;
    }

    private static List<Integer> indexes(List<SweepCell> cells) {
        return cells.stream().map(SweepCell::index).toList();
    }
}
