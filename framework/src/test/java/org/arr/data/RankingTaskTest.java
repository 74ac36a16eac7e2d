package org.arr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

class RankingTaskTest {

    private static RankingTask task(int queryCount) {
        List<Document> documents = List.of(new Document("d1", "one", ""), new Document("d2", "two", ""));
        List<Query> queries = new ArrayList<>();
        Qrels.Builder qrels = Qrels.builder();
        for (int i = 0; i < queryCount; i++) {
            queries.add(new Query("q" + i, "query " + i));
            qrels.add("q" + i, i % 2 == 0 ? "d1" : "d2", 1 + i % 3);
        }
        return new RankingTask("toy", new Corpus(documents), new Queries(queries), qrels.build(), null, null, null);
    }

    @Property(tries = 50)
    void randomSplitPartitionsQueries(@ForAll @IntRange(min = 3, max = 200) int queryCount, @ForAll long seed) {
        RankingTask split = task(queryCount).withSplits(SplitSpec.random(0.1, 0.2, seed));
        Splits splits = split.splits();

        Set<String> seen = new HashSet<>();
        int total = 0;
        for (String name : List.of(Splits.TRAIN, Splits.DEV, Splits.TEST)) {
            seen.addAll(splits.queryIds(name));
            total += splits.queryIds(name).size();
        }
        assertEquals(queryCount, total);
        assertEquals(queryCount, seen.size());
        assertEquals(Math.round(queryCount * 0.2), splits.queryIds(Splits.TEST).size());
        assertEquals(splits.asMap(), task(queryCount).withSplits(SplitSpec.random(0.1, 0.2, seed)).splits().asMap());
        assertFalse(split.hasPredefinedSplits());
    }

    @Test
    void seedChangesRandomSplit() {
        RankingTask base = task(100);
        assertNotEquals(base.withSplits(SplitSpec.random(0.1, 0.2, 1)).splits().queryIds(Splits.TEST),
                base.withSplits(SplitSpec.random(0.1, 0.2, 2)).splits().queryIds(Splits.TEST));
    }

    @Test
    void transductiveSplitRepeatsAllQueries() {
        Splits splits = task(5).withSplits(SplitSpec.transductive()).splits();
        assertEquals(5, splits.queryIds(Splits.TRAIN).size());
        assertEquals(splits.queryIds(Splits.TRAIN), splits.queryIds(Splits.TEST));
    }

    @Test
    void predefinedSplitRequiresDatasetSplits() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> task(5).withSplits(SplitSpec.predefined()));
        assertTrue(error.getMessage().contains("defines no test split"), error.getMessage());
    }

    @Test
    void predefinedSplitKeptWhenDatasetHasOne() {
        RankingTask base = task(4);
        Splits own = new Splits(Map.of(Splits.TRAIN, List.of("q0", "q1", "q2"), Splits.TEST, List.of("q3")));
        RankingTask withOwn = new RankingTask("toy", base.corpus(), base.queries(), base.qrels(), own, null, null);
        RankingTask kept = withOwn.withSplits(SplitSpec.predefined());
        assertTrue(kept.hasPredefinedSplits());
        assertEquals(List.of("q3"), kept.splits().queryIds(Splits.TEST));
    }

    @Test
    void qrelsForUnknownDocumentRejected() {
        Qrels qrels = Qrels.builder().add("q0", "missing", 1).build();
        RankingTask base = task(1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RankingTask("toy", base.corpus(), base.queries(), qrels, null, null, null));
        assertTrue(error.getMessage().contains("'missing'"), error.getMessage());
    }

    @Test
    void judgedZeroDiffersFromUnjudged() {
        Qrels qrels = Qrels.builder().add("q", "d1", 0).add("q", "d2", 2).build();
        assertTrue(qrels.relevance("q", "d1").isPresent());
        assertEquals(0.0, qrels.relevance("q", "d1").getAsDouble());
        assertTrue(qrels.relevance("q", "d3").isEmpty());
        assertEquals(List.of("d2"), qrels.relevant("q"));
    }
}
