package org.onecall.emulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * A FastAGI client that behaves like Asterisk 22 calling {@code AGI(agi://host:port/script)}: it sends the
 * agi_ header, answers each command the way Asterisk 22.10 does (see shared/asterisk-agi-traces), plays a
 * scripted caller, and returns what happened.
 *
 * <p>Nothing waits: prompts, recordings and queue calls complete at once with their scripted results, so a
 * call takes as long as the server needs. {@code callTimeout} bounds the whole call: a server that stays
 * silent (or trickles bytes) past it ends the call with outcome {@code timeout}.
 *
 * <p>{@link #call} is thread-safe: each call has its own socket and state. Calls of one emulator share only
 * the AstDB (DATABASE commands), like calls on one Asterisk.
 */
public final class AsteriskEmulator {
    private final InetSocketAddress server;
    private final Duration callTimeout;
    private final AstDb db = new AstDb();

    public AsteriskEmulator(InetSocketAddress server, Duration callTimeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
        }
    }

    /**
     * Connects, plays the call to its end and returns the transcript.
     *
     * @throws ServerUnreachableException when no server accepts the connection
     * @throws IOException                when the connection cannot be set up otherwise
     */
    public Transcript call(CallSetup setup) throws IOException {
        Objects.requireNonNull(setup, "setup");
        long deadline = System.nanoTime() + callTimeout.toNanos();
        try (Socket socket = new Socket()) {
            connect(socket);
            socket.setTcpNoDelay(true);
            return new CallSession(socket, setup, server, deadline, db).run();
        }
    }

    private void connect(Socket socket) throws IOException {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, callTimeout.toMillis()));
        try {
            socket.connect(server, timeoutMs);
        } catch (UnknownHostException e) {
            throw new ServerUnreachableException(server, "unknown host", e);
        } catch (SocketTimeoutException e) {
            throw new ServerUnreachableException(server, "no answer within " + callTimeout.toSeconds() + "s", e);
        } catch (ConnectException e) {
            throw new ServerUnreachableException(server, "connection refused", e);
        }
    }
}
