package org.onecall.flow;

/**
 * The facts Asterisk gives about a call when it starts.
 *
 * @param callId    Asterisk's unique id of the channel; every log line of the call carries it
 * @param script    the AGI script path without its query, e.g. "311"
 * @param dialed    the number dialed (agi_dnid), or empty when Asterisk does not know it
 * @param extension the dialplan extension that ran AGI()
 * @param caller    the caller's number, or empty
 */
public record CallInfo(String callId, String script, String dialed, String extension, String caller,
                       String channel, String language) {
}
