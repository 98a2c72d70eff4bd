package org.onecall.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onecall.config.Center;
import org.onecall.config.ConfigException;
import org.onecall.config.ConfigLoader;
import org.onecall.config.OneCallConfig;
import org.onecall.config.Problem;

import picocli.CommandLine.Option;

/** --config and --set, shared by the commands that read the configuration. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "DIR",
            description = "The configuration folder (default: config/ beside the launcher).")
    Path directory;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key of onecall.properties, e.g. --set agi.port=14573. Repeatable.")
    Map<String, String> sets = new LinkedHashMap<>();

    ConfigLoader loader() {
        return new ConfigLoader(directory(), sets, System.getenv());
    }

    Path directory() {
        if (directory != null) {
            return directory;
        }
        String home = System.getProperty("onecall.home");
        Path fromHome = home == null ? null : Path.of(home, "config");
        return fromHome != null && Files.isDirectory(fromHome) ? fromHome : Path.of("config");
    }

    /** The configuration, or empty after printing its problems. */
    java.util.Optional<OneCallConfig> loadOrPrint() {
        try {
            return java.util.Optional.of(loader().load());
        } catch (ConfigException e) {
            printProblems(directory() + ":", e);
            return java.util.Optional.empty();
        }
    }

    /** The center with this id, or empty after saying which centers there are. */
    static java.util.Optional<Center> center(OneCallConfig config, String id) {
        java.util.Optional<Center> center = config.center(id);
        if (center.isEmpty()) {
            System.err.println("no center '" + id + "'; the centers are "
                    + config.centers().stream().map(Center::id).toList());
        }
        return center;
    }

    /** Every problem, one per line, on stderr. */
    static void printProblems(String intro, ConfigException e) {
        System.err.println(intro + " " + e.problems().size() + " problem(s) in the configuration:");
        for (Problem p : e.problems()) {
            System.err.println("  " + p);
        }
    }

    static void printCenters(OneCallConfig config) {
        System.out.print(centers(config));
    }

    static String centers(OneCallConfig config) {
        StringBuilder out = new StringBuilder();
        for (Center c : config.centers()) {
            out.append("  center   ").append(c.id()).append(" (").append(c.name()).append("): scripts ")
                    .append(c.scripts()).append(", numbers ").append(c.numbers()).append(", languages ")
                    .append(c.languages()).append('\n');
            c.adminEntry().ifPresent(a -> out.append("           administrators' entry: scripts ").append(a.scripts())
                    .append(", numbers ").append(a.numbers()).append(", ").append(a.admins().size())
                    .append(" administrator(s)\n"));
        }
        return out.toString();
    }
}
