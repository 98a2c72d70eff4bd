package org.onecall.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.configuration2.YAMLConfiguration;

/**
 * prompts/prompts.yaml: every prompt key with its text per language. A "mixed" prompt is one
 * recording that speaks several languages (the language menu offers each in its own), so it
 * serves every language. Audio is looked up by key per language in Asterisk's sounds/<lang>/.
 */
public record PromptManifest(Map<String, Map<String, String>> texts, Set<String> mixed) {
    public static final String MIXED = "mixed";

    public PromptManifest {
        texts = Map.copyOf(texts);
        mixed = Set.copyOf(mixed);
    }

    public Optional<String> text(String key, String language) {
        return Optional.ofNullable(texts.get(key)).map(m -> m.get(language));
    }

    static Optional<PromptManifest> read(Path file, String name, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(name, "", "missing; it holds the text of every prompt in every language"));
            return Optional.empty();
        }
        Optional<YAMLConfiguration> read = YamlFiles.read(file, name, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YAMLConfiguration yaml = read.get();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        java.util.Set<String> mixed = new java.util.HashSet<>();
        Tree.root(yaml.getNodeModel().getNodeHandler().getRootNode()).entries().forEach((key, t) -> {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            // Not entries(): a YAML list is several children of one name, and each part counts.
            for (var child : t.node().getChildren()) {
                if (child.getNodeName().equals(MIXED)) {
                    mixed.add(key);
                    for (var part : child.getChildren()) {
                        byLanguage.merge(MIXED, part.getNodeName() + ": " + part.getValue(), (a, b) -> a + " " + b);
                    }
                } else {
                    byLanguage.put(child.getNodeName(), child.getValue() == null ? "" : child.getValue().toString());
                }
            }
            texts.put(key, byLanguage);
        });
        return Optional.of(new PromptManifest(texts, mixed));
    }

    /**
     * Every prompt a center's callers can hear has a text in each of its languages; every prompt
     * of its administrators' entry, in its default language.
     */
    void check(Center c, String manifestName, List<Problem> problems) {
        Set<String> callers = PromptKeys.of(c);
        for (String key : callers) {
            check(c, key, c.languages(), " serves ", manifestName, problems);
        }
        for (String key : PromptKeys.admin(c)) {
            if (!callers.contains(key)) {
                check(c, key, List.of(c.defaultLanguage()), "'s administrators' entry speaks ", manifestName,
                        problems);
            }
        }
    }

    private void check(Center c, String key, List<String> languages, String speaks, String manifestName,
                       List<Problem> problems) {
        Map<String, String> byLanguage = texts.get(key);
        if (byLanguage == null) {
            problems.add(new Problem(manifestName, key, "has no texts; " + c.id() + " (" + c.file()
                    + ") plays it: add it with a text for each of " + languages));
            return;
        }
        if (mixed.contains(key)) {
            return;
        }
        for (String l : languages) {
            if (byLanguage.getOrDefault(l, "").isBlank()) {
                problems.add(new Problem(manifestName, key, "has no " + l + " text; " + c.id() + speaks + l));
            }
        }
    }
}
