package org.onecall.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.ex.ConfigurationException;

/** Reads a YAML file through Commons Configuration; a broken one is a problem that names the file. */
final class YamlFiles {
    private YamlFiles() {
    }

    static Optional<YAMLConfiguration> read(Path file, String name, List<Problem> problems) {
        try {
            return Optional.of(new FileBasedConfigurationBuilder<>(YAMLConfiguration.class)
                    .configure(new Parameters().fileBased().setFile(file.toFile())).getConfiguration());
        } catch (ConfigurationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(new Problem(name, "", "is not valid YAML: " + cause.getMessage().replace('\n', ' ')));
            return Optional.empty();
        }
    }
}
