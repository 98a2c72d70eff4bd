package org.onecall.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.fluent.Configurations;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Reads config/onecall.properties and config/centers/*.yaml, applies overrides, and validates
 * everything at once so that one run of check-config lists every problem.
 *
 * <p>Precedence, highest first: --set KEY=VALUE, the environment (ONECALL_AGI_PORT for
 * agi.port), the properties file, the built-in default.
 */
public final class ConfigLoader {
    public static final String PROPERTIES = "onecall.properties";
    public static final String CENTERS = "centers";

    private final Path directory;
    private final Map<String, String> sets;
    private final Map<String, String> environment;
    /** Where the last load found the admin tokens, so an edit there reloads (a revocation must apply). */
    private volatile Path adminTokens;
    // As read at the last load: an edit that moves the manifest must still be watched.
    private volatile Path promptManifest;

    public ConfigLoader(Path directory, Map<String, String> sets, Map<String, String> environment) {
        this.directory = directory;
        this.sets = Map.copyOf(sets);
        this.environment = Map.copyOf(environment);
        this.adminTokens = directory.resolve(Keys.defaults().get(Keys.ADMIN_TOKENS)).normalize();
        this.promptManifest = directory.resolve(Keys.defaults().get(Keys.PROMPTS_MANIFEST)).normalize();
    }

    public Path directory() {
        return directory;
    }

    /** The files whose edits trigger a reload: the properties and every center file. */
    public List<Path> watchedFiles() {
        List<Path> files = new ArrayList<>();
        files.add(directory.resolve(PROPERTIES));
        files.add(promptManifest);
        files.add(adminTokens);
        files.addAll(centerFiles());
        return files;
    }

    public OneCallConfig load() throws ConfigException {
        List<Problem> problems = new ArrayList<>();
        ServerSettings server = readServer(problems);
        List<Center> centers = new ArrayList<>();
        List<Path> files = centerFiles();
        if (files.isEmpty()) {
            problems.add(new Problem(rel(directory.resolve(CENTERS)), "",
                    "no center files (*.yaml); a server needs at least one center"));
        }
        for (Path file : files) {
            new CenterReader(file, rel(file), problems).read().ifPresent(centers::add);
        }
        crossCheck(centers, problems);
        checkRecordingsDir(server, centers, problems);
        Path manifestFile = directory.resolve(server.promptManifest()).normalize();
        promptManifest = manifestFile;
        Optional<PromptManifest> manifest = PromptManifest.read(manifestFile, rel(manifestFile), problems);
        manifest.ifPresent(m -> centers.forEach(c -> m.check(c, rel(manifestFile), problems)));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new OneCallConfig(directory, server, centers, manifest.orElseThrow());
    }

