package org.onecall.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * How the FastAGI listener faces the network.
 *
 * @param bind            the address to listen on
 * @param port            the FastAGI port Asterisk dials (agi://host:port/script)
 * @param allowed         the only peers that may connect: Asterisk servers
 * @param maxCalls        calls at once; the next one is refused so the dialplan can fall back
 * @param headerTimeout   a peer must deliver its whole agi_ header within this
 * @param replyTimeout    the longest wait for one reply, beyond the command's own time (a queue's wait)
 * @param maxLineBytes    a longer line from the peer cuts the connection
 * @param maxHeaderLines  a longer header cuts the connection
 */
public record AgiSettings(InetAddress bind, int port, List<Cidr> allowed, int maxCalls,
                          Duration headerTimeout, Duration replyTimeout, int maxLineBytes, int maxHeaderLines) {
    public AgiSettings {
        allowed = List.copyOf(allowed);
    }

    public boolean allows(InetAddress peer) {
        return allowed.stream().anyMatch(c -> c.contains(peer));
    }
}
