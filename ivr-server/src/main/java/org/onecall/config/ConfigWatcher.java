package org.onecall.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the configuration when a file changes. A valid edit replaces the snapshot for the next
 * call; an invalid one is logged problem by problem and the previous snapshot keeps serving.
 * Polling rather than a file-system watch: editors replace files in ways watches miss.
 */
public final class ConfigWatcher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ConfigLoader loader;
    private final AtomicReference<OneCallConfig> current;
    private List<String> lastSeen;
    private List<String> lastRejected = List.of();

    public ConfigWatcher(ConfigLoader loader, AtomicReference<OneCallConfig> current) {
        this.loader = loader;
        this.current = current;
        this.lastSeen = fingerprint();
    }

    @Override
    public void run() {
        try {
            List<String> now = fingerprint();
            if (now.equals(lastSeen)) {
                return;
            }
            lastSeen = now;
            OneCallConfig previous = current.get();
            OneCallConfig next = loader.load();
            current.set(next);
            lastRejected = List.of();
            log.info("configuration reloaded: {} center(s) {}", next.centers().size(),
                    next.centers().stream().map(Center::id).toList());
            if (!next.server().agi().equals(previous.server().agi())) {
                log.warn("agi.* settings changed; they take effect when the server restarts");
            }
            AdminSettings admin = next.server().admin();
            AdminSettings before = previous.server().admin();
            if (!admin.bind().equals(before.bind()) || !admin.port().equals(before.port())) {
                log.warn("admin.bind and admin.port changed; they take effect when the server restarts");
            }
        } catch (ConfigException e) {
            List<String> problems = e.problems().stream().map(Problem::toString).toList();
            if (!problems.equals(lastRejected)) {
                log.error("configuration edit rejected; still serving the previous configuration:");
                problems.forEach(p -> log.error("  {}", p));
                lastRejected = problems;
            }
        } catch (RuntimeException e) {
            // One failure must not stop the schedule.
            log.error("configuration reload failed; still serving the previous configuration", e);
        }
    }

    private List<String> fingerprint() {
        List<String> f = new ArrayList<>();
        for (Path p : loader.watchedFiles()) {
            try {
                f.add(p + "@" + Files.getLastModifiedTime(p).toMillis() + ":" + Files.size(p));
            } catch (IOException e) {
                f.add(p + "@missing");
            }
        }
        return f;
    }
}
