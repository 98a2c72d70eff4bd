package org.onecall.e2e;

import org.onecall.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.onecall.OneCallServer;
import org.onecall.TestClock;
import org.onecall.config.ConfigLoader;
import org.onecall.emulator.AsteriskEmulator;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Transcript;

/** A real OneCall server on a free port with its own copy of the shipped config. */
final class TestServer implements AutoCloseable {
    final Path config;
    final OneCallServer server;
    final AsteriskEmulator asterisk;
    /** Starts when every desk of both centers is open; tests move it for hours and holidays. */
    final TestClock clock;

    private TestServer(Path config, OneCallServer server, TestClock clock) {
        this.config = config;
        this.server = server;
        this.clock = clock;
        this.asterisk = new AsteriskEmulator(server.agiAddress(), Duration.ofSeconds(20));
    }

    static TestServer start(Path tmp, String... sets) throws Exception {
        Path config = TestFiles.copyShipped(tmp);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("agi.port", "0");
        overrides.put("admin.port", "0");
        overrides.put("config.reload-interval", "100ms");
        // Call records need a MariaDB; the tests about records turn them on.
        overrides.put("records.enabled", "false");
        for (String s : sets) {
            int eq = s.indexOf('=');
            overrides.put(s.substring(0, eq), s.substring(eq + 1));
        }
        TestClock clock = new TestClock(TestClock.ALL_OPEN);
        return new TestServer(config, OneCallServer.start(new ConfigLoader(config, overrides, Map.of()), clock),
                clock);
    }

    /** A Spanish speaker reporting a missed trash pickup: the journey most tests need. */
    static final CallerScript ORDINARY = CallerScript.keys("2", "1", "1");
    static final org.onecall.emulator.Route ORDINARY_ROUTE =
            new org.onecall.emulator.Route("metro-311-sanitation", "es", "missed-pickup");

    Transcript call(String dialed, CallerScript caller) throws IOException {
        return asterisk.call(CallSetup.to(dialed).withCaller(caller));
    }

    Transcript call(CallSetup setup) throws IOException {
        return asterisk.call(setup);
    }

    @Override
    public void close() {
        server.close();
    }
}
