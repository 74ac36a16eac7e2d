package org.arr.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTablesTest {

    @Test
    void boldMarkersAndAlignment() {
        ReportTable table = new ReportTable("summary", "Caption", List.of("Variant", "P_10"),
                List.of(List.of(Cell.of("a|b"), new Cell("0.5000 ± 0.0100", true,
                        List.of(Cell.Marker.T_TEST, Cell.Marker.WILCOXON)))), 1);

        assertEquals("| Variant | P\\_10 |\n|:---|---:|\n| a\\|b | **0.5000 ± 0.0100**†‡ |\n\nCaption\n",
                MarkdownTables.write(table));
    }
}
