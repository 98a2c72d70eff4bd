package org.onecall.emulator;

import java.util.List;

/**
 * What a command handler sent, and how it ended in Asterisk's terms. FAILURE is Asterisk's RESULT_FAILURE:
 * it makes AGISTATUS FAILURE when the channel is still up (a missing prompt), not when the caller hung up.
 * SHOW_USAGE sends the 520 block instead of any line.
 */
record Reply(List<String> lines, Status status) {
    enum Status { SUCCESS, FAILURE, SHOW_USAGE }

    Reply {
        lines = List.copyOf(lines);
    }

    static Reply ok(String line) {
        return new Reply(List.of(line), Status.SUCCESS);
    }

    static Reply failed(String line) {
        return new Reply(List.of(line), Status.FAILURE);
    }

    /** {@code return (res >= 0) ? RESULT_SUCCESS : RESULT_FAILURE;}, the ending of most media handlers. */
    static Reply byResult(long result, String line) {
        return result >= 0 ? ok(line) : failed(line);
    }

    static Reply usage() {
        return new Reply(List.of(), Status.SHOW_USAGE);
    }
}
