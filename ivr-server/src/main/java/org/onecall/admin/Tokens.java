package org.onecall.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.onecall.config.AdminToken;

/** Admin tokens: made at random, stored as their SHA-256, recognised without leaking timing. */
public final class Tokens {
    /** A prefix lets secret scanners and people recognise a OneCall token in a paste. */
    static final String PREFIX = "onecall_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new token: 256 random bits, URL-safe so it fits a header and a shell variable unquoted. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the tokens file stores for a token: its SHA-256 in lowercase hex. */
    public static String sha256(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    /** The line to add under {@code tokens:} in the tokens file. */
    public static String fileLine(String name, AdminToken.Role role, String token) {
        // The hash is quoted: unquoted, YAML would read a hash of digits and one 'e' as a number.
        return "  - {name: " + name + ", role: " + role.name().toLowerCase(java.util.Locale.ROOT) + ", sha256: \""
                + sha256(token) + "\"}";
    }

    /**
     * The token's holder, if it is one of these. Every stored hash is compared in full, whatever
     * matched before, so the time taken says nothing about how close a guess came.
     */
    static Optional<AdminToken> holder(String presented, List<AdminToken> tokens) {
        byte[] hash = digest(presented);
        AdminToken found = null;
        for (AdminToken t : tokens) {
            if (MessageDigest.isEqual(hash, t.hash()) && found == null) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
