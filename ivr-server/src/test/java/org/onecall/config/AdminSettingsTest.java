package org.onecall.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.TestFiles;

/** admin.* keys and the tokens file, as an administrator editing them sees the checks. */
class AdminSettingsTest {
    private static final String HASH = "a".repeat(64);

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void copyShippedConfig() throws IOException {
        dir = TestFiles.copyShipped(tmp);
    }

    private AdminSettings load(Map<String, String> sets) throws ConfigException {
        return new ConfigLoader(dir, sets, Map.of()).load().server().admin();
    }

    private List<String> problems(Map<String, String> sets) {
        try {
            load(sets);
            throw new AssertionError("the configuration was accepted");
        } catch (ConfigException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    private void addTokens(String... lines) throws IOException {
        Files.writeString(dir.resolve("admin-tokens.yaml"), String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    @Test
    void shippedConfig_servesTheAdminApiOnLoopback8311_withNoTokensYet() throws Exception {
        AdminSettings admin = new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load().server().admin();
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(admin.port()).hasValue(8311);
        assertThat(admin.tokensFile().getFileName().toString()).isEqualTo("admin-tokens.yaml");
        assertThat(admin.tokens()).isEmpty();
    }

    @Test
    void tokenLines_areRead_withNameRoleAndHash() throws Exception {
        addTokens("  - {name: alice, role: switch, sha256: \"" + HASH + "\"}",
                "  - {name: wallboard-2, role: view, sha256: " + "B".repeat(64) + "}");
        assertThat(load(Map.of()).tokens()).containsExactly(
                new AdminToken("alice", AdminToken.Role.SWITCH, HASH),
                new AdminToken("wallboard-2", AdminToken.Role.VIEW, "b".repeat(64)));
    }

    @Test
    void badTokenLines_areRefused_namingTheFileTheEntryAndTheFix() throws IOException {
        addTokens("  - {name: alice, role: admin, sha256: \"" + HASH + "\"}",
                "  - {name: bob, role: view, sha256: \"abc\"}",
                "  - {name: carol, role: view, sha256: \"" + HASH + "\", token: onecall_secret}",
                "  - {name: dave, role: view, sha256: \"" + "c".repeat(64) + "\"}",
                "  - {name: dave, role: switch, sha256: \"" + "d".repeat(64) + "\"}",
                "  - {name: erin, role: view, sha256: \"" + "c".repeat(64) + "\"}");
        assertThat(problems(Map.of())).containsExactly(
                "config/admin-tokens.yaml: tokens #1 (alice).role: 'admin' is not view or switch",
                "config/admin-tokens.yaml: tokens #2 (bob): 'abc' is not 64 lowercase hex digits; ./onecall"
                        + " admin-token --name NAME --role view|switch prints a line to add",
                "config/admin-tokens.yaml: tokens #3 (carol): unknown field(s) [token]; an entry has name, role and"
                        + " sha256 (the file never holds a token itself, only its hash)",
                "config/admin-tokens.yaml: tokens #5 (dave).name: 'dave' is also tokens #4 (dave); changes are"
                        + " recorded by name, so each holder needs their own",
                "config/admin-tokens.yaml: tokens #6 (erin).sha256: is the same token as tokens #4 (dave); give each"
                        + " holder a token of their own");
    }

    @Test
    void missingTokensFile_isAProblem_unlessTheApiIsOff() throws Exception {
        Files.delete(dir.resolve("admin-tokens.yaml"));
        assertThat(problems(Map.of())).singleElement().satisfies(p -> assertThat(p)
                .startsWith("config/admin-tokens.yaml: missing").contains("leave admin.port empty"));
        assertThat(load(Map.of("admin.port", "")).enabled()).isFalse();
    }

    @Test
    void adminPort_outOfRangeOrTheAgiPort_isRefused() {
        assertThat(problems(Map.of("admin.port", "99999"))).singleElement().satisfies(p -> assertThat(p)
                .startsWith("--set: admin.port: 99999 is out of range").contains("empty to turn the admin API off"));
        assertThat(problems(Map.of("admin.port", "4573"))).containsExactly("--set: admin.port: 4573 is also agi.port;"
                + " give the admin API a port of its own (default 8311)");
    }
}
