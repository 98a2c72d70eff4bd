package org.onecall.routing;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.onecall.config.Center;

/**
 * Picks the center a call belongs to, and which of its entries it came in on: the callers' or
 * the administrators'. The AGI script path is the explicit choice of whoever wrote the
 * dialplan, so it wins, as a script or as a number (the shipped dialplan passes the dialed
 * number as the script and runs AGI() from extension s, often with no agi_dnid); then the
 * number dialed; then the dialplan extension.
 */
public final class CenterSelector {
    private CenterSelector() {
    }

    /** The entry a call came in on. */
    public sealed interface Entry {
        Center center();

        /** The callers' menus (the 911 overflow entry included). */
        record Callers(Center center) implements Entry {
        }

        /** The administrators' phone entry (admin-entry in the center's file). */
        record Administrators(Center center) implements Entry {
        }
    }

    public static Optional<Entry> entry(List<Center> centers, String script, String dialed, String extension) {
        return by(centers, c -> c.allScripts().contains(script), adminScripts(script))
                .or(() -> script.isEmpty() ? Optional.empty() : byNumber(centers, script))
                .or(() -> dialed.isEmpty() ? Optional.empty() : byNumber(centers, dialed))
                .or(() -> extension.isEmpty() ? Optional.empty() : byNumber(centers, extension));
    }

    private static Optional<Entry> byNumber(List<Center> centers, String number) {
        return by(centers, c -> c.allNumbers().contains(number),
                c -> c.adminEntry().filter(a -> a.numbers().contains(number)).isPresent());
    }

    private static Predicate<Center> adminScripts(String script) {
        return c -> c.adminEntry().filter(a -> a.scripts().contains(script)).isPresent();
    }

    /** A script or number reaches one entry of one center (check-config makes sure). */
    private static Optional<Entry> by(List<Center> centers, Predicate<Center> callers, Predicate<Center> admins) {
        return centers.stream().filter(callers).findFirst().<Entry>map(Entry.Callers::new)
                .or(() -> centers.stream().filter(admins).findFirst().map(Entry.Administrators::new));
    }
}
