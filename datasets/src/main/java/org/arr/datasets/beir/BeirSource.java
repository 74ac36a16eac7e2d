package org.arr.datasets.beir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.arr.data.InputFormatException;
import org.arr.datasets.io.TextFiles;

/** The origin of the files of a BEIR dataset: a folder on disk, or a folder of classpath resources. */
public interface BeirSource {

    /** Returns the path shown in messages for a file of the dataset, e.g. {@code corpus.jsonl}. */
    Path location(String relativePath);

    /** Returns whether the dataset has a file. */
    boolean exists(String relativePath);

    /**
     * Opens a file of the dataset as UTF-8 text.
     *
     * @throws InputFormatException if the file does not exist
     */
    BufferedReader open(String relativePath, String what);

    /** Returns the file names in the {@code qrels/} folder that end in {@code .tsv} or {@code .jsonl}, sorted. */
    List<String> qrelsSplitFiles();

    /** Returns the source of a folder on disk. */
    static BeirSource folder(Path folder) {
        return new BeirSource() {
            @Override
            public Path location(String relativePath) {
                return folder.resolve(relativePath);
            }

            @Override
            public boolean exists(String relativePath) {
                return Files.isRegularFile(folder.resolve(relativePath));
            }

            @Override
            public BufferedReader open(String relativePath, String what) {
                return TextFiles.open(folder.resolve(relativePath), what);
            }

            @Override
            public List<String> qrelsSplitFiles() {
                Path qrels = folder.resolve("qrels");
                if (!Files.isDirectory(qrels)) {
                    return List.of();
                }
                List<String> names = new ArrayList<>();
                try (Stream<Path> files = Files.list(qrels)) {
                    files.filter(Files::isRegularFile)
                            .map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".tsv") || name.endsWith(".jsonl"))
                            .forEach(names::add);
                } catch (IOException e) {
                    throw new InputFormatException(qrels, 0, "Failed to list the qrels folder: " + e.getMessage(), e);
                }
                Collections.sort(names);
                return names;
            }
        };
    }

    /**
     * Returns the source of classpath resources under a folder such as {@code org/arr/datasets/limit-small}.
     * Resource folders cannot be listed from a jar, so this source reads only {@code qrels.jsonl} qrels.
     */
    static BeirSource classpath(String resourceFolder) {
        return new BeirSource() {
            @Override
            public Path location(String relativePath) {
                return Path.of("classpath:" + resourceFolder + "/" + relativePath);
            }

            @Override
            public boolean exists(String relativePath) {
                return BeirSource.class.getClassLoader().getResource(resourceFolder + "/" + relativePath) != null;
            }

            @Override
            public BufferedReader open(String relativePath, String what) {
                InputStream input = BeirSource.class.getClassLoader()
                        .getResourceAsStream(resourceFolder + "/" + relativePath);
                if (input == null) {
                    throw new InputFormatException(location(relativePath), 0,
                            "Resource not found: expected the " + what + " here; the jar is incomplete, rebuild it");
                }
                return new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            }

            @Override
            public List<String> qrelsSplitFiles() {
                return List.of();
            }
        };
    }
}
