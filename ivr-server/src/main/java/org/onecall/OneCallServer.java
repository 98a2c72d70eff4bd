package org.onecall;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.onecall.agi.FastAgiServer;
import org.onecall.config.ConfigException;
import org.onecall.config.ConfigLoader;
import org.onecall.config.ConfigWatcher;
import org.onecall.config.OneCallConfig;
import org.onecall.flow.CallHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OneCall: the configuration and its reloads, the call handler, the FastAGI listener.
 * Wired by hand here so that the command line and the tests start exactly the same server.
 */
public final class OneCallServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OneCallServer.class);

    private final AtomicReference<OneCallConfig> config;
    private final FastAgiServer agi;
    private final ScheduledExecutorService scheduler;

    private OneCallServer(AtomicReference<OneCallConfig> config, FastAgiServer agi, ScheduledExecutorService scheduler) {
        this.config = config;
        this.agi = agi;
        this.scheduler = scheduler;
    }

    /** Loads and validates the configuration, then starts listening. An invalid config starts nothing. */
    public static OneCallServer start(ConfigLoader loader, InstantSource clock) throws ConfigException, IOException {
        OneCallConfig initial = loader.load();
        AtomicReference<OneCallConfig> config = new AtomicReference<>(initial);
        CallHandler handler = new CallHandler(config::get, clock);
        FastAgiServer agi = new FastAgiServer(initial.server().agi(), handler::handle);
        agi.start();
        // One named scheduler for every periodic job.
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("onecall-scheduler").daemon().factory());
        long every = initial.server().reloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(new ConfigWatcher(loader, config), every, every, TimeUnit.MILLISECONDS);
        return new OneCallServer(config, agi, scheduler);
    }

    public InetSocketAddress agiAddress() {
        return agi.address();
    }

    public OneCallConfig config() {
        return config.get();
    }

    public int activeCalls() {
        return agi.activeCalls();
    }

    public long refusedCalls() {
        return agi.refusedCalls();
    }

    /** Stops taking calls and lets those in progress finish within the configured grace period. */
    public void stop() {
        stop(config.get().server().shutdownGrace());
    }

    public void stop(Duration grace) {
        scheduler.shutdownNow();
        agi.shutdown(grace);
        log.info("OneCall stopped");
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
