package org.arr.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.junit.jupiter.api.Test;

class TrecEvalFormatTest {

    @Test
    void roundsExactBinaryValueHalfEven() {
        // 1/32 lies exactly halfway: glibc's printf("%.4f") prints 0.0312, String.format prints 0.0313.
        assertEquals("0.0312", TrecEvalFormat.formatFixed(0.03125));
        assertEquals("0.0001", TrecEvalFormat.formatFixed(0.00005));
        assertEquals("1.0000", TrecEvalFormat.formatFixed(0.99999));
        assertEquals("0.0000", TrecEvalFormat.formatFixed(0));
    }

    @Test
    void linesPaddedAndOrdered() {
        Qrels qrels = Qrels.builder().add("b", "d1", 1).add("a", "d2", 2).build();
        Run run = new Run("t", Map.of("b", List.of(new ScoredDocument("d1", 1)), "a",
                List.of(new ScoredDocument("d1", 1), new ScoredDocument("d2", 0))));
        EvaluationResult result = Evaluator.evaluate(qrels, run,
                MeasureParser.parseAll(List.of("recip_rank", "num_q", "num_ret")), EvaluationOptions.defaults());

        String text = TrecEvalFormat.format(result, true);

        assertEquals("num_ret               \ta\t2\n"
                + "recip_rank            \ta\t0.5000\n"
                + "num_ret               \tb\t1\n"
                + "recip_rank            \tb\t1.0000\n"
                + "num_q                 \tall\t2\n"
                + "num_ret               \tall\t3\n"
                + "recip_rank            \tall\t0.7500\n", text);
        assertEquals("num_q                 \tall\t2\n"
                + "num_ret               \tall\t3\n"
                + "recip_rank            \tall\t0.7500\n", TrecEvalFormat.format(result, false));
    }
}
