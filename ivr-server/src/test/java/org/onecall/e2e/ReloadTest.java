package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Route;

/** Editing config while calls flow: a good edit applies to the next call, a bad one changes nothing. */
class ReloadTest {
    @TempDir
    Path tmp;

    static void write(Path file, String text, int secondsAhead) throws Exception {
        Files.writeString(file, text);
        // Some file systems keep whole-second times; make every edit visibly newer.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsAhead)));
    }

    static Optional<Route> routeWithin(TestServer server, String expectedQueue, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        Optional<Route> route;
        do {
            route = server.call("311", TestServer.ORDINARY).route();
            if (route.map(Route::queue).orElse("").equals(expectedQueue)) {
                return route;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return route;
    }

    @Test
    void brokenEdit_isRejected_andCallsGoOnWithThePreviousConfig_thenAGoodEditApplies() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            Path metro = server.config.resolve("centers/metro-311.yaml");
            String good = Files.readString(metro);

            write(metro, good.replace("missed-pickup:   {queue: metro-311-sanitation", "missed-pickup:   {queue: [broken"), 5);
            Thread.sleep(500); // several reload intervals
            assertThat(server.call("311", TestServer.ORDINARY).route()).contains(TestServer.ORDINARY_ROUTE);

            write(metro, good.replace("missed-pickup:   {queue: metro-311-sanitation", "missed-pickup:   {queue: metro-311-noise"), 10);
            assertThat(routeWithin(server, "metro-311-noise", 3000))
                    .contains(new Route("metro-311-noise", "es", "missed-pickup"));
        }
    }

    @Test
    void brokenPropertiesEdit_isRejected_asAWhole() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            Path props = server.config.resolve("onecall.properties");
            Path metro = server.config.resolve("centers/metro-311.yaml");
            write(props, Files.readString(props) + "\nagi.max-calls = lots\n", 5);
            write(metro, Files.readString(metro).replace("missed-pickup:   {queue: metro-311-sanitation",
                    "missed-pickup:   {queue: metro-311-noise"), 5);
            Thread.sleep(500);
            // The center edit was valid, but it came with an invalid properties edit: nothing changes.
            assertThat(server.call("311", TestServer.ORDINARY).route()).contains(TestServer.ORDINARY_ROUTE);
        }
    }
}
