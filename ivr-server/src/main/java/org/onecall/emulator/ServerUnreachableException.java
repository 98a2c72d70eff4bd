package org.onecall.emulator;

import java.net.ConnectException;
import java.net.InetSocketAddress;

/** No FastAGI server accepted the connection: nothing was said, so there is no transcript. */
public final class ServerUnreachableException extends ConnectException {
    private final String address;
    private final String reason;

    ServerUnreachableException(InetSocketAddress server, String reason, Throwable cause) {
        super("no FastAGI server answers at " + hostPort(server) + " (" + reason + ")");
        this.address = hostPort(server);
        this.reason = reason;
        initCause(cause);
    }

    /** host:port as it was given. */
    public String address() {
        return address;
    }

    /** Why, in a few words: "connection refused", "unknown host", "no answer within 5s". */
    public String reason() {
        return reason;
    }

    static String hostPort(InetSocketAddress server) {
        return server.getHostString() + ":" + server.getPort();
    }
}
