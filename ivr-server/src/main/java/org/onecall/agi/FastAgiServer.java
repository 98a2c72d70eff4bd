package org.onecall.agi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.net.ServerSocketFactory;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.onecall.config.AgiSettings;
import org.onecall.flow.CallHandler;
import org.onecall.flow.CallInfo;
import org.onecall.flow.CallPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The FastAGI listener. Asterisk-Java speaks the protocol of each call; this class owns what
 * its DefaultAgiServer gets wrong for a public service: one virtual thread per call instead of
 * a fixed pool that refuses call 501, an address allow-list, guarded connections, a ceiling
 * the dialplan can detect, and a graceful stop.
 */
public final class FastAgiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);
    // Refusing a call means reading its header and answering it; bound that work too.
    private static final int MAX_REFUSALS_AT_ONCE = 1000;
    // Out of file descriptors (EMFILE) and the like pass once calls end; retrying at once
    // would spin a core and flood the log while they last.
    private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(100);

    private final AgiSettings settings;
    private final Function<CallPort, ?> calls;
    private final ServerSocketFactory sockets;
    private final Semaphore callSlots;
    private final Semaphore refusalSlots = new Semaphore(MAX_REFUSALS_AT_ONCE);
    private final Set<AgiConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private ServerSocket serverSocket;
    private Thread acceptor;
    private volatile boolean stopping;

    /**
     * @param calls runs one call to its end on the calling (virtual) thread
     */
    public FastAgiServer(AgiSettings settings, Function<CallPort, ?> calls) {
        this(settings, calls, ServerSocketFactory.getDefault());
    }

    /** With the listening socket from {@code sockets}: tests make accept() fail. */
    FastAgiServer(AgiSettings settings, Function<CallPort, ?> calls, ServerSocketFactory sockets) {
        this.settings = settings;
        this.calls = calls;
        this.sockets = sockets;
        this.callSlots = new Semaphore(settings.maxCalls());
    }

    public synchronized void start() throws IOException {
        serverSocket = sockets.createServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(settings.bind(), settings.port()), 4096);
        acceptor = Thread.ofPlatform().name("agi-acceptor").start(this::acceptLoop);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** Calls in progress now. */
    public int activeCalls() {
        return settings.maxCalls() - callSlots.availablePermits();
    }

    public long acceptedCalls() {
        return accepted.get();
    }

    public long refusedCalls() {
        return refused.get();
    }

    private void acceptLoop() {
        int failures = 0; // in the current burst of transient accept failures
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                if (!stopping) {
                    // A bound socket nobody accepts from still completes handshakes into the
                    // backlog, and Asterisk waits in silence; a closed one refuses at once and
                    // the dialplan's fallback runs.
                    closeQuietly(serverSocket);
                    log.error("the FastAGI listener failed and is closed, so Asterisk gets connection refused and"
                            + " its dialplan fallback runs; restart the server to take calls again: {}", e.getMessage());
                }
                return;
            } catch (IOException e) {
                if (failures++ == 0) {
                    log.warn("accept failed, retrying every {} ms: {}", ACCEPT_BACKOFF.toMillis(), e.getMessage());
                }
                try {
                    Thread.sleep(ACCEPT_BACKOFF);
                } catch (InterruptedException stop) {
                    closeQuietly(serverSocket); // nothing interrupts the acceptor but a deliberate stop
                    return;
                }
                continue;
            }
            if (failures > 0) {
                log.info("accepting calls again after {} failed attempt(s)", failures);
                failures = 0;
            }
            if (!settings.allows(socket.getInetAddress())) {
                log.warn("refused a connection from {}: not in agi.allowed {}",
                        socket.getInetAddress().getHostAddress(), settings.allowed());
                closeQuietly(socket);
                continue;
            }
            if (callSlots.tryAcquire()) {
                long n = accepted.incrementAndGet();
                Thread.ofVirtual().name("call-" + n).start(() -> {
                    try {
                        serve(socket);
                    } finally {
                        callSlots.release();
                    }
                });
            } else if (refusalSlots.tryAcquire()) {
                refused.incrementAndGet();
                Thread.ofVirtual().name("refuse").start(() -> {
                    try {
                        refuse(socket);
                    } finally {
                        refusalSlots.release();
                    }
                });
            } else {
                refused.incrementAndGet();
                // Closing without a word makes AGI() fail: the dialplan falls back all the same.
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        AgiConnection connection;
        try {
            connection = new AgiConnection(socket, settings);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        List<String> header;
        try {
            header = connection.readHeader();
        } catch (IOException e) {
            log.warn("cut off {}: {}", connection.peer(), e.getMessage());
            connection.close();
            return;
        }
        Map<String, String> fields = AgiHeader.fields(header);
        String callId = AgiHeader.callId(fields, connection.peer());
        MDC.put("call", callId);
        open.add(connection);
        try {
            connection.startReader(callId);
            CallInfo info = AgiHeader.callInfo(fields, callId);
            MappingStrategy oneScript = (request, channel) -> (AgiScript) (req, ch) ->
                    calls.apply(new AgiCallPort(ch, connection, info));
            new FastAgiConnectionHandler(oneScript, connection, new DefaultAgiChannelFactory()).run();
        } catch (RuntimeException e) {
            log.error("the call failed: {}", e.toString(), e);
        } finally {
            open.remove(connection);
            connection.close();
            MDC.remove("call");
        }
    }

    private void refuse(Socket socket) {
        try {
            AgiConnection connection = new AgiConnection(socket, settings);
            List<String> header = connection.readHeader();
            String callId = AgiHeader.callId(AgiHeader.fields(header), connection.peer());
            MDC.put("call", callId); // an operator grepping for the call id finds why it got no menu
            log.warn("call {} refused: {} calls at once is the ceiling (agi.max-calls)", callId, settings.maxCalls());
            // The shipped dialplan sends a caller without ONECALL_STATUS=DONE to the general queue.
            connection.write("SET VARIABLE " + CallHandler.STATUS_VARIABLE + " BUSY\n");
            connection.flush();
            socket.setSoTimeout((int) settings.headerTimeout().toMillis());
            socket.getInputStream().read(); // the reply; what it says changes nothing
        } catch (IOException e) {
            log.debug("refused call went away: {}", e.getMessage());
        } finally {
            closeQuietly(socket);
            MDC.remove("call");
        }
    }

    /**
     * Stops taking calls, lets calls in progress finish for up to the grace period, then cuts
     * the rest.
     */
    /** How long cut calls may take to wind down after the grace period. */
    private static final Duration CUT_CALLS_WAIT = Duration.ofSeconds(5);

    public void shutdown(Duration grace) {
        stopping = true;
        synchronized (this) {
            if (serverSocket != null) {
                closeQuietly(serverSocket);
            }
        }
        int active = activeCalls();
        if (active > 0) {
            log.info("stopped taking calls; waiting up to {} s for {} call(s) in progress", grace.toSeconds(), active);
        }
        try {
            if (callSlots.tryAcquire(settings.maxCalls(), grace.toMillis(), TimeUnit.MILLISECONDS)) {
                callSlots.release(settings.maxCalls());
                log.info("all calls finished");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("grace period over: cutting {} call(s) still in progress", open.size());
        open.forEach(AgiConnection::close);
        // A cut call ends at once (its reads fail) and hands its record over on the way out: wait for
        // that, so the records are written or journaled before the caller of this method closes the writer.
        try {
            if (callSlots.tryAcquire(settings.maxCalls(), CUT_CALLS_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                callSlots.release(settings.maxCalls());
            } else {
                log.warn("{} cut call(s) still winding down", activeCalls());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
