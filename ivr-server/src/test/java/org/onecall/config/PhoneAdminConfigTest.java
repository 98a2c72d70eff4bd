package org.onecall.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestFiles;

/** The administrators' phone entry in a center's file: what it takes, and what it refuses with a fix. */
class PhoneAdminConfigTest {
    static final String METRO_ADMIN = "  \"1001\": {name: Duty supervisor, pin-hash: \"pbkdf2-sha256$600000$p+4Ns9jD+gLAn+DpMsTFGA$"
            + "6H2Cl6D5Q6PnoNgkwv/1vQ+AlQhQOLp8eZrFGZZDtSE\"}";

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void copyShippedConfig() throws IOException {
        dir = TestFiles.copyShipped(tmp);
    }

    private OneCallConfig load(Map<String, String> sets) throws ConfigException {
        return new ConfigLoader(dir, sets, Map.of()).load();
    }

    private List<String> problems() {
        try {
            load(Map.of());
            throw new AssertionError("the configuration was accepted");
        } catch (ConfigException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = file.startsWith("../") ? tmp.resolve(file.substring(3)) : dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void shippedCenters_eachHaveAnEntry_andAnAdministratorWithPin4321() throws Exception {
        OneCallConfig config = load(Map.of());
        for (String center : List.of("metro-311", "gyeonggi-120")) {
            Center.AdminEntry entry = config.center(center).orElseThrow().adminEntry().orElseThrow();
            assertThat(entry.maxTries()).isEqualTo(3);
            assertThat(entry.lockout()).isEqualTo(Duration.ofMinutes(15));
            Center.PhoneAdmin admin = entry.admins().get("1001");
            assertThat(admin.pin().iterations()).isEqualTo(PinHash.ITERATIONS);
            assertThat(admin.pin().matches("4321")).isTrue();
            assertThat(admin.pin().matches("1234")).isFalse();
        }
        assertThat(config.center("metro-311").orElseThrow().adminEntry().orElseThrow().scripts())
                .containsExactly("311-admin");
        assertThat(config.server().recordingsDir()).isEqualTo(tmp.resolve("data/recordings").toAbsolutePath());
    }

    @Test
    void oldFastPinSha256_isRefused_withTheCommandThatReplacesIt() throws Exception {
        edit("centers/metro-311.yaml", METRO_ADMIN, METRO_ADMIN + "\n  \"1002\": {name: Night desk, pin-sha256: "
                + "c6f5866f0bb46847d9af978557512f40267a7e3974e4450d17c8e0b53d11465d}");

        assertThat(problems()).containsExactly("config/centers/metro-311.yaml: phone-admins.1002.pin-sha256: is no longer"
                + " taken: a fast hash of a few digits is reversed in a moment by anyone who reads this file; replace it"
                + " with pin-hash, made with ./onecall pin-hash");
    }

    @Test
    void pinHash_withTooFewIterations_isRefused() throws Exception {
        PinHash quick = PinHash.parse(PinHash.of("4321").encoded().replace("$600000$", "$1000$")).orElseThrow();
        edit("centers/metro-311.yaml", METRO_ADMIN, METRO_ADMIN + "\n  \"1002\": {name: Night desk, pin-hash: \""
                + quick.encoded() + "\"}");

        assertThat(problems()).containsExactly("config/centers/metro-311.yaml: phone-admins.1002.pin-hash: has fewer than"
                + " 100000 iterations, too fast to slow a PIN thief; ./onecall pin-hash reads the PIN and prints"
                + " one");
    }

    @Test
    void pinHash_withSoManyIterationsThatEachCheckTakesSeconds_isRefused() throws Exception {
        String slow = PinHash.of("4321").encoded().replace("$600000$", "$600000000$");
        edit("centers/metro-311.yaml", METRO_ADMIN, METRO_ADMIN + "\n  \"1002\": {name: Night desk, pin-hash: \""
                + slow + "\"}");

        assertThat(problems()).containsExactly("config/centers/metro-311.yaml: phone-admins.1002.pin-hash: has more than"
                + " 10000000 iterations: each check would take seconds; ./onecall pin-hash reads the PIN and prints one");
    }

    @Test
    void pinInClear_isRefused_withoutRepeatingThePin() throws Exception {
        edit("centers/metro-311.yaml", METRO_ADMIN, METRO_ADMIN + "\n  \"1002\": {name: Night desk, pin: \"9876\"}");

        List<String> problems = problems();
        assertThat(problems).contains("config/centers/metro-311.yaml: phone-admins.1002.pin: a PIN never goes into a file in"
                + " clear; remove it and give pin-hash, made with ./onecall pin-hash");
        assertThat(problems).noneMatch(p -> p.contains("9876"));
    }

    @Test
    void badAdministrators_areRefused_eachWithTheKeyAndTheFix() throws Exception {
        edit("centers/metro-311.yaml", METRO_ADMIN, METRO_ADMIN
                + "\n  \"alice\": {name: Alice, pin-hash: \"" + PinHash.of("4321").encoded() + "\"}"
                + "\n  \"1003\": {pin-hash: 4321}");

        assertThat(problems()).contains(
                "config/centers/metro-311.yaml: phone-admins.alice: 'alice' is not an administrator id; use 1 to 10 digits,"
                        + " the number the administrator keys in (quote it: \"1001\")",
                "config/centers/metro-311.yaml: phone-admins.1003.name: is missing; the administrator's name, for the logs"
                        + " and the audit",
                "config/centers/metro-311.yaml: phone-admins.1003.pin-hash: is not a pbkdf2-sha256$<iterations>$<salt>$<hash>"
                        + " PIN hash; ./onecall pin-hash reads the PIN and prints one");
    }

    @Test
    void adminEntry_thatReachesTheCallers_isRefused() throws Exception {
        edit("centers/metro-311.yaml", "  scripts: [\"311-admin\"]", "  scripts: [\"311-admin\", \"311\"]");

        assertThat(problems()).contains("config/centers/metro-311.yaml: admin-entry: '311' already reaches this center's"
                + " callers; the administrators' entry needs a script or number of its own");
    }

    @Test
    void adminNumber_ofAnotherCentersCallers_isRefused() throws Exception {
        edit("centers/metro-311.yaml", "  numbers: [\"2125550399\"]", "  numbers: [\"2125550399\", \"120\"]");

        assertThat(problems()).anyMatch(p -> p.contains("'120' already reaches")
                && p.contains("a script or number can reach only one center"));
    }

    @Test
    void adminEntry_withoutAdministrators_isRefused() throws Exception {
        edit("centers/metro-311.yaml", "phone-admins:\n" + METRO_ADMIN + "\n", "");

        assertThat(problems()).contains("config/centers/metro-311.yaml: phone-admins: is missing or empty, so nobody can sign"
                + " in at admin-entry; add an administrator: an id (digits) with name and pin-hash");
    }

    @Test
    void adminEntry_withBadLimits_isRefused() throws Exception {
        edit("centers/metro-311.yaml", "  max-tries: 3\n  lockout: 15m", "  max-tries: 0\n  lockout: soon");

        assertThat(problems()).contains(
                "config/centers/metro-311.yaml: admin-entry.max-tries: '0' is not a whole number from 1 to 10",
                "config/centers/metro-311.yaml: admin-entry.lockout: 'soon' is not a duration from 1m to 1d, like 5s or 2m");
    }

    @Test
    void adminPrompts_needATextInTheDefaultLanguageOnly() throws Exception {
        // Shipped with en and ko only: metro-311 speaks en first, gyeonggi-120 ko.
        load(Map.of());
        edit("../prompts/prompts.yaml", "  en: \"Done.\"\n", "");

        assertThat(problems()).containsExactly("prompts/prompts.yaml: onecall/admin/done: has no en text; metro-311's"
                + " administrators' entry speaks en");
    }

    @Test
    void recordingsDir_thatCannotTravelInAnAgiCommand_isRefused() {
        try {
            load(Map.of("admin.recordings-dir", "../my recordings"));
            throw new AssertionError("the configuration was accepted");
        } catch (ConfigException e) {
            assertThat(e.problems()).extracting(Problem::key).containsExactly("admin.recordings-dir");
        }
    }
}
