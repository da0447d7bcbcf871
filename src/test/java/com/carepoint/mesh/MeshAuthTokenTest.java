package com.carepoint.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Authorization token against known answers. The MESH API specification publishes no input/output pair (its
 * sample hash {@code 3cded68a...eced} comes without its key and password), so the answers were computed independently
 * with OpenSSL from the specification's formula — HMAC-SHA256 keyed with the shared key over
 * {@code mailbox_id:nonce:nonce_count:mailbox_password:timestamp}:
 *
 * <pre>
 * printf '%s' 'X26ABC1:2c001608-5f09-4840-9611-bea43e666a30:1:password:202401151030' | openssl dgst -sha256 -hmac 'TestKey'
 * SHA2-256(stdin)= eb6b6b455c8f00d455ad4f577b9c6259328e1eead8790db8c063a8a36ebbc75d
 * printf '%s' 'X26ABC1:2c001608-5f09-4840-9611-bea43e666a30:0:password:202401151030' | openssl dgst -sha256 -hmac 'TestKey'
 * SHA2-256(stdin)= 9c07d8fd315da685dc4747e93518f58707bda9f24231666a8148a31f3ee03f69
 * </pre>
 *
 * ({@code X26ABC1}, {@code password} and {@code TestKey} are the NHS MESH sandbox's test mailbox, password and shared
 * key; the nonce is the sandbox's documented example nonce.)
 */
class MeshAuthTokenTest {

    static final Instant AT = Instant.parse("2024-01-15T10:30:42Z");
    static final String NONCE = "2c001608-5f09-4840-9611-bea43e666a30";

    @Test
    void theTokenIsTheSchemeMailboxNonceCountTimestampAndTheHexHmac() {
        assertThat(MeshAuthToken.of("X26ABC1", "password", "TestKey", NONCE, 1, AT)).isEqualTo(
                "NHSMESH X26ABC1:2c001608-5f09-4840-9611-bea43e666a30:1:202401151030:"
                        + "eb6b6b455c8f00d455ad4f577b9c6259328e1eead8790db8c063a8a36ebbc75d");
        assertThat(MeshAuthToken.of("X26ABC1", "password", "TestKey", NONCE, 0, AT)).endsWith(
                ":0:202401151030:9c07d8fd315da685dc4747e93518f58707bda9f24231666a8148a31f3ee03f69");
    }

    @Test
    void theMailboxIsUpperCaseInTheHeaderAndInTheHash() {
        assertThat(MeshAuthToken.of("x26abc1", "password", "TestKey", NONCE, 1, AT))
                .isEqualTo(MeshAuthToken.of("X26ABC1", "password", "TestKey", NONCE, 1, AT));
    }

    @Test
    void theTimestampIsTheUtcMinuteWithoutSeconds() {
        String token = MeshAuthToken.of("X26ABC1", "password", "TestKey", NONCE, 0, Instant.parse("2024-12-31T23:59:59Z"));
        assertThat(token.split(":")[3]).isEqualTo("202412312359");
    }

    @Test
    void thePasswordIsOnlyInsideTheHash() {
        String token = MeshAuthToken.of("X26ABC1", "s3cret-pw", "TestKey", NONCE, 0, AT);
        assertThat(token).doesNotContain("s3cret-pw").startsWith("NHSMESH X26ABC1:");
        assertThat(token.substring("NHSMESH ".length()).split(":")).hasSize(5);
    }

    @Test
    void everyRequestGetsItsOwnToken() {
        assertThat(MeshAuthToken.forRequest("X26ABC1", "password", "TestKey", AT))
                .isNotEqualTo(MeshAuthToken.forRequest("X26ABC1", "password", "TestKey", AT));
    }

    @Test
    void aMailboxThatWouldShiftThePartsIsRefused() {
        assertThatThrownBy(() -> MeshAuthToken.of("X26 ABC1", "p", "k", NONCE, 0, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeshAuthToken.of("X26:ABC1", "p", "k", NONCE, 0, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
