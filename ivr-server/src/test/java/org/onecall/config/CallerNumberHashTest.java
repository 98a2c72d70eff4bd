package org.onecall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** A hashed caller number: recognisable again under one key, and not found by hashing every number. */
class CallerNumberHashTest {
    private final byte[] key = CallerNumberHash.newKey();

    @Test
    void oneNumber_underOneKey_hashesAlike_soARepeatCallerIsRecognisable() {
        assertThat(new CallerNumberHash(key).of("metro-311", "2125550123"))
                .isEqualTo(new CallerNumberHash(key.clone()).of("metro-311", "2125550123"))
                .matches("hmac:[0-9a-f]{20}")
                .doesNotContain("2125550123");
    }

    @Test
    void anotherNumber_anotherCenter_orAnotherKey_hashesApart() {
        CallerNumberHash h = new CallerNumberHash(key);
        String one = h.of("metro-311", "2125550123");

        assertThat(h.of("metro-311", "2125550124")).isNotEqualTo(one);
        assertThat(h.of("gyeonggi-120", "2125550123")).isNotEqualTo(one);
        assertThat(CallerNumberHash.ofThisProcess().of("metro-311", "2125550123")).isNotEqualTo(one);
    }

    @Test
    void withoutTheKey_hashingTheNumberDoesNotFindIt() throws Exception {
        // What anyone can compute for every number: the plain SHA-256 of what is hashed.
        byte[] plain = MessageDigest.getInstance("SHA-256")
                .digest("metro-311:2125550123".getBytes(StandardCharsets.UTF_8));

        assertThat(new CallerNumberHash(key).of("metro-311", "2125550123"))
                .doesNotContain(HexFormat.of().formatHex(plain).substring(0, 20));
    }

    @Test
    void aShortKey_isRefused_andTheKeyNeverShows() {
        assertThatThrownBy(() -> new CallerNumberHash(new byte[16])).hasMessageContaining("at least 32 bytes");
        assertThat(new CallerNumberHash(key).toString()).doesNotContain(HexFormat.of().formatHex(key));
    }
}
