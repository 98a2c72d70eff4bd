package org.onecall.store;

import java.util.List;

import org.onecall.flow.CallSummary;

/**
 * A call as it is stored: flat values, nulls where nothing applies, so the same record goes to
 * MariaDB and, as one JSON line, to the journal.
 */
public record CallRecord(String callId, String center, String city, String district, String dialed, String caller,
                         long startedMillis, long endedMillis, String language, String path, String topic,
                         String queue, String outcome, boolean interpreter, boolean priority, String entered,
                         Integer surveyScore, long menuMillis, Long waitMillis, List<String> inputs,
                         String announcements) {
    public CallRecord {
        inputs = List.copyOf(inputs);
    }

    public static CallRecord of(CallSummary s) {
        return new CallRecord(s.callId(), s.center(), s.city().orElse(null), s.district().orElse(null), s.dialed(),
                s.caller().orElse(null), s.started().toEpochMilli(), s.ended().toEpochMilli(), s.language(),
                String.join(">", s.path()), s.topic().orElse(null), s.queue().orElse(null), s.outcome().name(),
                s.interpreter(), s.priority(), s.entered().orElse(null),
                s.surveyScore().isPresent() ? s.surveyScore().getAsInt() : null,
                s.menuTime().toMillis(), s.waitTime().map(java.time.Duration::toMillis).orElse(null), s.inputs(),
                s.announcements().isEmpty() ? null : String.join(",", s.announcements()));
    }
}
