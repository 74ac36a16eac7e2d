package org.arr.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void writeReplacesContent() throws IOException {
        Path file = folder.resolve("metrics.json");

        AtomicFiles.writeString(file, "first");
        AtomicFiles.writeString(file, "second");

        assertEquals("second", Files.readString(file));
        assertEquals(List.of(file), entries(folder));
    }

    @Test
    void failedWriterLeavesTargetUnchanged() throws IOException {
        Path file = folder.resolve("run.trec");
        AtomicFiles.writeString(file, "complete");

        IOException error = assertThrows(IOException.class, () -> AtomicFiles.write(file, temporary -> {
            Files.writeString(temporary, "part");
            throw new IOException("disk full");
        }));

        assertEquals("disk full", error.getMessage());
        assertEquals("complete", Files.readString(file));
        assertEquals(List.of(file), entries(folder));
    }

    @Test
    void failedFirstWriteLeavesNoFile() {
        Path file = folder.resolve("run.trec");

        assertThrows(IOException.class, () -> AtomicFiles.write(file, temporary -> {
            throw new IOException("failed");
        }));

        assertTrue(Files.notExists(file));
    }

    @Test
    void readersNeverSeePartialFile() throws Exception {
        Path file = folder.resolve("per_query.tsv");
        int length = 1 << 20;
        String as = "a".repeat(length);
        String bs = "b".repeat(length);
        AtomicFiles.writeString(file, as);

        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> partial = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String content = Files.readString(file, StandardCharsets.UTF_8);
                    reads.incrementAndGet();
                    if (!content.equals(as) && !content.equals(bs)) {
                        partial.set("length " + content.length());
                    }
                } catch (NoSuchFileException e) {
                    partial.set("file missing during a write");
                } catch (IOException e) {
                    partial.set(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 40; i++) {
            AtomicFiles.writeString(file, i % 2 == 0 ? bs : as);
        }
        done.set(true);
        reader.join();

        assertEquals(null, partial.get());
        assertTrue(reads.get() > 0);
    }

    @Property(tries = 50)
    void lastWriteWinsWithoutTemporaryFiles(@ForAll @Size(min = 1, max = 5) List<String> contents) throws IOException {
        Path base = Files.createTempDirectory("atomic");
        Path file = base.resolve("config.yaml");

        for (String content : contents) {
            AtomicFiles.writeString(file, content);
        }

        assertEquals(contents.get(contents.size() - 1), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(file), entries(base));
        Files.delete(file);
        Files.delete(base);
    }
}
