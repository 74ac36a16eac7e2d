package org.arr.experiment.sweep;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arr.config.ResolvedConfig;
import org.arr.run.Environment;
import org.arr.run.Provenance;
import org.arr.run.RunDirectory;

/**
 * A cell runner that trains nothing: it opens the real run folder, writes {@code metrics.json} with values given
 * per cell folder name, and finishes, fails or stops the run as configured per cell.
 */
final class FakeCellRunner implements CellRunner {

    /** One call: the cell folder name and whether it was a resume. */
    record Call(String cell, boolean resume) {
    }

    private final Map<String, String> metricsJson = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private final Set<String> stopping = new HashSet<>();
    private final List<Call> calls = new ArrayList<>();

    /** Sets the {@code metrics.json} text the cell writes. */
    FakeCellRunner metrics(String cell, String json) {
        metricsJson.put(cell, json);
        return this;
    }

    /** Makes the cell fail: its run is marked failed and the runner throws. */
    FakeCellRunner failing(String cell) {
        failing.add(cell);
        return this;
    }

    /** Makes the cell stop without ending its run, as a killed process leaves it (status interrupted on close). */
    FakeCellRunner stopping(String cell) {
        stopping.add(cell);
        return this;
    }

    /** Lets every cell finish from now on. */
    FakeCellRunner healed() {
        failing.clear();
        stopping.clear();
        return this;
    }

    List<Call> calls() {
        return calls;
    }

    @Override
    public void run(ResolvedConfig config, Path runFolder, boolean resume) {
        String cell = runFolder.getFileName().toString();
        calls.add(new Call(cell, resume));
        Environment environment = new Environment(null, null, "test", "17", "vendor", null, null, "os", 2, 1, "host");
        Provenance start = Provenance.started(config.hash(), config.spec().seed(), List.of("run", "test.yaml"),
                Clock.systemUTC().instant(), environment);
        try (RunDirectory run = RunDirectory.open(runFolder, config.yaml(), start, resume, Clock.systemUTC())) {
            run.writeString(RunDirectory.METRICS, metricsJson.getOrDefault(cell, "{\"ndcg_cut_10\": 0.5}"));
            if (failing.contains(cell)) {
                run.fail("loss is NaN at epoch 1");
                throw new IllegalStateException("loss is NaN at epoch 1");
            }
            if (stopping.contains(cell)) {
                return;
            }
            run.finish();
        }
    }
}
