package org.onecall.config;

import org.onecall.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {
    @TempDir
    Path dir;

    private static void touch(Path p, int secondsLater) throws Exception {
        // File times are coarse on some file systems; move them on explicitly.
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    @Test
    void validEdit_replacesTheSnapshot_invalidEdit_keepsThePrevious() throws Exception {
        TestFiles.copyTree(Path.of("config"), dir);
        ConfigLoader loader = new ConfigLoader(dir, Map.of(), Map.of());
        AtomicReference<OneCallConfig> current = new AtomicReference<>(loader.load());
        ConfigWatcher watcher = new ConfigWatcher(loader, current);
        Path metro = dir.resolve("centers/metro-311.yaml");

        Files.writeString(metro, Files.readString(metro).replace("queue-timeout: 5m", "queue-timeout: 90s"));
        touch(metro, 5);
        watcher.run();
        OneCallConfig edited = current.get();
        assertThat(edited.center("metro-311").orElseThrow().queueTimeout()).hasSeconds(90);

        Files.writeString(metro, "id: metro-311\nlanguages: [");
        touch(metro, 10);
        watcher.run();
        assertThat(current.get()).isSameAs(edited);

        Path added = dir.resolve("centers/extra-311.yaml");
        Files.writeString(added, Files.readString(dir.resolve("centers/gyeonggi-120.yaml"))
                .replace("id: gyeonggi-120", "id: extra-311")
                .replace("scripts: [\"120\", \"gyeonggi-120\"]", "scripts: [\"extra\"]")
                .replace("numbers: [\"120\", \"0311200120\"]", "numbers: [\"5550000\"]"));
        Files.copy(dir.resolve("centers/gyeonggi-120.yaml"), metro, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(metro, Files.readString(metro).replace("gyeonggi-120", "metro-311")
                .replace("\"120\"", "\"311\"").replace("0311200120", "2125550311"));
        touch(metro, 15);
        watcher.run();
        assertThat(current.get().centers()).extracting(Center::id).containsExactly("extra-311", "gyeonggi-120", "metro-311");
    }
}
