package org.onecall.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.onecall.flow.CallSummary;

/**
 * A call as it is stored: flat values, nulls where nothing applies, so the same record goes to
 * MariaDB and, as one JSON line, to the journal.
 *
 * <p>Every text is cut to its column, here where the record is made: MariaDB refuses a value
 * longer than its column, and a caller id, dialed number or unique id comes from an AGI header
 * line of up to 8 KB. A record read back from an older journal is cut the same way.
 */
public record CallRecord(String callId, String center, String city, String district, String dialed, String caller,
                         long startedMillis, long endedMillis, String language, String path, String topic,
                         String queue, String outcome, boolean interpreter, boolean priority, String entered,
                         Integer surveyScore, long menuMillis, Long waitMillis, List<String> inputs,
                         String announcements) {
    /** Column sizes in characters, as the migrations under db/migration declare them. */
    static final int CALL_ID = 64;
    static final int CENTER = 40;
    static final int CITY = 40;
    static final int DISTRICT = 40;
    static final int DIALED = 40;
    static final int CALLER = 80;
    static final int LANGUAGE = 8;
    static final int PATH = 2000;
    static final int TOPIC = 40;
    static final int QUEUE = 80;
    static final int OUTCOME = 24;
    static final int ENTERED = 40;
    static final int ANNOUNCEMENTS = 400;
    static final int INPUT_VALUE = 200;

    /** Hex digits of the hash that keeps a cut call id unique. */
    private static final int ID_HASH = 16;

    public CallRecord {
        callId = id(callId);
        center = cut(center, CENTER);
        city = cut(city, CITY);
        district = cut(district, DISTRICT);
        dialed = cut(dialed, DIALED);
        caller = cut(caller, CALLER);
        language = cut(language, LANGUAGE);
        path = cut(path, PATH);
        topic = cut(topic, TOPIC);
        queue = cut(queue, QUEUE);
        outcome = cut(outcome, OUTCOME);
        entered = cut(entered, ENTERED);
        announcements = cut(announcements, ANNOUNCEMENTS);
        inputs = List.copyOf(inputs).stream().map(v -> cut(v, INPUT_VALUE)).toList();
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

    /**
     * The call id is the key: cut plainly, two long ids that start alike would become one record.
     * A long id keeps its start, readable in a report next to the logs, and a hash of the whole.
     * An id that fits is kept as it is, so a record cut once comes back the same from the journal.
     */
    static String id(String callId) {
        if (callId == null || callId.codePointCount(0, callId.length()) <= CALL_ID) {
            return callId;
        }
        return cut(callId, CALL_ID - ID_HASH - 1) + "#" + sha256(callId).substring(0, ID_HASH);
    }

    /** At most {@code max} characters as MariaDB counts them (code points), never half a surrogate pair. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
