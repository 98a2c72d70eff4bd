package org.onecall.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

/** What a center file keeps of a PIN: only a salted, slow hash that still says yes to the right PIN. */
class PinHashTest {
    @Test
    void theRightPin_matches_andEveryOtherDoesNot() {
        PinHash h = PinHash.of("4321");

        assertThat(h.matches("4321")).isTrue();
        assertThat(h.matches("1234")).isFalse();
        assertThat(h.matches("43210")).isFalse();
        assertThat(h.matches("")).isFalse();
    }

    @Test
    void theSamePin_hashesDifferentlyEachTime_soEqualPinsDoNotShow() {
        PinHash a = PinHash.of("4321");
        PinHash b = PinHash.of("4321");

        assertThat(a.encoded()).isNotEqualTo(b.encoded());
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(b.matches("4321")).isTrue();
    }

    @Test
    void encoded_readsBack_andNamesTheSchemeAndTheWork() {
        PinHash h = PinHash.of("987654");

        assertThat(h.encoded()).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                .doesNotContain("987654");
        assertThat(PinHash.parse(h.encoded())).contains(h);
        assertThat(PinHash.parse(h.encoded()).orElseThrow().matches("987654")).isTrue();
    }

    @Test
    void aStandardPbkdf2Hash_atAnOlderIterationCount_stillVerifies() throws Exception {
        // Raising ITERATIONS later must not lock out administrators whose hashes were made before;
        // the hash is plain PBKDF2-HMAC-SHA256, so other tools can make and check it too.
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("4321".toCharArray(), salt, 200_000, 256)).getEncoded();
        String text = "pbkdf2-sha256$200000$" + Base64.getEncoder().withoutPadding().encodeToString(salt) + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(hash);

        PinHash older = PinHash.parse(text).orElseThrow();
        assertThat(older.matches("4321")).isTrue();
        assertThat(older.matches("4322")).isFalse();
        // The count is part of what is checked: the same salt and hash under another count do not match.
        assertThat(PinHash.parse(text.replace("$200000$", "$600000$")).orElseThrow().matches("4321")).isFalse();
    }

    @Test
    void notAPinHash_isEmpty() {
        assertThat(PinHash.parse("c6f5866f0bb46847d9af978557512f40267a7e3974e4450d17c8e0b53d11465d")).isEmpty();
        assertThat(PinHash.parse("4321")).isEmpty();
        assertThat(PinHash.parse("pbkdf2-sha256$600000$short$short")).isEmpty();
        assertThat(PinHash.parse("")).isEmpty();
    }

    @Test
    void theDecoy_acceptsNoPin() {
        assertThat(PinHash.DECOY.matches("4321")).isFalse();
        assertThat(PinHash.DECOY.matches("")).isFalse();
    }

    @Test
    void toString_keepsTheHashOutOfLogs() {
        PinHash h = PinHash.of("4321");

        assertThat(h.toString()).doesNotContain(h.encoded().split("\\$")[3]).contains("600000");
    }
}
