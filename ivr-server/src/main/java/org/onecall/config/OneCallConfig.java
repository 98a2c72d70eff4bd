package org.onecall.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One immutable snapshot of the whole configuration. A reload builds a new one; a call keeps
 * the snapshot it started with.
 */
public record OneCallConfig(Path directory, ServerSettings server, List<Center> centers, PromptManifest prompts) {
    public OneCallConfig {
        centers = List.copyOf(centers);
    }

    public Optional<Center> center(String id) {
        return centers.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
