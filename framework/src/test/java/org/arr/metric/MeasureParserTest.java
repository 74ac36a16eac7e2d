package org.arr.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureParserTest {

    private static List<String> names(List<Measure> measures) {
        return measures.stream().map(Measure::name).toList();
    }

    @Test
    void cutoffsSortedAndNamed() {
        assertEquals(List.of("ndcg_cut_5", "ndcg_cut_10"), names(MeasureParser.parse("ndcg_cut.10,5")));
        assertEquals(List.of("map"), names(MeasureParser.parse("map")));
        assertEquals(List.of("recall_100"), names(MeasureParser.parse("recall.100")));
    }

    @Test
    void defaultCutoffsWithoutParameters() {
        assertEquals(List.of("P_5", "P_10", "P_15", "P_20", "P_30", "P_100", "P_200", "P_500", "P_1000"),
                names(MeasureParser.parse("P")));
        assertEquals(9, MeasureParser.parse("ndcg_cut").size());
        assertEquals(9, MeasureParser.parse("recall").size());
    }

    @Test
    void mergeFollowsPrintOrder() {
        List<Measure> measures = MeasureParser.parseAll(List.of("ndcg_cut.10", "map", "recall.100", "P.10",
                "recip_rank", "num_q", "ndcg"));

        assertEquals(List.of("num_q", "map", "recip_rank", "P_10", "recall_100", "ndcg", "ndcg_cut_10"),
                names(measures));
    }

    @Test
    void mergeKeepsFirstParameters() {
        assertEquals(List.of("P_5"), names(MeasureParser.parseAll(List.of("P.5", "P.10"))));
        assertEquals(List.of("P_10"), names(MeasureParser.parseAll(List.of("P", "P.10"))));
        assertEquals(List.of("P_10"), names(MeasureParser.parseAll(List.of("P.10", "P"))));
        assertEquals(List.of("map"), names(MeasureParser.parseAll(List.of("map", "map"))));
    }

    @Test
    void invalidSpecificationsRejected() {
        List<String> invalid = List.of("foo", "P.", "P.0", "P.-5", "P.5,5", "P.a", "P.2.5", "map.5", "ndcg.1=3",
                "all_trec");
        for (String spec : invalid) {
            assertThrows(IllegalArgumentException.class, () -> MeasureParser.parse(spec), spec);
        }
        assertThrows(IllegalArgumentException.class, () -> MeasureParser.parseAll(List.of()));
    }

    @Test
    void unknownNameListsSupported() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MeasureParser.parse("bpref"));

        assertTrue(error.getMessage().contains("Unknown measure 'bpref'"), error.getMessage());
        assertTrue(error.getMessage().contains("ndcg_cut"), error.getMessage());
    }

    @Test
    void measureValidatesCutoff() {
        assertThrows(IllegalArgumentException.class, () -> Measure.at(MeasureFamily.P, 0));
        assertThrows(IllegalArgumentException.class, () -> new Measure(MeasureFamily.MAP, 5));
        assertEquals("ndcg_cut_20", Measure.at(MeasureFamily.NDCG_CUT, 20).toString());
    }
}
