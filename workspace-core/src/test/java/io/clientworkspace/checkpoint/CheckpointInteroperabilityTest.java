package io.clientworkspace.checkpoint;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints and OpenSSL 3 agree: the kit reads OpenSSL's key files, derives the same public key and key
 * id, and signs exactly the bytes OpenSSL signed from the documented lines (Ed25519 is deterministic, so
 * the signatures are equal). See {@code src/test/resources/checkpoint/README.txt} for the commands.
 */
class CheckpointInteroperabilityTest {

    private static final String HEAD = "ab".repeat(32);
    private static final Instant SIGNED_AT = Instant.parse("2026-12-06T08:00:00Z");

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CheckpointInteroperabilityTest.class.getResourceAsStream("/checkpoint/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.US_ASCII).trim();
    }

    @Test
    void theKeyIdAndPublicKeyDerivedFromAnOpensslPrivateKeyAreOpenssls() throws Exception {
        CheckpointKeys keys = CheckpointKeys.of(CheckpointKeys.readPrivateKey(resource("openssl-ed25519.pem")));

        assertThat(keys.signingPublicKey().orElseThrow().getEncoded())
                .isEqualTo(CheckpointKeys.readPublicKey(resource("openssl-ed25519.pub.pem")).getEncoded());
        assertThat(keys.signingKeyId()).hasValue(text("openssl-ed25519.keyid"));
    }

    @Test
    void theKitSignsExactlyWhatOpensslSignsFromTheDocumentedLines() throws Exception {
        CheckpointKeys keys = CheckpointKeys.of(CheckpointKeys.readPrivateKey(resource("openssl-ed25519.pem")));

        Checkpoint c = keys.sign(TenantId.of("t-1"), WorkspaceId.of("w-1"), 42, HEAD, 42, SIGNED_AT);

        assertThat(c.signature()).isEqualTo(text("openssl-signature.b64"));
    }

    @Test
    void aCheckpointSignedByOpensslVerifiesWithItsPublicKey() throws Exception {
        CheckpointKeys trusted = CheckpointKeys.verifyingOnly(CheckpointKeys.readPublicKey(resource("openssl-ed25519.pub.pem")));
        Checkpoint c = new Checkpoint(TenantId.of("t-1"), WorkspaceId.of("w-1"), 42, HEAD, 42, SIGNED_AT,
                text("openssl-ed25519.keyid"), text("openssl-signature.b64"));

        assertThat(trusted.check(c)).isEqualTo(SignatureStatus.VALID);
    }
}
