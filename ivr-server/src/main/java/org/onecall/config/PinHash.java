package org.onecall.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What a center file keeps of an administrator's PIN: a salted, slow PBKDF2-HMAC-SHA256 hash,
 * written {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in unpadded base64).
 *
 * <p>Why slow: a PIN is a few digits, so a fast hash (SHA-256) of one is reversed by trying every
 * PIN in well under a second by anyone who reads the file or a backup of it. Each try of this one
 * costs {@link #ITERATIONS} rounds (about 0.2 s here), and the random salt makes every hash a
 * separate search. It slows a thief down; it does not make a 4-digit PIN strong, which is why the
 * phone entry also locks ids and numbers out after a few wrong tries.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash) {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. New hashes use it; older counts still verify. */
    public static final int ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 100_000;
    /** Beyond this a check takes seconds: a typo, not a choice, and it would stall the phone entry. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final Pattern FORMAT = Pattern.compile(
            Pattern.quote(SCHEME) + "\\$([0-9]{1,9})\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Compared against when the id keyed in is nobody's, so that a wrong id takes as long as a
     * wrong PIN and the time of the answer does not tell which ids exist.
     */
    public static final PinHash DECOY = decoy(ITERATIONS);

    public PinHash {
        if (iterations < 1 || salt.length != SALT_BYTES || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("a PIN hash has iterations >= 1, a " + SALT_BYTES + "-byte salt and a "
                    + HASH_BYTES + "-byte hash");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** A hash no PIN matches, costing as much to check as a real one of that many iterations. */
    public static PinHash decoy(int iterations) {
        return new PinHash(iterations, random(SALT_BYTES), random(HASH_BYTES));
    }

    /** A new hash of this PIN under a fresh random salt: what {@code ./onecall pin-hash} prints. */
    public static PinHash of(String pin) {
        byte[] salt = random(SALT_BYTES);
        return new PinHash(ITERATIONS, salt, derive(pin, salt, ITERATIONS));
    }

    /** The hash written in a center file, or empty if it is not in the format above. */
    public static Optional<PinHash> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return Optional.of(new PinHash(Integer.parseInt(m.group(1)), b64.decode(m.group(2)), b64.decode(m.group(3))));
    }

    /** Whether this is the PIN; compared in constant time, so timing tells nothing of the hash. */
    public boolean matches(String pin) {
        return MessageDigest.isEqual(derive(pin, salt, iterations), hash);
    }

    /** The text for the center file. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        // Not even the hash goes into logs: it is the thing a PIN thief needs.
        return "PinHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
