package org.onecall.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/** Reads admin-tokens.yaml: {@code tokens:} followed by one {@code - {name, role, sha256}} line per token. */
final class AdminTokenFile {
    private static final Set<String> FIELDS = Set.of("name", "role", "sha256");
    private static final String HOW = "./onecall admin-token --name NAME --role view|switch prints a line to add";

    private AdminTokenFile() {
    }

    static List<AdminToken> read(Path file, String fileName, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(fileName, "", "missing; the admin API (admin.port) needs it: create it with a"
                    + " line 'tokens:' (" + HOW + "), or leave admin.port empty to turn the API off"));
            return List.of();
        }
        Optional<YAMLConfiguration> read = YamlFiles.read(file, fileName, problems);
        if (read.isEmpty()) {
            return List.of();
        }
        YAMLConfiguration yaml = read.get();
        List<AdminToken> tokens = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        int n = 0;
        for (ImmutableNode node : yaml.getNodeModel().getNodeHandler().getRootNode().getChildren()) {
            if (!node.getNodeName().equals("tokens")) {
                problems.add(new Problem(fileName, node.getNodeName(), "unknown key; the file has only 'tokens:'"));
                continue;
            }
            if (node.getChildren().isEmpty()) {
                // "tokens:" with nothing under it: the shipped file, no one may use the API yet.
                if (node.getValue() != null) {
                    problems.add(new Problem(fileName, "tokens", "'" + node.getValue() + "' is not an entry like"
                            + " - {name: alice, role: switch, sha256: ...}; " + HOW));
                }
                continue;
            }
            n++;
            Map<String, String> fields = new HashMap<>();
            for (ImmutableNode f : node.getChildren()) {
                fields.put(f.getNodeName(), f.getValue() == null ? "" : f.getValue().toString().strip());
            }
            String key = "tokens #" + n + (fields.containsKey("name") ? " (" + fields.get("name") + ")" : "");
            List<String> unknown = fields.keySet().stream().filter(f -> !FIELDS.contains(f)).sorted().toList();
            if (!unknown.isEmpty()) {
                problems.add(new Problem(fileName, key, "unknown field(s) " + unknown + "; an entry has name, role"
                        + " and sha256 (the file never holds a token itself, only its hash)"));
                continue;
            }
            String role = fields.getOrDefault("role", "");
            if (!role.equals("view") && !role.equals("switch")) {
                problems.add(new Problem(fileName, key + ".role", "'" + role + "' is not view or switch"));
                continue;
            }
            AdminToken token;
            try {
                token = new AdminToken(fields.getOrDefault("name", ""),
                        AdminToken.Role.valueOf(role.toUpperCase(Locale.ROOT)),
                        fields.getOrDefault("sha256", "").toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(fileName, key, e.getMessage() + "; " + HOW));
                continue;
            }
            String before = names.putIfAbsent(token.name(), key);
            if (before != null) {
                problems.add(new Problem(fileName, key + ".name", "'" + token.name() + "' is also " + before
                        + "; changes are recorded by name, so each holder needs their own"));
                continue;
            }
            String same = hashes.putIfAbsent(token.sha256(), key);
            if (same != null) {
                problems.add(new Problem(fileName, key + ".sha256", "is the same token as " + same
                        + "; give each holder a token of their own"));
                continue;
            }
            tokens.add(token);
        }
        return tokens;
    }
}
