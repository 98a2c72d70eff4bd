package org.onecall.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onecall.config.Center;

/** How a center's record policy shapes a call record: the caller's number and the district. */
final class RecordPolicies {
    /** Digits kept by "truncated": the area code and exchange, enough for maps by district. */
    static final int TRUNCATED_DIGITS = 6;

    private RecordPolicies() {
    }

    static Optional<String> caller(Center center, String number) {
        String digits = number.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (center.records().callerNumber()) {
            case FULL -> number;
            case TRUNCATED -> digits.length() <= TRUNCATED_DIGITS ? digits
                    : digits.substring(0, TRUNCATED_DIGITS) + "*".repeat(digits.length() - TRUNCATED_DIGITS);
            // A repeat caller is recognisable without the number being kept.
            case HASHED -> "sha256:" + sha256(center.id() + ":" + digits).substring(0, 20);
        });
    }

    /** The district whose prefixes start the caller's number, or whose ZIP the caller entered; else the city. */
    static Optional<String> district(Center center, String number, Optional<String> entered, Optional<String> city) {
        String digits = number.replaceAll("\\D", "");
        String national = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
        for (Map.Entry<String, List<String>> d : center.records().districts().entrySet()) {
            for (String code : d.getValue()) {
                if (entered.filter(code::equals).isPresent() || !national.isEmpty() && national.startsWith(code)) {
                    return Optional.of(d.getKey());
                }
            }
        }
        return city;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
