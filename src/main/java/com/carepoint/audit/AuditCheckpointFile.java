package com.carepoint.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit checkpoints outside the database: one append-only JSON-lines file ({@value #FILE_NAME}) in the checkpoint
 * directory, one signed {@link AuditCheckpoint} a line. Lines are only ever appended (and forced to disk); the
 * operating system can make the file append-only for Carepoint's account ({@code chattr +a}) or the directory can be a
 * mount that Carepoint's hosts may append to but the database's hosts cannot reach at all.
 */
final class AuditCheckpointFile implements AutoCloseable {

    static final String FILE_NAME = "audit-checkpoints.jsonl";
    static final String NO_PREVIOUS = "0".repeat(64);

    /** What is in the file: each problem found, and the newest checkpoint whose signature is valid. */
    record Contents(boolean exists, long lines, List<String> problems, Optional<AuditCheckpoint> latestValid) {
    }

    private final Path dir;
    private final Path file;
    private final AuditKey key;
    private final boolean temporary;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    AuditCheckpointFile(Path dir, AuditKey key, boolean temporary) {
        this.dir = dir.toAbsolutePath();
        this.file = this.dir.resolve(FILE_NAME);
        this.key = key;
        this.temporary = temporary;
        try {
            if (!Files.isDirectory(this.dir)) {
                if (this.dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(this.dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(this.dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint directory " + this.dir + " cannot be created", e);
        }
    }

    Path file() {
        return file;
    }

    Path directory() {
        return dir;
    }

    /** Reads and checks every line: signatures, key, and that each follows the one before it. */
    Contents read() {
        if (!Files.exists(file)) {
            return new Contents(false, 0, List.of(), Optional.empty());
        }
        List<String> problems = new ArrayList<>();
        AuditCheckpoint latestValid = null;
        AuditCheckpoint previous = null;
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Optional<AuditCheckpoint> parsed = parse(line);
                if (parsed.isEmpty()) {
                    problems.add("line " + lineNo + " of " + file + " is not a checkpoint: the file was changed");
                    continue;
                }
                AuditCheckpoint cp = parsed.get();
                if (previous == null ? cp.seq() != 1 || !NO_PREVIOUS.equals(cp.prev())
                        : cp.seq() != previous.seq() + 1 || !previous.sig().equals(cp.prev())) {
                    problems.add(cp.label() + " does not follow " + (previous == null ? "the start of the file"
                            : "checkpoint " + previous.seq()) + ": checkpoints were removed or reordered");
                }
                previous = cp;
                if (!key.id().equals(cp.keyId())) {
                    problems.add(cp.label() + " was signed with another key (key " + cp.keyId() + "; this key is "
                            + key.id() + ")");
                } else if (!cp.signatureValidFor(key)) {
                    problems.add("checkpoint " + cp.seq() + " signature invalid: it was changed after it was written");
                } else {
                    latestValid = cp;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint file " + file + " cannot be read", e);
        }
        return new Contents(true, lineNo, problems, Optional.ofNullable(latestValid));
    }

    /**
     * The last checkpoint in the file, for the next one to follow; empty when there is none yet.
     *
     * @throws AuditChainBrokenException when the last line is not a valid checkpoint signed with this key
     */
    Optional<AuditCheckpoint> last() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String line = lastLine();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        AuditCheckpoint cp = parse(line).orElseThrow(() -> new AuditChainBrokenException(List.of(
                "the last line of " + file + " is not a checkpoint: the file was changed")));
        if (!key.id().equals(cp.keyId())) {
            throw new AuditChainBrokenException(List.of(cp.label() + " was signed with another key (key " + cp.keyId()
                    + "; this key is " + key.id() + ")"));
        }
        if (!cp.signatureValidFor(key)) {
            throw new AuditChainBrokenException(List.of("checkpoint " + cp.seq()
                    + " signature invalid: it was changed after it was written"));
        }
        return Optional.of(cp);
    }

    /** Appends one checkpoint line and forces it to disk before returning. */
    void append(AuditCheckpoint cp) {
        byte[] line = (json.writeValueAsString(cp) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            boolean created = !Files.exists(file);
            if (created && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint could not be written to " + file, e);
        }
    }

    private Optional<AuditCheckpoint> parse(String line) {
        try {
            AuditCheckpoint cp = json.readValue(line, AuditCheckpoint.class);
            boolean complete = cp.kind() != null && cp.at() != null && cp.firstHash() != null && cp.headHash() != null
                    && cp.keyId() != null && cp.prev() != null && cp.sig() != null;
            return complete ? Optional.of(cp) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The file's last non-empty line, read from its end (a checkpoint line is well under 1 KiB). */
    private String lastLine() {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int tail = (int) Math.min(size, 16 * 1024);
            byte[] bytes = new byte[tail];
            raf.seek(size - tail);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
            return text.substring(text.lastIndexOf('\n') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint file " + file + " cannot be read", e);
        }
    }

    /** A temporary directory (with a temporary database) goes with it. */
    @Override
    public void close() throws IOException {
        if (temporary && Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
