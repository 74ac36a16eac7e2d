package org.arr.theory.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arr.theory.capacity.FitSettings;
import org.arr.theory.plot.CapacityPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityExperimentTest {

    @Test
    void smallRunFindsNMinusOneAndWritesPlots(@TempDir Path temp) throws IOException {
        CapacityExperiment.Config config = new CapacityExperiment.Config(new int[] {3, 4},
                List.of(new CapacityExperiment.SampledTask(20, new int[] {6}, 0, List.of(), 0)),
                new FitSettings(2000, 0.05, 300, 2, 5), 5, null, 0, 0);

        CapacityExperiment.Report report = new CapacityExperiment(config).run();

        CapacityExperiment.FamilyResult complete = report.families().get(0);
        assertEquals(2, complete.sizes().get(0).dualEncoderDim());
        assertEquals(3, complete.sizes().get(1).dualEncoderDim());
        assertEquals(3, complete.sizes().get(1).countingBoundDim());
        assertEquals(1.0, complete.sizes().get(1).constructionFraction());

        CapacityExperiment.SizeResult sampled = report.families().get(1).sizes().get(0);
        assertEquals(20, sampled.queries());
        assertEquals(2, sampled.countingBoundDim(), "N_lin(6, 1) = 2 < 20 <= N_lin(6, 2) = 30");
        assertTrue(sampled.dualEncoderDim() >= sampled.countingBoundDim());
        assertEquals(1.0, sampled.constructionFraction());

        long countingRows = report.rows().stream().filter(row -> row.model().equals("counting_bound")).count();
        assertTrue(countingRows >= 3, "counting rows: " + countingRows);
        for (CapacityRow row : report.rows()) {
            assertTrue(row.fractionRealized() >= 0, row.toString());
            assertTrue(row.fractionRealized() <= 1, row.toString());
        }

        CapacityPlot.write(complete.title(), complete.curves(), temp, "capacity-complete");
        assertTrue(Files.size(temp.resolve("capacity-complete.png")) > 10_000);
        assertTrue(Files.readString(temp.resolve("capacity-complete.svg")).contains("<svg"));
    }

    @Test
    void rowsFormatAsCsv() {
        CapacityRow row = new CapacityRow("complete", "de_free_embeddings", "none", 5, 120, 3, 0.6, 0.0671);
        assertEquals("complete,de_free_embeddings,none,5,120,3,0.600000,0.067", row.toCsv());
        assertEquals(8, CapacityRow.CSV_HEADER.split(",").length);
    }
}
