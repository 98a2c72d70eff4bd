package org.onecall.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where call records go and how they are kept.
 *
 * @param enabled          false: no records are kept (a standby server, a test)
 * @param url              a MariaDB JDBC URL; empty runs the embedded MariaDB in {@code embeddedDir}
 * @param password         only for a configured server; the embedded one makes and keeps its own
 * @param timeout          how long the database may stay silent in a write before it counts as away
 * @param journalDir       records wait here, on disk, while the database is away
 * @param retention        records older than this are deleted
 * @param personalRetention caller numbers and what callers entered or said are erased after this
 */
public record DatabaseSettings(boolean enabled, Optional<String> url, String user, String password, Path embeddedDir, int poolSize,
                               Duration timeout, Path journalDir, int batchSize, int queueCapacity, Duration retryInterval,
                               Duration retention, Duration personalRetention) {
    @Override
    public String toString() {
        // The password never reaches a log line.
        return "DatabaseSettings[url=" + url.orElse("(embedded in " + embeddedDir + ")") + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "****") + ", poolSize=" + poolSize + ", timeout="
                + Durations.format(timeout) + "]";
    }
}
