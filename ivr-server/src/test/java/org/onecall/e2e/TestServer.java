package org.onecall.e2e;

import org.onecall.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.onecall.OneCallServer;
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

    private TestServer(Path config, OneCallServer server) {
        this.config = config;
        this.server = server;
        this.asterisk = new AsteriskEmulator(server.agiAddress(), Duration.ofSeconds(20));
    }

    static TestServer start(Path tmp, String... sets) throws Exception {
        Path config = tmp.resolve("config");
        TestFiles.copyTree(Path.of("config"), config);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("agi.port", "0");
        overrides.put("config.reload-interval", "100ms");
        for (String s : sets) {
            int eq = s.indexOf('=');
            overrides.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return new TestServer(config, OneCallServer.start(new ConfigLoader(config, overrides, Map.of()),
                InstantSource.system()));
    }

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