    private List<Path> centerFiles() {
        Path dir = directory.resolve(CENTERS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private record Raw(String value, String source) {
    }

    private ServerSettings readServer(List<Problem> problems) {
        Map<String, Raw> values = new LinkedHashMap<>();
        Keys.defaults().forEach((k, v) -> values.put(k, new Raw(v, "default")));
        Path file = directory.resolve(PROPERTIES);
        String fileName = rel(file);
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(fileName, "", "missing; the shipped config/ has one to start from"));
        } else {
            try {
                PropertiesConfiguration props = new Configurations().properties(file.toFile());
                for (Iterator<String> it = props.getKeys(); it.hasNext(); ) {
                    String key = it.next();
                    if (props.getList(key).size() > 1) {
                        // Properties keep the first of two lines silently; an editor expects the last.
                        problems.add(new Problem(fileName, key, "is set " + props.getList(key).size()
                                + " times; keep one line"));
                    } else if (Keys.known(key)) {
                        values.put(key, new Raw(props.getString(key), fileName));
                    } else {
                        problems.add(unknownKey(fileName, key));
                    }
                }
            } catch (ConfigurationException e) {
                problems.add(new Problem(fileName, "", "cannot be read: " + e.getMessage()));
            }
        }
        for (String key : Keys.defaults().keySet()) {
            String env = environment.get(Keys.environmentName(key));
            if (env != null) {
                values.put(key, new Raw(env, "environment " + Keys.environmentName(key)));
            }
        }
        sets.forEach((key, value) -> {
            if (Keys.known(key)) {
                values.put(key, new Raw(value, "--set"));
            } else {
                problems.add(unknownKey("--set", key));
            }
        });

        Fields f = new Fields(values, problems);
        AgiSettings agi = new AgiSettings(
                f.read(Keys.AGI_BIND, ConfigLoader::address, "an IP address of this machine, or 0.0.0.0 for all"),
                f.intIn(Keys.AGI_PORT, 0, 65535),
                f.read(Keys.AGI_ALLOWED, ConfigLoader::cidrs, "a comma-separated list such as 127.0.0.1, 10.0.0.0/24"),
                f.intIn(Keys.AGI_MAX_CALLS, 1, 1_000_000),
                f.durationIn(Keys.AGI_HEADER_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(1)),
                f.durationIn(Keys.AGI_REPLY_TIMEOUT, Duration.ofSeconds(10), Duration.ofHours(24)),
                f.intIn(Keys.AGI_MAX_LINE_BYTES, 512, 1 << 20),
                f.intIn(Keys.AGI_MAX_HEADER_LINES, 10, 10_000));
        return new ServerSettings(agi,
                f.durationIn(Keys.SHUTDOWN_GRACE, Duration.ZERO, Duration.ofHours(2)),
                f.durationIn(Keys.CONFIG_RELOAD_INTERVAL, Duration.ofMillis(100), Duration.ofMinutes(10)),
                f.read(Keys.PROMPTS_MANIFEST, s -> s.strip(), "a path relative to the config folder"),
                new DatabaseSettings(
                        f.read(Keys.RECORDS_ENABLED, ConfigLoader::bool, "true or false"),
                        f.read(Keys.DATABASE_URL, ConfigLoader::jdbcUrl, "empty for the embedded MariaDB, or "
                                + "jdbc:mariadb://host:3306/onecall"),
                        f.read(Keys.DATABASE_USER, String::strip, "a user name"),
                        values.get(Keys.DATABASE_PASSWORD).value(),
                        directory.resolve(f.read(Keys.DATABASE_EMBEDDED_DIR, String::strip, "a folder")).normalize(),
                        f.intIn(Keys.DATABASE_POOL_SIZE, 1, 100),
                        f.durationIn(Keys.DATABASE_TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(10)),
                        directory.resolve(f.read(Keys.RECORDS_JOURNAL_DIR, String::strip, "a folder")).normalize(),
                        f.intIn(Keys.RECORDS_BATCH_SIZE, 1, 10_000),
                        f.intIn(Keys.RECORDS_QUEUE_CAPACITY, 100, 10_000_000),
                        f.durationIn(Keys.RECORDS_RETRY_INTERVAL, Duration.ofMillis(100), Duration.ofMinutes(10)),
                        f.durationIn(Keys.RECORDS_RETENTION, Duration.ofDays(1), Duration.ofDays(36_500)),
                        f.durationIn(Keys.RECORDS_PERSONAL_RETENTION, Duration.ofDays(1), Duration.ofDays(36_500))),
                admin(f, agi, problems),
                f.read(Keys.ADMIN_RECORDINGS_DIR, s -> directory.resolve(s.strip()).toAbsolutePath().normalize(),
                        "a folder"));
    }

