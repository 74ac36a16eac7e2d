package org.arr.experiment.sweep;

import java.nio.file.Path;
import org.arr.config.ResolvedConfig;

/** Runs one experiment config into one run folder; a sweep calls it once per cell. */
@FunctionalInterface
public interface CellRunner {

    /**
     * Runs the experiment and, when it completes, marks its run folder finished ({@code provenance.json} status
     * {@code finished}, see {@link org.arr.run.RunDirectory}).
     *
     * @param runFolder the cell's folder: missing or empty for a new run, or containing an unfinished run of this same
     *     config when {@code resume} is set
     * @param resume continue the unfinished run in {@code runFolder} from its last checkpoint, or train again from the
     *     start when it has none
     * @throws Exception if the run fails; the runner should mark its folder {@code failed} with the message
     */
    void run(ResolvedConfig config, Path runFolder, boolean resume) throws Exception;
}
