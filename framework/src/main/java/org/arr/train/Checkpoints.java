package org.arr.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.arr.model.ArrModel;
import org.arr.run.AtomicFiles;

/**
 * Reads and writes checkpoint files. A file contains a magic string, a CRC-32 of its payload and the payload:
 * the {@link TrainingState} as JSON, the model parameters in DJL's block format, and the AdamW moments as an
 * encoded {@link NDList}. Files are written to a temporary file in the same folder and then moved over the
 * target, so a killed process leaves either the old or the new checkpoint, never a partial one. Files are not
 * fsynced, unlike {@link AtomicFiles} (that cost seconds per epoch on a busy disk), so a power loss can still lose
 * the latest epoch.
 */
public final class Checkpoints {

    /** The checkpoint of the last completed epoch. */
    public static final String LAST = "checkpoint.bin";
    /** The parameters of the epoch with the best dev metric (its optimizer section is empty). */
    public static final String BEST = "best.bin";

    private static final byte[] MAGIC = "ARRCKPT1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoints() {
    }

    /** Contents of a checkpoint file; the parameter bytes are in DJL's block format. */
    record Contents(TrainingState state, byte[] parameters, byte[] optimizer) {
    }

    static void write(Path file, TrainingState state, ArrModel model, NDList optimizerState) {
        try {
            ByteArrayOutputStream parameters = new ByteArrayOutputStream();
            model.saveParameters(parameters);
            byte[] optimizer = optimizerState.isEmpty() ? new byte[0] : optimizerState.encode();
            byte[] header = JSON.writeValueAsBytes(state);

            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
            DataOutputStream payload = new DataOutputStream(payloadBytes);
            writeSection(payload, header);
            writeSection(payload, parameters.toByteArray());
            writeSection(payload, optimizer);
            payload.flush();
            byte[] body = payloadBytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(body);

            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), AtomicFiles.TEMPORARY_PREFIX + file.getFileName(), "");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)))) {
                    out.write(MAGIC);
                    out.writeLong(crc.getValue());
                    out.writeInt(body.length);
                    out.write(body);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeSection(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads and verifies a checkpoint file.
     *
     * @throws InvalidCheckpointException if the file is missing, truncated, fails its checksum or contains an
     *     unreadable state
     */
    static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidCheckpointException(file, "cannot be read: " + e.getMessage(), e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InvalidCheckpointException(file, "is not an ARR checkpoint (wrong file header)", null);
            }
            long expectedCrc = in.readLong();
            int length = in.readInt();
            if (length < 0 || length != bytes.length - MAGIC.length - Long.BYTES - Integer.BYTES) {
                throw new InvalidCheckpointException(file, "is truncated or corrupt: payload of " + length + " bytes declared, "
                        + (bytes.length - MAGIC.length - Long.BYTES - Integer.BYTES) + " present; delete it and rerun without resuming", null);
            }
            byte[] body = new byte[length];
            in.readFully(body);
            CRC32 crc = new CRC32();
            crc.update(body);
            if (crc.getValue() != expectedCrc) {
                throw new InvalidCheckpointException(file, "is corrupt (checksum mismatch); delete it and rerun without resuming", null);
            }

            DataInputStream payload = new DataInputStream(new ByteArrayInputStream(body));
            TrainingState state = JSON.readValue(readSection(payload), TrainingState.class);
            return new Contents(state, readSection(payload), readSection(payload));
        } catch (EOFException e) {
            throw new InvalidCheckpointException(file, "is truncated; delete it and rerun without resuming", e);
        } catch (IOException e) {
            throw new InvalidCheckpointException(file, "cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static byte[] readSection(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new EOFException("negative section length " + length);
        }
        byte[] section = new byte[length];
        in.readFully(section);
        return section;
    }

    /** Decodes the optimizer section into arrays owned by {@code manager}; empty when the section is empty. */
    static NDList decodeOptimizer(NDManager manager, byte[] optimizer) {
        return optimizer.length == 0 ? new NDList() : NDList.decode(manager, optimizer);
    }

    /**
     * Loads the parameters of the best epoch (or of the last checkpoint when no evaluation ran) into a model.
     *
     * @throws InvalidCheckpointException if the file is unreadable or its parameters do not fit the model
     */
    public static TrainingState loadParameters(Path file, ArrModel model) {
        Contents contents = read(file);
        try {
            model.loadParameters(new ByteArrayInputStream(contents.parameters()));
        } catch (IOException e) {
            throw new InvalidCheckpointException(file, "contains parameters that do not match this model: " + e.getMessage(), e);
        }
        return contents.state();
    }
}
