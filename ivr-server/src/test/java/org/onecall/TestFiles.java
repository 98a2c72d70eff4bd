package org.onecall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test fixtures on disk. */
public final class TestFiles {
    private TestFiles() {
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
}