    private AdminSettings admin(Fields f, AgiSettings agi, List<Problem> problems) {
        InetAddress bind = f.read(Keys.ADMIN_BIND, ConfigLoader::address, "an IP address of this machine, or 0.0.0.0"
                + " for all (then only HTTPS in front of it should reach it)");
        OptionalInt port = f.read(Keys.ADMIN_PORT, s -> {
            if (s.isBlank()) {
                return OptionalInt.empty();
            }
            try {
                int n = Integer.parseInt(s.strip());
                if (n < 0 || n > 65535) {
                    throw new IllegalArgumentException(n + " is out of range");
                }
                return OptionalInt.of(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number");
            }
        }, "a port from 0 to 65535 (0: a free one), or empty to turn the admin API off");
        if (port.isPresent() && port.getAsInt() != 0 && port.getAsInt() == agi.port()) {
            problems.add(new Problem(f.source(Keys.ADMIN_PORT), Keys.ADMIN_PORT, port.getAsInt()
                    + " is also agi.port; give the admin API a port of its own (default "
                    + Keys.defaults().get(Keys.ADMIN_PORT) + ")"));
        }
        Path file = directory.resolve(f.read(Keys.ADMIN_TOKENS, String::strip, "a path relative to the config folder"))
                .normalize();
        adminTokens = file;
        List<AdminToken> tokens = port.isPresent() ? AdminTokenFile.read(file, rel(file), problems) : List.of();
        return new AdminSettings(bind, port, file, tokens);
    }

    private static Problem unknownKey(String source, String key) {
        String hint = Keys.closest(key);
        return new Problem(source, key, "unknown key" + (hint == null ? "" : "; did you mean " + hint + "?")
                + " (known keys: see config/onecall.properties)");
    }

    private static boolean bool(String text) {
        return switch (text.strip()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    private static Optional<String> jdbcUrl(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (!t.startsWith("jdbc:mariadb://") && !t.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException("'" + t + "' is not a MariaDB JDBC URL");
        }
        return Optional.of(t);
    }

    private static InetAddress address(String text) {
        try {
            Cidr.parse(text);
            return InetAddress.getByName(text.strip());
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    private static List<Cidr> cidrs(String text) {
        List<Cidr> list = Stream.of(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("is empty, so no Asterisk could connect");
        }
        return list;
    }

    /** Reads typed values, collecting problems instead of stopping at the first. */
    private static final class Fields {
        private final Map<String, Raw> values;
        private final List<Problem> problems;

        Fields(Map<String, Raw> values, List<Problem> problems) {
            this.values = values;
            this.problems = problems;
        }

        String source(String key) {
            return values.get(key).source();
        }

        <T> T read(String key, Function<String, T> parse, String fix) {
            Raw raw = values.get(key);
            try {
                return parse.apply(raw.value());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(raw.source(), key, e.getMessage() + "; expected " + fix));
                return parse.apply(Keys.defaults().get(key));
            }
        }

        int intIn(String key, int min, int max) {
            return read(key, s -> {
                int n;
                try {
                    n = Integer.parseInt(s.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not a whole number");
                }
                if (n < min || n > max) {
                    throw new IllegalArgumentException(n + " is out of range");
                }
                return n;
            }, "a whole number from " + min + " to " + max);
        }

        Duration durationIn(String key, Duration min, Duration max) {
            return read(key, s -> {
                Duration d = Durations.parse(s);
                if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                    throw new IllegalArgumentException(Durations.format(d) + " is out of range");
                }
                return d;
            }, "a duration from " + Durations.format(min) + " to " + Durations.format(max));
        }
    }

    /**
     * The folder is sent to Asterisk inside RECORD FILE and STREAM FILE command lines, where a
     * blank or a quote would split or end the file name. Only an administrators' entry records.
     */
    private void checkRecordingsDir(ServerSettings server, List<Center> centers, List<Problem> problems) {
        String dir = server.recordingsDir().toString();
        if (centers.stream().anyMatch(c -> c.adminEntry().isPresent()) && !dir.matches("[A-Za-z0-9_/.+-]+")) {
            problems.add(new Problem(rel(directory.resolve(PROPERTIES)), Keys.ADMIN_RECORDINGS_DIR, "'" + dir
                    + "' cannot be sent to Asterisk; choose a folder whose path has only letters, digits and"
                    + " / . _ + -"));
        }
    }

    private static void crossCheck(List<Center> centers, List<Problem> problems) {
        Map<String, Center> ids = new LinkedHashMap<>();
        Map<String, Center> entries = new LinkedHashMap<>();
        for (Center c : centers) {
            Center other = ids.putIfAbsent(c.id(), c);
            if (other != null) {
                problems.add(new Problem(c.file(), "id", "'" + c.id() + "' is also the id of " + other.file()
                        + "; every center needs its own id"));
            }
            List<String> adminEntries = c.adminEntry()
                    .map(a -> Stream.concat(a.scripts().stream(), a.numbers().stream()).toList()).orElse(List.of());
            for (String entry : Stream.of(c.allScripts(), c.allNumbers(), adminEntries).flatMap(List::stream)
                    .distinct().toList()) {
                Center taken = entries.putIfAbsent(entry, c);
                if (taken != null && taken != c) {
                    problems.add(new Problem(c.file(), "scripts/numbers", "'" + entry + "' already reaches "
                            + taken.id() + " (" + taken.file() + "); a script or number can reach only one center"));
                }
            }
        }
    }

    private String rel(Path p) {
        Path base = directory.toAbsolutePath().getParent();
        Path abs = p.toAbsolutePath();
        return base != null && abs.startsWith(base) ? base.relativize(abs).toString() : p.toString();
    }
}
