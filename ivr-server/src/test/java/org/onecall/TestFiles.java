package org.onecall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** Test fixtures on disk. */
public final class TestFiles {
    /** The recordings of a real Asterisk beside the project (see its README.txt). */
    public static final Path ASTERISK_TRACES = Path.of("../shared/asterisk-agi-traces");

    private TestFiles() {
    }

    /**
     * The recorded traces in {@link #ASTERISK_TRACES}, by name. A developer without the folder
     * skips the tests that replay them; on CI (the environment variable CI is set) a missing or
     * empty folder fails them, so a build never goes green without replaying real Asterisk.
     */
    public static List<Path> asteriskTraces() throws IOException {
        return traces(ASTERISK_TRACES, System.getenv("CI") != null);
    }

    static List<Path> traces(Path folder, boolean onCi) throws IOException {
        List<Path> files = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(".txt"))
                        .filter(p -> !p.getFileName().toString().equals("README.txt"))
                        .sorted()
                        .toList();
            }
        }
        if (files.isEmpty()) {
            String missing = "no Asterisk recordings (*.txt) in " + folder.toAbsolutePath().normalize();
            if (onCi) {
                throw new AssertionError(missing + "; CI is set, so the trace tests must run: provide the"
                        + " recordings there (the shared/asterisk-agi-traces folder beside the project)");
            }
            Assumptions.abort(missing + "; skipped (on CI this fails)");
        }
        return files;
    }

    /**
     * Copies the shipped config/ and prompts/ side by side under root, as they stand in the project (the
     * config names the manifest as ../prompts/), and returns the copy of config/ for the test to edit.
     */
    public static Path copyShipped(Path root) throws IOException {
        Path config = root.resolve("config");
        copyTree(Path.of("config"), config);
        copyTree(Path.of("prompts"), root.resolve("prompts"));
        return config;
    }

    /** Copies the shipped config/ (or any folder) so a test may edit its own copy. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
