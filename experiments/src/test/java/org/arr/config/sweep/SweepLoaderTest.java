package org.arr.config.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.config.ConfigError;
import org.arr.config.ConfigException;
import org.arr.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class SweepLoaderTest {

    private static final Path SOURCE = Path.of("sweep.yaml");

    private static final String BASE = """
            name: tiny
            dataset:
              spec: limit-small
            docids:
              scheme: random
            """;

    private static final String FULL = BASE + """
            sweep:
              seeds: [1, 2, 3]
              grid:
                train.learningRate: [0.001, 0.0003]
              variants:
                - {name: small, set: {model.layers: 1, model.dModel: 32}}
                - name: wide
                  set:
                    model.dModel: 128
                    model.heads: 8
            """;

    private static Sweep parse(String yaml, String... overrides) {
        Optional<Sweep> sweep = SweepLoader.parse(yaml, SOURCE, List.of(overrides));
        assertTrue(sweep.isPresent(), "expected a sweep");
        return sweep.get();
    }

    private static List<ConfigError> errorsOf(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> SweepLoader.parse(yaml, SOURCE, List.of(overrides))).errors();
    }

    private static ConfigError onlyError(String yaml, String... overrides) {
        List<ConfigError> errors = errorsOf(yaml, overrides);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    @Test
    void configWithoutSweepIsEmpty() {
        assertTrue(SweepLoader.parse(BASE, SOURCE, List.of()).isEmpty());
    }

    @Test
    void gridVariantsSeedsExpandInOrder() {
        Sweep sweep = parse(FULL);

        List<String> ids = sweep.cells().stream().map(SweepCell::id).toList();
        assertEquals(List.of(
                "small_learningRate-0.001_seed-1", "small_learningRate-3.0E-4_seed-1",
                "wide_learningRate-0.001_seed-1", "wide_learningRate-3.0E-4_seed-1",
                "small_learningRate-0.001_seed-2", "small_learningRate-3.0E-4_seed-2",
                "wide_learningRate-0.001_seed-2", "wide_learningRate-3.0E-4_seed-2",
                "small_learningRate-0.001_seed-3", "small_learningRate-3.0E-4_seed-3",
                "wide_learningRate-0.001_seed-3", "wide_learningRate-3.0E-4_seed-3"), ids);
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, sweep.cells().get(i).index());
        }
        assertEquals(List.of("small_learningRate-0.001", "small_learningRate-3.0E-4", "wide_learningRate-0.001",
                "wide_learningRate-3.0E-4"), sweep.variants());
    }

    @Test
    void cellConfigsCarryTheirAssignments() {
        Sweep sweep = parse(FULL);

        SweepCell wide = sweep.cells().get(7);
        assertEquals("wide_learningRate-3.0E-4_seed-2", wide.id());
        assertEquals(2, wide.seed());
        assertEquals(128, wide.config().spec().model().dModel());
        assertEquals(8, wide.config().spec().model().heads());
        assertEquals(2, wide.config().spec().model().layers());
        assertEquals(3e-4, wide.config().spec().train().learningRate());
        assertEquals("tiny", wide.config().spec().name());

        SweepCell small = sweep.cells().get(0);
        assertEquals(1, small.config().spec().model().layers());
        assertEquals(32, small.config().spec().model().dModel());
        assertEquals(1e-3, small.config().spec().train().learningRate());
        assertFalse(small.config().yaml().contains("sweep"), small.config().yaml());
    }

    @Test
    void expansionIsDeterministic() {
        Sweep first = parse(FULL);
        Sweep second = parse(FULL);

        assertEquals(first.yaml(), second.yaml());
        assertEquals(first.hash(), second.hash());
        for (int i = 0; i < first.cells().size(); i++) {
            assertEquals(first.cells().get(i).id(), second.cells().get(i).id());
            assertEquals(first.cells().get(i).config().yaml(), second.cells().get(i).config().yaml());
        }
    }

    @Test
    void hashChangesWithBaseConfig() {
        assertNotEquals(parse(FULL).hash(), parse(FULL, "train.epochs=3").hash());
    }

    @Test
    void definitionListsCellsAndBase() {
        String yaml = parse(FULL).yaml();

        assertTrue(yaml.contains("id: wide_learningRate-3.0E-4_seed-2"), yaml);
        assertTrue(yaml.contains("configHash:"), yaml);
        assertTrue(yaml.contains("base:"), yaml);
        assertTrue(yaml.contains("seeds:"), yaml);
    }

    @Test
    void seedsOnlySweepNamesCellsBySeed() {
        Sweep sweep = parse(BASE + "sweep:\n  seeds: [5, 7]\n");

        assertEquals(List.of("seed-5", "seed-7"), sweep.cells().stream().map(SweepCell::id).toList());
        assertEquals(List.of("tiny"), sweep.variants());
        assertEquals(7, sweep.cells().get(1).seed());
    }

    @Test
    void variantsWithoutSeedsKeepConfigSeed() {
        Sweep sweep = parse(BASE + "seed: 9\nsweep:\n  variants:\n    - {name: a}\n    - {name: b, set: {train.epochs: 2}}\n");

        assertEquals(List.of("a", "b"), sweep.cells().stream().map(SweepCell::id).toList());
        assertEquals(9, sweep.cells().get(0).seed());
        assertEquals(20, sweep.cells().get(0).config().spec().train().epochs());
        assertEquals(2, sweep.cells().get(1).config().spec().train().epochs());
    }

    @Test
    void gridPathsSharingLastKeyUseFullPath() {
        Sweep sweep = parse(BASE + "sweep:\n  grid:\n    docids.options.seed: [1]\n    dataset.split.seed: [2, 3]\n");

        assertEquals(List.of("docids.options.seed-1_dataset.split.seed-2", "docids.options.seed-1_dataset.split.seed-3"),
                sweep.cells().stream().map(SweepCell::id).toList());
    }

    @Test
    void setOverridesCanChangeTheSweep() {
        Sweep sweep = parse(FULL, "sweep.seeds=[4]", "sweep.grid={train.learningRate: [0.01]}");

        assertEquals(List.of("small_learningRate-0.01_seed-4", "wide_learningRate-0.01_seed-4"),
                sweep.cells().stream().map(SweepCell::id).toList());
    }

    @Test
    void setCanAddASweepToAPlainConfig() {
        Sweep sweep = parse(BASE, "sweep.seeds=[1,2]");

        assertEquals(2, sweep.cells().size());
    }

    @Test
    void setOverridesApplyToEveryCell() {
        Sweep sweep = parse(FULL, "train.epochs=1");

        assertTrue(sweep.cells().stream().allMatch(cell -> cell.config().spec().train().epochs() == 1));
    }

    @Test
    void setOnSweptPathIsRejected() {
        ConfigError error = onlyError(FULL, "model.dModel=16");

        assertEquals("model.dModel", error.path());
        assertTrue(error.message().contains("--set model.dModel=16 conflicts with sweep variant 'small'"), error.message());
    }

    @Test
    void setOnSeedWithSweptSeedsIsRejected() {
        ConfigError error = onlyError(FULL, "seed=4");

        assertTrue(error.message().contains("sweep.seeds"), error.message());
    }

    @Test
    void misspelledPathInVariantSuggestsKey() {
        List<ConfigError> errors = errorsOf(BASE + """
                sweep:
                  seeds: [1, 2]
                  variants:
                    - {name: ok, set: {train.epochs: 2}}
                    - {name: typo, set: {train.epoch: 2}}
                """);

        assertEquals(1, errors.size(), errors::toString);
        ConfigError error = errors.get(0);
        assertEquals("train.epoch", error.path());
        assertTrue(error.message().contains("did you mean 'epochs'?"), error.message());
        assertTrue(error.message().contains("from sweep variant 'typo'"), error.message());
        assertTrue(error.message().contains("(cells typo_seed-1, typo_seed-2)"), error.message());
    }

    @Test
    void lossOptionsAreCheckedPerVariant() {
        String yaml = BASE + """
                sweep:
                  variants:
                    - {name: ntp, set: {loss.name: ntp}}
                    - {name: stoical-a1, set: {loss.name: stoical, loss.alpha: 1, loss.beta: 0}}
                    - {name: stoical-typo, set: {loss.name: stoical, loss.alpah: 1}}
                """;

        ConfigError error = onlyError(yaml);

        assertTrue(error.message().contains("did you mean 'alpha'?"), error.message());
        assertTrue(error.message().endsWith("(cell stoical-typo)"), error.message());
        Sweep sweep = parse(yaml.replace("loss.alpah", "loss.epsilon"));
        assertEquals(1.0, ((Number) sweep.cells().get(1).config().spec().loss().options().get("alpha")).doubleValue());
        assertEquals("ntp", sweep.cells().get(0).config().spec().loss().name());
    }

    @Test
    void misspelledGridPathIsReportedOnceForEveryCell() {
        ConfigError error = onlyError(BASE + "sweep:\n  seeds: [1, 2]\n  grid:\n    model.layer: [1, 2]\n");

        assertEquals("model.layer", error.path());
        assertTrue(error.message().contains("did you mean 'layers'?"), error.message());
        assertTrue(error.message().contains("(every cell)"), error.message());
    }

    @Test
    void badValueInOneCellNamesTheCell() {
        ConfigError error = onlyError(BASE + "sweep:\n  seeds: [1]\n  grid:\n    model.heads: [4, 3, 8]\n");

        assertEquals("model.heads", error.path());
        assertTrue(error.message().contains("dModel 64 is not divisible by 3 heads"), error.message());
        assertTrue(error.message().endsWith("(cell heads-3_seed-1)"), error.message());
    }

    @Test
    void outOfRangeValueNamesOrigin() {
        ConfigError error = onlyError(BASE + "sweep:\n  variants:\n    - {name: bad, set: {train.epochs: 0}}\n"
                + "    - {name: good, set: {train.epochs: 1}}\n");

        assertEquals("train.epochs", error.path());
        assertTrue(error.message().contains("from sweep variant 'bad'"), error.message());
        assertTrue(error.message().endsWith("(cell bad)"), error.message());
    }

    @Test
    void allErrorsAreReportedTogether() {
        List<ConfigError> errors = errorsOf(BASE + """
                train:
                  epochs: -1
                sweep:
                  seed: [1]
                  grid:
                    model.heads: [3]
                  variants:
                    - {name: x, set: {loss.nme: ntp}}
                    - {name: x}
                """);

        List<String> paths = errors.stream().map(ConfigError::path).toList();
        assertTrue(paths.contains("sweep.seed"), errors::toString);
        assertTrue(paths.contains("sweep.variants[2].name"), errors::toString);
        assertTrue(paths.contains("train.epochs"), errors::toString);
        assertTrue(paths.contains("model.heads"), errors::toString);
        ConfigError loss = errors.get(paths.indexOf("loss"));
        assertTrue(loss.message().contains("Unknown option loss.nme"), loss.message());
        assertTrue(loss.message().contains("from sweep variant 'x'"), loss.message());
        ConfigError unknown = errors.get(paths.indexOf("sweep.seed"));
        assertTrue(unknown.message().contains("did you mean 'seeds'?"), unknown.message());
    }

    @Test
    void malformedSweepSectionsAreRejected() {
        assertTrue(onlyError(BASE + "sweep: 3\n").message().contains("expected a section"));
        assertTrue(onlyError(BASE + "sweep: {}\n").message().contains("empty sweep"));
        assertTrue(onlyError(BASE + "sweep:\n  seeds: 3\n").message().contains("non-empty list of integer seeds"));
        assertTrue(onlyError(BASE + "sweep:\n  seeds: [1, 1]\n").message().contains("listed twice"));
        assertTrue(onlyError(BASE + "sweep:\n  seeds: [1.5]\n").message().contains("expected an integer"));
        assertTrue(onlyError(BASE + "sweep:\n  grid:\n    train.epochs: 3\n").message().contains("non-empty list of values"));
        assertTrue(onlyError(BASE + "sweep:\n  grid:\n    train..epochs: [3]\n").message().contains("invalid path"));
        assertTrue(onlyError(BASE + "sweep:\n  grid:\n    seed: [3]\n").message().contains("sweep.seeds"));
        assertTrue(onlyError(BASE + "sweep:\n  grid:\n    name: [a, b]\n").message().contains("shares the config's name"));
        assertTrue(onlyError(BASE + "sweep:\n  variants:\n    - {set: {train.epochs: 2}}\n").message()
                .contains("missing variant name"));
        assertTrue(onlyError(BASE + "sweep:\n  variants:\n    - {name: 'a b'}\n").message().contains("invalid variant name"));
        assertTrue(onlyError(BASE + "sweep:\n  variants:\n    - {name: a, sett: {}}\n").message().contains("did you mean 'set'?"));
    }

    @Test
    void pathInGridAndVariantIsRejected() {
        ConfigError error = onlyError(BASE + "sweep:\n  grid:\n    train.epochs: [1, 2]\n"
                + "  variants:\n    - {name: a, set: {train: {epochs: 3}}}\n");

        assertEquals("sweep.variants[a].set.train", error.path());
        assertTrue(error.message().contains("also varied by sweep.grid.train.epochs"), error.message());
    }

    @Test
    void valueOnNonSectionIsReported() {
        ConfigError error = onlyError(BASE + "sweep:\n  grid:\n    seed.x: [1]\n");

        assertTrue(error.message().contains("sweep.seeds"), error.message());
        ConfigError blocked = onlyError(BASE + "train:\n  epochs: 2\nsweep:\n  grid:\n    train.epochs.x: [1]\n");
        assertEquals("train.epochs", blocked.path());
        assertTrue(blocked.message().contains("is a value"), blocked.message());
    }

    @Test
    void idsCollidingAfterSanitizingAreRejected() {
        ConfigError error = onlyError(BASE + "sweep:\n  grid:\n    dataset.options.x: ['a/b', 'a:b']\n");

        assertTrue(error.message().contains("same id 'x-a-b'"), error.message());
    }

    @Test
    void nestedGridEntryExplainsDottedPaths() {
        ConfigError error = onlyError(FULL, "sweep.grid.train.learningRate=[0.01]");

        assertEquals("sweep.grid.train", error.path());
        assertTrue(error.message().contains("--set 'sweep.grid={train.learningRate: [0.001]}'"), error.message());
    }

    @Test
    void plainLoaderRejectsSweepConfig() {
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse(FULL, SOURCE, List.of()));

        assertEquals("sweep", error.errors().get(0).path());
        assertTrue(error.getMessage().contains("arr run"), error.getMessage());
    }

    @Test
    void emptySetRemovesTheSweep() {
        assertTrue(SweepLoader.parse(FULL, SOURCE, List.of("sweep=")).isEmpty());
        assertEquals("tiny", ConfigLoader.parse(FULL, SOURCE, List.of("sweep=")).spec().name());
    }

    /** Cells are every variant times every grid point times every seed, with unique ids, for any sizes. */
    @Property(tries = 40)
    void cellCountIsProductOfAxes(@ForAll @IntRange(min = 0, max = 3) int seeds, @ForAll @IntRange(min = 0, max = 3) int variants,
            @ForAll @IntRange(min = 0, max = 3) int epochs, @ForAll @IntRange(min = 0, max = 2) int layers) {
        if (seeds + variants + epochs + layers == 0) {
            return;
        }
        StringBuilder yaml = new StringBuilder(BASE).append("sweep:\n");
        if (seeds > 0) {
            yaml.append("  seeds: ").append(range(seeds, 10)).append('\n');
        }
        if (epochs + layers > 0) {
            yaml.append("  grid:\n");
            if (epochs > 0) {
                yaml.append("    train.epochs: ").append(range(epochs, 1)).append('\n');
            }
            if (layers > 0) {
                yaml.append("    model.layers: ").append(range(layers, 1)).append('\n');
            }
        }
        if (variants > 0) {
            yaml.append("  variants:\n");
            for (int v = 0; v < variants; v++) {
                yaml.append("    - {name: v").append(v).append(", set: {train.batchSize: ").append(v + 1).append("}}\n");
            }
        }

        Sweep sweep = parse(yaml.toString());

        int expected = Math.max(seeds, 1) * Math.max(variants, 1) * Math.max(epochs, 1) * Math.max(layers, 1);
        assertEquals(expected, sweep.cells().size());
        assertEquals(expected, new HashSet<>(sweep.cells().stream().map(SweepCell::id).toList()).size());
        assertEquals(expected / Math.max(seeds, 1), sweep.variants().size());
        assertEquals(sweep.cells().stream().map(SweepCell::id).toList(),
                parse(yaml.toString()).cells().stream().map(SweepCell::id).toList());
    }

    private static String range(int count, int first) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(Integer.toString(first + i));
        }
        return "[" + String.join(", ", values) + "]";
    }
}
