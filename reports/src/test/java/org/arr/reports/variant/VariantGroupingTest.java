package org.arr.reports.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.arr.reports.load.RunRecord;
import org.junit.jupiter.api.Test;

class VariantGroupingTest {

    private static final Set<String> IGNORED = Set.of("seed", "name");

    private static RunRecord run(String folder, long seed, String endTime, Map<String, String> differing) {
        Map<String, String> config = new TreeMap<>(Map.of("name", folder, "seed", Long.toString(seed),
                "model.dModel", "64", "dataset.spec", "wordnet"));
        config.putAll(differing);
        return new RunRecord(Path.of(folder), "finished", null, seed, config, List.of(), null, endTime,
                Map.of("map", 0.5), Map.of(), Optional.empty());
    }

    @Test
    void runsDifferingInOneKeyFormTwoVariants() {
        List<RunRecord> runs = List.of(
                run("a1", 1, "t1", Map.of("loss.name", "ntp")),
                run("a2", 2, "t1", Map.of("loss.name", "ntp")),
                run("b1", 1, "t1", Map.of("loss.name", "stoical")),
                run("b2", 2, "t1", Map.of("loss.name", "stoical")));

        VariantGrouping grouping = VariantGrouping.of(runs, IGNORED);

        assertEquals(List.of("loss.name"), grouping.differingKeys());
        assertEquals(2, grouping.variants().size());
        assertEquals("loss.name=ntp", grouping.variants().get(0).label());
        assertEquals("loss.name=stoical", grouping.variants().get(1).label());
        assertEquals(List.of(1L, 2L), grouping.variants().get(1).seeds());
        assertEquals("name=stoical", grouping.variants().get(1).shortLabel());
    }

    @Test
    void runsDifferingInTwoKeysFormOneVariantPerCombination() {
        List<RunRecord> runs = List.of(
                run("n1", 1, "t1", Map.of("loss.name", "ntp")),
                run("s1", 1, "t1", Map.of("loss.name", "stoical", "loss.parameters.alpha", "1")),
                run("s2", 2, "t1", Map.of("loss.name", "stoical", "loss.parameters.alpha", "1")),
                run("s3", 1, "t1", Map.of("loss.name", "stoical", "loss.parameters.alpha", "0")));

        VariantGrouping grouping = VariantGrouping.of(runs, IGNORED);

        assertEquals(List.of("loss.name", "loss.parameters.alpha"), grouping.differingKeys());
        assertEquals(List.of("loss.name=ntp", "loss.name=stoical,loss.parameters.alpha=0",
                "loss.name=stoical,loss.parameters.alpha=1"),
                grouping.variants().stream().map(Variant::label).toList());
        assertEquals(2, grouping.find("loss.name=stoical,loss.parameters.alpha=1").runs().size());
        assertEquals("name=stoical,alpha=1", grouping.find("alpha=1").shortLabel());
    }

    @Test
    void seedAndNameNeverSplitVariants() {
        VariantGrouping grouping = VariantGrouping.of(List.of(run("x", 1, "t1", Map.of()), run("y", 2, "t1", Map.of())),
                IGNORED);

        assertEquals(1, grouping.variants().size());
        assertEquals("all runs", grouping.variants().get(0).label());
    }

    @Test
    void unknownBaselineListsTheVariants() {
        VariantGrouping grouping = VariantGrouping.of(List.of(
                run("a", 1, "t1", Map.of("loss.name", "ntp")),
                run("b", 1, "t1", Map.of("loss.name", "stoical"))), IGNORED);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> grouping.find("listwise"));

        assertTrue(error.getMessage().contains("'listwise' matches no variant"), error.getMessage());
        assertTrue(error.getMessage().contains("loss.name=ntp"), error.getMessage());
        assertTrue(error.getMessage().contains("loss.name=stoical"), error.getMessage());
    }

    @Test
    void duplicateSeedKeepsTheLaterRun() {
        RunRecord older = run("old", 1, "2025-01-01T00:00:00Z", Map.of());
        RunRecord newer = run("new", 1, "2025-01-02T00:00:00Z", Map.of());

        VariantGrouping grouping = VariantGrouping.of(List.of(newer, older), IGNORED);

        assertEquals(List.of(newer), grouping.variants().get(0).runs());
        assertEquals(List.of(older), grouping.duplicates());
    }
}
