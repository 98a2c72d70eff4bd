package org.onecall.config;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who may use the admin HTTP API: a named token, stored as the SHA-256 of the token (hex) so that
 * the file grants nothing to whoever reads it.
 *
 * @param name   who holds it; changes are recorded under this name
 * @param role   what it may do
 * @param sha256 the SHA-256 of the token, 64 lowercase hex digits
 */
public record AdminToken(String name, Role role, String sha256) {
    /** Names go into YAML, the audit and log lines unquoted: letters, digits, '.', '_' and '-'. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public enum Role {
        /** Lists announcements and reads the audit. */
        VIEW,
        /** Also arms, activates and deactivates them. */
        SWITCH;

        public boolean allows(Role needed) {
            return switch (needed) {
                case VIEW -> true;
                case SWITCH -> this == SWITCH;
            };
        }
    }

    public AdminToken {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a token name (letters, digits, . _ -)");
        }
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("'" + sha256 + "' is not 64 lowercase hex digits");
        }
    }

    /** The bytes of the hash, for a constant-time comparison. */
    public byte[] hash() {
        return HexFormat.of().parseHex(sha256);
    }
}
