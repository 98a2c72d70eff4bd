package org.onecall.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records the database refused for what they hold (a value out of range, a broken constraint),
 * one JSON line each with the error, in a file beside the journal for a person to look at.
 * Writing such a record again would fail again; kept apart, it holds up no other record. (A
 * record can appear twice here when the database went away while its journal segment was being
 * replayed: the segment is replayed again from its start.)
 */
final class DeadLetters {
    static final String FILE = "dead-letters.jsonl";

    /** One line of the file. */
    record Letter(String error, String sqlState, CallRecord record) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    DeadLetters(Path journalDir) {
        this.file = journalDir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    synchronized void add(CallRecord record, SQLException e) throws IOException {
        String line = json.writeValueAsString(new Letter(Database.rootMessage(e), e.getSQLState(), record)) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }
}
