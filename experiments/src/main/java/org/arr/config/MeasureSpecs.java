package org.arr.config;

import java.util.ArrayList;
import java.util.List;
import org.arr.metric.Measure;
import org.arr.metric.MeasureFamily;
import org.arr.metric.MeasureParser;
import org.arr.util.ClosestName;

/**
 * Checks the measures of a config, written in trec_eval's {@code -m} syntax ({@code ndcg_cut.10},
 * {@code P.5,10}, {@code map}), with the closest measure name suggested for a misspelled one.
 */
final class MeasureSpecs {

    private MeasureSpecs() {
    }

    /**
     * Checks one measure specification.
     *
     * @throws IllegalArgumentException if it is invalid; an unknown name gets the closest known one
     */
    static void check(String spec) {
        String text = spec.strip();
        int dot = text.indexOf('.');
        String name = dot < 0 ? text : text.substring(0, dot);
        List<String> known = new ArrayList<>();
        for (MeasureFamily family : MeasureFamily.values()) {
            known.add(family.trecName());
        }
        if (!known.contains(name)) {
            throw new IllegalArgumentException(ClosestName.unknownNameMessage("measure", name, known)
                    + " Cutoffs go after a dot, as in trec_eval: ndcg_cut.10 or P.5,10");
        }
        MeasureParser.parse(spec);
    }

    /** Returns the printed names ({@code ndcg_cut_10}, ...) of valid specifications, merged as trec_eval does. */
    static List<String> names(List<String> specs) {
        List<String> names = new ArrayList<>();
        for (Measure measure : MeasureParser.parseAll(specs)) {
            names.add(measure.name());
        }
        return names;
    }
}
