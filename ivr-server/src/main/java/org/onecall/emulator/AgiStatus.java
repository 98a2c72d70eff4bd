package org.onecall.emulator;

/**
 * The AGISTATUS Asterisk sets when AGI() returns, following {@code run_agi}'s {@code returnstatus}: it
 * starts as SUCCESS; a command that fails while the channel is up makes it FAILURE; a hang-up makes it
 * HANGUP only if it is still SUCCESS. So a FAILURE stays FAILURE even when the call is hung up later.
 */
enum AgiStatus {
    SUCCESS, FAILURE, HANGUP;

    AgiStatus afterFailure() {
        return FAILURE;
    }

    AgiStatus afterHangup() {
        return this == SUCCESS ? HANGUP : this;
    }
}
