package org.onecall.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records waiting on disk for the database: numbered segment files of one JSON line per record,
 * each append forced to disk before it returns. Replay takes the segments in order; a segment is
 * deleted only after its records are committed, and writing a record twice changes nothing
 * (its call id is the key), so a crash at any point loses no record and duplicates none.
 */
final class Journal {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    /** One server per folder: two would number their segments alike and delete each other's. */
    private final FileLock lock;
    private final ObjectMapper json = new ObjectMapper();
    private FileChannel current;
    private Path currentPath;
    private long nextSegment;

    Journal(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.lock = FolderLock.take(dir.resolve("journal.lock"), () -> "the journal folder "
                + dir.toAbsolutePath().normalize() + " is in use by another OneCall server; give each server its own"
                + " records.journal-dir");
        List<Path> existing = segments();
        nextSegment = existing.isEmpty() ? 1 : number(existing.getLast()) + 1;
    }

    /** Appends and forces the records to disk. */
    synchronized void append(List<CallRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        if (current == null) {
            currentPath = dir.resolve(String.format("%s%012d%s", PREFIX, nextSegment++, SUFFIX));
            current = FileChannel.open(currentPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        StringBuilder lines = new StringBuilder();
        for (CallRecord r : records) {
            lines.append(json.writeValueAsString(r)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            current.write(bytes);
        }
        current.force(false);
    }

    synchronized boolean isEmpty() throws IOException {
        return segments().isEmpty();
    }

    /** Closes the segment being written, so later appends start a new one, and lists all in order. */
    synchronized List<Path> seal() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
        return segments();
    }

    /** The records of a segment; a last line cut short by a crash is skipped with a warning. */
    List<CallRecord> read(Path segment) throws IOException {
        List<CallRecord> records = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(json.readValue(line, CallRecord.class));
                } catch (JsonProcessingException e) {
                    log.warn("journal {} line {} is not a whole record (cut short by a crash?); skipped", segment, n);
                }
            }
        }
        return records;
    }

    void delete(Path segment) throws IOException {
        Files.deleteIfExists(segment);
    }

    /** Records waiting, for the log and the tests. */
    long pendingRecords() throws IOException {
        long n = 0;
        for (Path p : segments()) {
            try (Stream<String> lines = Files.lines(p)) {
                n += lines.filter(l -> !l.isBlank()).count();
            }
        }
        return n;
    }

    synchronized void close() throws IOException {
        try {
            seal();
        } finally {
            FolderLock.release(lock);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> sizeOf(p) > 0 || p.equals(currentPath))
                    .sorted().toList();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long number(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }
}
