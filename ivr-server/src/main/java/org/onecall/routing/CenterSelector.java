package org.onecall.routing;

import java.util.List;
import java.util.Optional;

import org.onecall.config.Center;

/**
 * Picks the center a call belongs to. The AGI script path is the explicit choice of whoever wrote
 * the dialplan, so it wins; then the number dialed; then the dialplan extension.
 */
public final class CenterSelector {
    private CenterSelector() {
    }

    public static Optional<Center> select(List<Center> centers, String script, String dialed, String extension) {
        return first(centers, c -> c.allScripts().contains(script))
                .or(() -> first(centers, c -> !dialed.isEmpty() && c.allNumbers().contains(dialed)))
                .or(() -> first(centers, c -> !extension.isEmpty() && c.allNumbers().contains(extension)));
    }

    private static Optional<Center> first(List<Center> centers, java.util.function.Predicate<Center> p) {
        return centers.stream().filter(p).findFirst();
    }
}
