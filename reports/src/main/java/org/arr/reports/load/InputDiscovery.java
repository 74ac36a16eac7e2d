package org.arr.reports.load;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the run directories and theory CSV files under the paths a user names. A path may be a run directory,
 * a folder above run directories (a sweep, or a folder of sweep shards), a theory CSV file, or a folder with
 * theory CSV files. Theory files are recognized by name: {@code *capacity*.csv} and {@code *critical*.csv}.
 */
public final class InputDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(InputDiscovery.class);

    /** Folder depth searched below each named path: sweep/cell or runs/name/timestamp with room to spare. */
    private static final int MAX_DEPTH = 8;

    private InputDiscovery() {
    }

    /**
     * Reads every run directory and lists every theory CSV under {@code paths}. A folder named twice, or both
     * directly and through a parent, is read once.
     *
     * @throws IllegalArgumentException if a path does not exist, or contains neither a run directory nor a theory
     *     CSV file
     * @throws org.arr.data.InputFormatException if a file of a run is malformed
     * @throws IOException if a file cannot be read
     */
    public static ReportInputs discover(List<Path> paths) throws IOException {
        Set<Path> runFolders = new TreeSet<>();
        Set<Path> capacityFiles = new TreeSet<>();
        Set<Path> criticalNFiles = new TreeSet<>();

        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("Input " + path + " does not exist; give run directories, sweep folders"
                        + " or theory CSV files");
            }
            Path real = path.toRealPath();
            int before = runFolders.size() + capacityFiles.size() + criticalNFiles.size();
            collect(real, runFolders, capacityFiles, criticalNFiles);
            if (runFolders.size() + capacityFiles.size() + criticalNFiles.size() == before && !alreadyCovered(real,
                    runFolders, capacityFiles, criticalNFiles)) {
                throw new IllegalArgumentException(path + " is not a run: it has no " + RunFileLayout.PROVENANCE
                        + ", no run directory below it (searched " + MAX_DEPTH + " levels) and no theory CSV file"
                        + " (*capacity*.csv, *critical*.csv); give a run directory made by 'arr run' or its sweep folder");
            }
        }

        List<RunRecord> runs = new ArrayList<>();
        for (Path folder : runFolders) {
            runs.add(RunReader.read(folder));
        }
        LOG.info("Found {} run directories, {} capacity and {} critical-n files", runs.size(), capacityFiles.size(),
                criticalNFiles.size());
        return new ReportInputs(runs, List.copyOf(capacityFiles), List.copyOf(criticalNFiles));
    }

    private static boolean alreadyCovered(Path real, Set<Path> runFolders, Set<Path> capacityFiles,
            Set<Path> criticalNFiles) {
        return runFolders.stream().anyMatch(folder -> folder.startsWith(real))
                || capacityFiles.stream().anyMatch(file -> file.startsWith(real))
                || criticalNFiles.stream().anyMatch(file -> file.startsWith(real));
    }

    private static void collect(Path root, Set<Path> runFolders, Set<Path> capacityFiles, Set<Path> criticalNFiles)
            throws IOException {
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                        if (RunReader.isRun(folder)) {
                            runFolders.add(folder);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        if (!attributes.isRegularFile() || !name.endsWith(".csv")) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (name.contains("critical")) {
                            criticalNFiles.add(file);
                        } else if (name.contains("capacity")) {
                            capacityFiles.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
