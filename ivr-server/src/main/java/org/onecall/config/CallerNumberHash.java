package org.onecall.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A caller's number as the "hashed" record policy keeps it, and as logs and the wrong-PIN
 * tallies name it: HMAC-SHA256 under a secret key, of "center:digits", cut to 20 hex digits.
 *
 * <p>Why keyed: there are only some billions of phone numbers, so a plain hash of one is reversed
 * by hashing them all, in minutes. Without the key nobody can try numbers against the hashes; with
 * it, the same number of one center still hashes alike, so a repeat caller is recognisable. The
 * key is made once per database and kept there, so every server of a center hashes alike.
 */
public final class CallerNumberHash {
    /** The key's length in bytes: as long as the HMAC's output, per RFC 2104. */
    public static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CallerNumberHash(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a caller-number key is at least " + KEY_BYTES + " bytes, got "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** A fresh random key, for a key store to keep. */
    public static byte[] newKey() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** With a key of this process only: for a server without a database, whose hashes go only to its logs. */
    public static CallerNumberHash ofThisProcess() {
        return new CallerNumberHash(newKey());
    }

    /** The number's digits, hashed for this center. */
    public String of(String center, String digits) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] h = mac.doFinal((center + ":" + digits).getBytes(StandardCharsets.UTF_8));
            return "hmac:" + HexFormat.of().formatHex(h).substring(0, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "CallerNumberHash[key=****]";
    }
}
