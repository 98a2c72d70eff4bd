package org.onecall.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the server's commands the way Asterisk's {@code run_agi} does, with limits a hostile server cannot
 * get past: a deadline for the whole call, and at most 64 KiB without a line feed.
 *
 * <p>Asterisk reads a command into a 2048-byte buffer: a longer line is cut after 2047 bytes and the rest
 * is read as the next command. That is reproduced, so a server sending huge values finds out here.
 */
final class LineReader {
    /** AGI_BUF_LEN - 1 in res_agi.c. */
    static final int ASTERISK_LINE_BYTES = 2047;
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** What one read produced. */
    sealed interface Read {
        /** A command line; {@code cut} when Asterisk's buffer split it. */
        record Line(String text, boolean cut) implements Read {}

        record EndOfStream() implements Read {}

        record TimedOut() implements Read {}

        record TooLong() implements Read {}

        record Broken(String reason) implements Read {}
    }

    private final Socket socket;
    private final InputStream in;
    private final long deadlineNanos;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private int sinceLineFeed;
    private boolean eof;

    LineReader(Socket socket, long deadlineNanos) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadlineNanos = deadlineNanos;
    }

    Read next() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == limit) {
                if (eof) {
                    return line.size() > 0 ? text(line, false) : new Read.EndOfStream();
                }
                Optional<Read> failure = fill();
                if (failure.isPresent()) {
                    return failure.get();
                }
                continue;
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                sinceLineFeed = 0;
                return text(line, false);
            }
            line.write(b);
            if (++sinceLineFeed > MAX_LINE_BYTES) {
                return new Read.TooLong();
            }
            if (line.size() == ASTERISK_LINE_BYTES) {
                return text(line, true);
            }
        }
    }

    /** Reads more bytes; returns how reading failed, if it did (the end of the stream is not a failure). */
    private Optional<Read> fill() {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return Optional.of(new Read.TimedOut());
        }
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
            int n = in.read(buffer);
            if (n < 0) {
                eof = true;
            } else {
                pos = 0;
                limit = n;
            }
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.of(new Read.TimedOut());
        } catch (IOException e) {
            return Optional.of(new Read.Broken(String.valueOf(e.getMessage())));
        }
    }

    private static Read text(ByteArrayOutputStream line, boolean cut) {
        return new Read.Line(line.toString(StandardCharsets.UTF_8), cut);
    }
}
