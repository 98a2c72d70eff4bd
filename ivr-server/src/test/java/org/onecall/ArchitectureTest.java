package org.onecall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: each library has one home, and the call logic and the pure
 * decisions never reach for the edges. Read from the import lines of the sources.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("ivr-server/src/main/java/org/onecall");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** Who may import a library: the package (under org.onecall) that owns it. */
    private static final Map<String, List<String>> OWNERS = Map.of(
            "org.asteriskjava", List.of("agi"),
            "org.apache.commons.configuration2", List.of("config"),
            "ch.vorburger", List.of("store"),
            "com.zaxxer", List.of("store"),
            "org.eclipse.jetty", List.of("admin"),
            "org.flywaydb", List.of("store"),
            "picocli", List.of("cli"));

    /** What a package must not import from this project. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "routing", List.of("org.onecall.agi", "org.onecall.flow", "org.onecall.store", "org.onecall.cli",
                    "org.onecall.emulator", "org.onecall.admin"),
            "config", List.of("org.onecall.agi", "org.onecall.flow", "org.onecall.store", "org.onecall.cli",
                    "org.onecall.routing", "org.onecall.emulator", "org.onecall.admin"),
            "flow", List.of("org.onecall.agi", "org.onecall.store", "org.onecall.cli", "org.onecall.emulator",
                    "org.onecall.admin"),
            "store", List.of("org.onecall.agi", "org.onecall.cli", "org.onecall.emulator", "org.onecall.admin"),
            "agi", List.of("org.onecall.store", "org.onecall.cli", "org.onecall.emulator", "org.onecall.admin"),
            "admin", List.of("org.onecall.agi", "org.onecall.flow", "org.onecall.store", "org.onecall.cli",
                    "org.onecall.emulator"),
            "emulator", List.of("org.onecall.agi", "org.onecall.flow", "org.onecall.store", "org.onecall.routing",
                    "org.onecall.config"));

    record Import(String pkg, Path file, String imported) {
    }

    private static List<Import> imports() throws IOException {
        List<Import> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(f);
                String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    all.add(new Import(pkg, rel, m.group(1)));
                }
            }
        }
        return all;
    }

    @Test
    void eachLibrary_isUsedOnlyByThePackageThatOwnsIt() throws IOException {
        List<String> strays = imports().stream()
                .filter(i -> OWNERS.entrySet().stream().anyMatch(o -> i.imported().startsWith(o.getKey() + ".")
                        && !o.getValue().contains(i.pkg()) && !i.pkg().isEmpty()))
                .map(i -> i.file() + " imports " + i.imported())
                .toList();
        assertThat(strays).isEmpty();
    }

    @Test
    void innerPackages_neverReachForTheEdges() throws IOException {
        List<String> strays = imports().stream()
                .filter(i -> FORBIDDEN.getOrDefault(i.pkg(), List.of()).stream()
                        .anyMatch(f -> i.imported().startsWith(f + ".")))
                .map(i -> i.file() + " imports " + i.imported())
                .toList();
        assertThat(strays).isEmpty();
    }

    @Test
    void theScanSeesThePackages() throws IOException {
        // A scan that found nothing would pass everything above.
        assertThat(imports()).extracting(Import::pkg).contains("agi", "config", "flow", "routing", "store", "cli");
    }
}
