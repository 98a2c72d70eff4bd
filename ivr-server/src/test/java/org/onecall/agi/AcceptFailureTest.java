package org.onecall.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.net.ServerSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecall.config.AgiSettings;
import org.onecall.config.Cidr;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** When accept() fails: Asterisk must get connection refused or an answer, never silence; the log stays readable. */
class AcceptFailureTest {
    private static final AgiSettings SETTINGS = new AgiSettings(InetAddress.getLoopbackAddress(), 0,
            List.of(Cidr.parse("127.0.0.0/8")), 10, Duration.ofSeconds(2), Duration.ofSeconds(2), 4096, 200);

    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Logger serverLog = (Logger) LoggerFactory.getLogger(FastAgiServer.class);

    @BeforeEach
    void capture() {
        appender.start();
        serverLog.addAppender(appender);
    }

    @AfterEach
    void release() {
        serverLog.detachAppender(appender);
    }

    /** A listening socket whose n-th accept() (from 1) throws what {@code failure} gives, or accepts for real on null. */
    private static ServerSocketFactory failing(AtomicInteger attempts, IntFunction<IOException> failure) {
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new ServerSocket() {
                    @Override
                    public Socket accept() throws IOException {
                        IOException e = failure.apply(attempts.incrementAndGet());
                        if (e != null) {
                            throw e;
                        }
                        return super.accept();
                    }
                };
            }

            @Override
            public ServerSocket createServerSocket(int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private List<ILoggingEvent> lines(Level atLeast) {
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(atLeast)).toList();
    }

    @Test
    void listenerFailure_closesTheListener_soAsteriskIsRefusedAndFallsBack() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (FastAgiServer server = new FastAgiServer(SETTINGS, port -> null,
                failing(attempts, n -> new SocketException("Invalid argument")))) {
            server.start();
            int port = server.address().getPort();
            awaitUntil(() -> !lines(Level.ERROR).isEmpty());

            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
            assertThat(lines(Level.WARN)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .startsWith("the FastAGI listener failed and is closed")
                            .contains("connection refused").endsWith("Invalid argument"));
        }
    }

    @Test
    void transientAcceptFailures_backOff_logOncePerBurst_andCallsGetInAfterwards() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        // Out of file descriptors for five attempts, then fine.
        try (FastAgiServer server = new FastAgiServer(SETTINGS, port -> null,
                failing(attempts, n -> n <= 5 ? new IOException("Too many open files") : null))) {
            long start = System.nanoTime();
            server.start();
            awaitUntil(() -> attempts.get() > 5);
            long elapsed = System.nanoTime() - start;

            try (Socket call = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
                awaitUntil(() -> server.acceptedCalls() == 1);
                // Asserted while the call is still open: closing it without a header logs a line of its own.
                assertThat(Duration.ofNanos(elapsed)).as("backs off between attempts")
                        .isGreaterThan(Duration.ofMillis(400));
                assertThat(lines(Level.WARN)).singleElement()
                        .satisfies(e -> assertThat(e.getFormattedMessage())
                                .isEqualTo("accept failed, retrying every 100 ms: Too many open files"));
                assertThat(lines(Level.INFO)).extracting(ILoggingEvent::getFormattedMessage)
                        .contains("accepting calls again after 5 failed attempt(s)");
            }
        }
    }

    @Test
    void shutdown_isSilent() throws Exception {
        FastAgiServer server = new FastAgiServer(SETTINGS, port -> null);
        server.start();
        server.shutdown(Duration.ZERO);
        Thread.sleep(100);

        assertThat(lines(Level.WARN)).isEmpty();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
