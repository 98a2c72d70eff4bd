package org.onecall.routing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.onecall.config.Calendar;

/** Whether a desk is open at an instant, in its center's time zone (so DST needs no special case). */
public final class Hours {
    private Hours() {
    }

    public static boolean isOpen(Calendar calendar, Set<java.time.LocalDate> holidays, ZoneId zone, Instant now) {
        if (calendar.always()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        List<Calendar.Range> ranges = calendar.week().getOrDefault(local.getDayOfWeek(), List.of());
        return ranges.stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }
}
