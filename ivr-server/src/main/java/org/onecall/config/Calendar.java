package org.onecall.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Opening hours in the center's time zone: always open, or open in ranges per day of the week
 * (holidays closed). A range may end at 24:00, written "00:00" as its end.
 */
public record Calendar(String name, boolean always, Map<DayOfWeek, List<Range>> week) {
    public Calendar {
        week = Map.copyOf(week);
    }

    /** Open from start (inclusive) to end (exclusive); end 00:00 means midnight at the day's end. */
    public record Range(LocalTime start, LocalTime end) {
        public boolean contains(LocalTime t) {
            return !t.isBefore(start) && (end.equals(LocalTime.MIDNIGHT) || t.isBefore(end));
        }
    }
}
