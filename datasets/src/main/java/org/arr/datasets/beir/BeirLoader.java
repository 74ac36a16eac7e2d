package org.arr.datasets.beir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arr.data.DatasetLoader;
import org.arr.data.InputFormatException;
import org.arr.data.RankingTask;
import org.arr.datasets.LoaderOptions;

/** The {@code beir:FOLDER} dataset: a folder in the BEIR/MTEB JSON-lines layout, read by {@link BeirReader}. */
public final class BeirLoader implements DatasetLoader {

    @Override
    public String name() {
        return "beir";
    }

    @Override
    public String description() {
        return "beir:FOLDER - BEIR/MTEB JSON lines: corpus.jsonl, queries.jsonl, qrels.jsonl or qrels/<split>.tsv";
    }

    /**
     * Reads the folder named by the argument.
     *
     * @throws IllegalArgumentException if the argument is empty or an option is given (this loader has none)
     * @throws InputFormatException if the folder does not exist or a file in it is missing or malformed
     */
    @Override
    public RankingTask load(String argument, Map<String, Object> options) {
        new LoaderOptions("beir:" + argument, options, List.of());
        if (argument.isBlank()) {
            throw new IllegalArgumentException("Missing folder: use beir:FOLDER, e.g. beir:data/scifact");
        }
        Path folder = Path.of(argument);
        if (!Files.isDirectory(folder)) {
            throw new InputFormatException(folder, 0, "Folder not found: expected a BEIR dataset folder with "
                    + "corpus.jsonl, queries.jsonl and qrels");
        }
        Path fileName = folder.toAbsolutePath().normalize().getFileName();
        return BeirReader.read("beir:" + (fileName == null ? argument : fileName.toString()), BeirSource.folder(folder));
    }
}
