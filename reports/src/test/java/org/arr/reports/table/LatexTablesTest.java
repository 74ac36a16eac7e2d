package org.arr.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatexTablesTest {

    @Test
    void underscorePercentAndAmpersandAreEscaped() {
        assertEquals("ndcg\\_cut\\_10", LatexTables.escape("ndcg_cut_10"));
        assertEquals("95\\% CI", LatexTables.escape("95% CI"));
        assertEquals("P\\&R", LatexTables.escape("P&R"));
    }

    @Test
    void otherSpecialCharactersAreEscaped() {
        assertEquals("\\#1 \\$5 \\{a\\} \\textasciitilde{}x \\textasciicircum{}2 a\\textbackslash{}b",
                LatexTables.escape("#1 $5 {a} ~x ^2 a\\b"));
        assertEquals("p \\textless{} 0.05", LatexTables.escape("p < 0.05"));
        assertEquals("0.5 $\\pm$ 0.1", LatexTables.escape("0.5 ± 0.1"));
        assertEquals("p $\\leq$ 0.05", LatexTables.escape("p ≤ 0.05"));
    }

    @Test
    void tableUsesBooktabsBoldAndDaggers() {
        ReportTable table = new ReportTable("summary", "Mean over 3 seeds; † paired t-test, 100% of queries",
                List.of("Variant", "ndcg_cut_10"),
                List.of(List.of(Cell.of("loss.name=ntp"), Cell.of("0.5000")),
                        List.of(Cell.of("loss.name=stoical"), new Cell("0.6000", true, List.of(Cell.Marker.T_TEST)))),
                1);

        String latex = LatexTables.write(table);

        assertTrue(latex.contains("\\begin{tabular}{lr}\n\\toprule\n"), latex);
        assertTrue(latex.contains("Variant & ndcg\\_cut\\_10 \\\\\n\\midrule\n"), latex);
        assertTrue(latex.contains("loss.name=stoical & \\textbf{0.6000}$^{\\dagger}$ \\\\"), latex);
        assertTrue(latex.contains("\\caption{Mean over 3 seeds; $^{\\dagger}$ paired t-test, 100\\% of queries}"), latex);
        assertTrue(latex.contains("\\bottomrule\n\\end{tabular}"), latex);
    }

    @Test
    void everyBraceInTableIsBalanced() {
        ReportTable table = new ReportTable("t_1", "odd {caption} with } and {", List.of("a_b", "c%d"),
                List.of(List.of(Cell.of("x&y"), new Cell("1 ± 2", true, List.of(Cell.Marker.T_TEST, Cell.Marker.WILCOXON)))),
                1);

        String latex = LatexTables.write(table).replace("\\{", "").replace("\\}", "");

        int depth = 0;
        for (char c : latex.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            assertTrue(depth >= 0, latex);
        }
        assertEquals(0, depth, latex);
        assertEquals(0, latex.replace("\\$", "").chars().filter(c -> c == '$').count() % 2, latex);
    }
}
