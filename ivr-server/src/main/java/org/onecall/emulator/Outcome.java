package org.onecall.emulator;

/** How a call ended, as the word in {@link Transcript#outcome()}. */
enum Outcome {
    SERVER_HUNG_UP("server-hung-up"),
    CALLER_HUNG_UP("caller-hung-up"),
    /** The server closed the connection without hanging up. */
    SERVER_CLOSED("server-closed"),
    /** The server stayed silent until the call timeout. */
    TIMEOUT("timeout"),
    /** The server sent a line over 64 KiB. */
    LINE_TOO_LONG("line-too-long");

    private final String word;

    Outcome(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }
}
