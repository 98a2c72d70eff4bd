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
        Path config = TestFiles.copyShipped(dir);
        dir = config;
        ConfigLoader loader = new ConfigLoader(dir, Map.of(), Map.of());
        AtomicReference<OneCallConfig> current = new AtomicReference<>(loader.load());
        ConfigWatcher watcher = new ConfigWatcher(loader, current);
        Path metro = dir.resolve("centers/metro-311.yaml");

        Files.writeString(metro, Files.readString(metro).replace("queue-timeout: 5m", "queue-timeout: 90s"));
        touch(metro, 5);
        watcher.run();
        OneCallConfig edited = current.get();
        assertThat(edited.center("metro-311").orElseThrow().routing().queueTimeout()).hasSeconds(90);

        String valid = Files.readString(metro);
        Files.writeString(metro, "id: metro-311\nlanguages: [");
        touch(metro, 10);
        watcher.run();
        assertThat(current.get()).isSameAs(edited);

        Files.writeString(metro, valid); // the broken edit is mended, and a new center comes with it
        Path added = dir.resolve("centers/extra-120.yaml");
        Files.writeString(added, Files.readString(dir.resolve("centers/gyeonggi-120.yaml"))
                .replace("id: gyeonggi-120", "id: extra-120").replace("0311200", "0319990")
                .replace("scripts: [\"120\", \"gyeonggi-120\"]", "scripts: [\"extra-120\"]")
                .replace("numbers: [\"120\", ", "numbers: [").replace("120-119", "extra-119")
                .replace("120-admin", "extra-admin"));
        touch(metro, 15);
        watcher.run();
        assertThat(current.get().centers()).extracting(Center::id).containsExactly("extra-120", "gyeonggi-120", "metro-311");
    }

    @Test
    void anEditToAManifestConfiguredElsewhere_reloadsTheTexts() throws Exception {
        Path config = TestFiles.copyShipped(dir);
        Path own = dir.resolve("texts/own-prompts.yaml");
        Files.createDirectories(own.getParent());
        Files.copy(dir.resolve("prompts/prompts.yaml"), own);
        ConfigLoader loader = new ConfigLoader(config, Map.of("prompts.manifest", "../texts/own-prompts.yaml"), Map.of());
        AtomicReference<OneCallConfig> current = new AtomicReference<>(loader.load());
        ConfigWatcher watcher = new ConfigWatcher(loader, current);

        Files.writeString(own, Files.readString(own).replace("Please hold while we connect your call.",
                "One moment, connecting you."));
        touch(own, 5);
        watcher.run();
        assertThat(current.get().prompts().text("onecall/connecting", "en")).contains("One moment, connecting you.");
    }
}
