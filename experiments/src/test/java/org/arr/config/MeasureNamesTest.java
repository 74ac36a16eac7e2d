package org.arr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureNamesTest {

    @Test
    void cutoffsExpandToPrintedNames() {
        assertEquals(List.of("P_5", "P_10"), MeasureNames.expand("P.5,10"));
        assertEquals(List.of("ndcg_cut_10"), MeasureNames.expand("ndcg_cut.10"));
    }

    @Test
    void printedNamesAreAccepted() {
        assertEquals(List.of("ndcg_cut_10"), MeasureNames.expand("ndcg_cut_10"));
        assertEquals(List.of("recall_100"), MeasureNames.expand("recall_100"));
    }

    @Test
    void familyWithoutCutoffsGetsTrecEvalDefaults() {
        assertEquals(List.of("P_5", "P_10", "P_15", "P_20", "P_30", "P_100", "P_200", "P_500", "P_1000"),
                MeasureNames.expand("P"));
    }

    @Test
    void plainMeasuresStayPlain() {
        assertEquals(List.of("map"), MeasureNames.expand("map"));
        assertEquals(List.of("recip_rank"), MeasureNames.expand("recip_rank"));
        assertEquals(List.of("ndcg"), MeasureNames.expand("ndcg"));
    }

    @Test
    void expandAllDropsDuplicates() {
        assertEquals(List.of("P_10", "map", "P_5"), MeasureNames.expandAll(List.of("P.10", "map", "P_10", "P.5")));
    }

    @Test
    void invalidMeasuresAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasureNames.expand("P.0")).getMessage()
                .contains("cutoffs must be positive integers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasureNames.expand("P.5,x")).getMessage()
                .contains("cutoffs must be positive integers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasureNames.expand("map.5")).getMessage()
                .contains("map takes no cutoffs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MeasureNames.expand("ndcg_cutt.10")).getMessage()
                .contains("did you mean 'ndcg_cut'?"));
    }
}
