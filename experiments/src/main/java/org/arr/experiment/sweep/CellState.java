package org.arr.experiment.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.arr.run.Provenance;
import org.arr.run.RunDirectory;

/**
 * The state of a cell folder before the sweep runs it.
 *
 * @param kind the state
 * @param provenance the stored provenance of a run, or null when there is none
 */
record CellState(Kind kind, Provenance provenance) {

    enum Kind {
        /** No folder, or an empty one: the cell starts a new run. */
        NEW,
        /** A finished run: the cell is skipped. */
        FINISHED,
        /** A run that is running, interrupted or failed: the cell resumes it. */
        UNFINISHED,
        /** A non-empty folder without {@code provenance.json}: not a run, left alone. */
        NOT_A_RUN
    }

    /**
     * Reads the state of a cell folder.
     *
     * @throws IllegalArgumentException if {@code provenance.json} is not valid provenance JSON
     * @throws IOException if the folder cannot be read
     */
    static CellState of(Path folder) throws IOException {
        if (!Files.exists(folder) || isEmpty(folder)) {
            return new CellState(Kind.NEW, null);
        }
        if (!Files.isRegularFile(folder.resolve(RunDirectory.PROVENANCE))) {
            return new CellState(Kind.NOT_A_RUN, null);
        }
        Provenance provenance = RunDirectory.readProvenance(folder);
        return new CellState(provenance.isFinished() ? Kind.FINISHED : Kind.UNFINISHED, provenance);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
