package org.onecall.flow;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onecall.config.CallerNumberHash;
import org.onecall.config.Center;

/** How a center's record policy shapes a call record: the caller's number and the district. */
final class RecordPolicies {
    /** Digits kept by "truncated": the area code and exchange, enough for maps by district. */
    static final int TRUNCATED_DIGITS = 6;

    private RecordPolicies() {
    }

    static Optional<String> caller(Center center, String number, CallerNumberHash numbers) {
        String digits = number.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (center.records().callerNumber()) {
            case FULL -> number;
            case TRUNCATED -> digits.length() <= TRUNCATED_DIGITS ? digits
                    : digits.substring(0, TRUNCATED_DIGITS) + "*".repeat(digits.length() - TRUNCATED_DIGITS);
            // A repeat caller is recognisable without the number being kept.
            case HASHED -> numbers.of(center.id(), digits);
        });
    }

    /**
     * Where the call came from: the district whose ZIP code the caller entered, since the caller
     * said so; else the district with the longest prefix of the caller's number (2125 is more
     * precise than 212); else the city. Two districts listing the same code: the first by name.
     * The map has no order, so nothing here may depend on it.
     */
    static Optional<String> district(Map<String, List<String>> districts, String number, Optional<String> entered,
                                     Optional<String> city) {
        String digits = number.replaceAll("\\D", "");
        String national = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
        Optional<String> byEntry = entered.flatMap(zip -> districts.entrySet().stream()
                .filter(d -> d.getValue().contains(zip))
                .map(Map.Entry::getKey)
                .min(Comparator.naturalOrder()));
        if (byEntry.isPresent()) {
            return byEntry;
        }
        return districts.entrySet().stream()
                .flatMap(d -> d.getValue().stream().filter(code -> !national.isEmpty() && national.startsWith(code))
                        .map(code -> new Prefix(d.getKey(), code.length())))
                .min(Comparator.comparingInt(Prefix::length).reversed().thenComparing(Prefix::district))
                .map(Prefix::district)
                .or(() -> city);
    }

    private record Prefix(String district, int length) {
    }
}
