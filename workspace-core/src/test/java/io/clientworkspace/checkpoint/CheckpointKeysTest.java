package io.clientworkspace.checkpoint;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointKeysTest {

    private static final TenantId TENANT = TenantId.of("t-1");
    private static final WorkspaceId WORKSPACE = WorkspaceId.of("w-1");
    private static final String HASH = "ab".repeat(32);
    private static final Instant AT = Instant.parse("2026-12-06T08:00:00.123456Z");

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static byte[] pem(String label, byte[] der) {
        return ("-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aCheckpointVerifiesWithThePlainJdkFromTheDocumentedLines() throws Exception {
        KeyPair pair = ed25519();
        Checkpoint c = CheckpointKeys.of(pair).sign(TENANT, WORKSPACE, 42, HASH, 42, AT);
        String lines = "cwk-checkpoint-v1\ntenant=t-1\nworkspace=w-1\nsequence=42\nhead=" + HASH
                + "\nentries=42\nsigned-at=2026-12-06T08:00:00Z\nkey=" + c.keyId() + "\n";

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(lines.getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(Base64.getDecoder().decode(c.signature()))).isTrue();
        assertThat(c.signedContent()).isEqualTo(lines.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSigningTimeIsKeptToTheSecond() throws Exception {
        Checkpoint c = CheckpointKeys.of(ed25519()).sign(TENANT, WORKSPACE, 1, HASH, 1, AT);

        assertThat(c.signedAt()).isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
    }

    @Test
    void theKeyIdIsTheTruncatedSha256OfThePublicKeyEncoding() throws Exception {
        KeyPair pair = ed25519();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());

        assertThat(CheckpointKeys.keyId(pair.getPublic()))
                .hasSize(32)
                .isEqualTo(java.util.HexFormat.of().formatHex(digest, 0, 16));
    }

    @Test
    void aPkcs8PemPrivateKeyIsReadAndItsPublicKeyDerived() throws Exception {
        KeyPair pair = ed25519();

        CheckpointKeys keys = CheckpointKeys.of(CheckpointKeys.readPrivateKey(pem("PRIVATE KEY", pair.getPrivate().getEncoded())));

        assertThat(keys.signingPublicKey().orElseThrow().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(keys.signingKeyId()).hasValue(CheckpointKeys.keyId(pair.getPublic()));
    }

    @Test
    void aDerPrivateKeyAndAPemPublicKeyAreRead() throws Exception {
        KeyPair pair = ed25519();

        KeyPair read = new KeyPair(CheckpointKeys.readPublicKey(CheckpointKeys.toPem(pair.getPublic())
                .getBytes(StandardCharsets.US_ASCII)), CheckpointKeys.readPrivateKey(pair.getPrivate().getEncoded()));

        assertThat(CheckpointKeys.of(read).signingKeyId()).hasValue(CheckpointKeys.keyId(pair.getPublic()));
    }

    @Test
    void anRsaPrivateKeyIsRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        byte[] pem = pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> CheckpointKeys.readPrivateKey(pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8 Ed25519");
    }

    @Test
    void somethingThatIsNoKeyIsRefused() {
        assertThatThrownBy(() -> CheckpointKeys.readPrivateKey("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8 Ed25519");
    }

    @Test
    void anEncryptedPrivateKeyIsRefusedWithAnExplanation() {
        byte[] pem = pem("ENCRYPTED PRIVATE KEY", new byte[]{1, 2, 3});

        assertThatThrownBy(() -> CheckpointKeys.readPrivateKey(pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    void aPairWhoseHalvesDoNotBelongTogetherIsRefused() throws Exception {
        KeyPair mixed = new KeyPair(ed25519().getPublic(), ed25519().getPrivate());

        assertThatThrownBy(() -> CheckpointKeys.of(mixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void verifyingOnlyKeysTrustButCannotSign() throws Exception {
        KeyPair pair = ed25519();
        Checkpoint c = CheckpointKeys.of(pair).sign(TENANT, WORKSPACE, 1, HASH, 1, AT);
        CheckpointKeys verifying = CheckpointKeys.verifyingOnly(pair.getPublic());

        assertThat(verifying.check(c)).isEqualTo(SignatureStatus.VALID);
        assertThat(verifying.signingKeyId()).isEmpty();
        assertThatThrownBy(() -> verifying.sign(TENANT, WORKSPACE, 1, HASH, 1, AT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEarlierKeyStaysTrustedAfterARotation() throws Exception {
        KeyPair old = ed25519();
        Checkpoint c = CheckpointKeys.of(old).sign(TENANT, WORKSPACE, 1, HASH, 1, AT);

        CheckpointKeys rotated = CheckpointKeys.of(ed25519()).trusting(old.getPublic());

        assertThat(rotated.check(c)).isEqualTo(SignatureStatus.VALID);
        assertThat(rotated.trustedKeyIds()).hasSize(2);
    }

    @Test
    void aSignatureThatIsNotBase64IsInvalid() throws Exception {
        CheckpointKeys keys = CheckpointKeys.of(ed25519());
        Checkpoint c = keys.sign(TENANT, WORKSPACE, 1, HASH, 1, AT);
        Checkpoint garbled = new Checkpoint(c.tenantId(), c.workspaceId(), 1, HASH, 1, c.signedAt(), c.keyId(), "%%%");

        assertThat(keys.check(garbled)).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void theLogLineCarriesEverySignedFieldAndTheSignature() throws Exception {
        Checkpoint c = CheckpointKeys.of(ed25519()).sign(TENANT, WORKSPACE, 7, HASH, 7, AT);

        assertThat(LoggingCheckpointSink.line(c)).isEqualTo("checkpoint v1 tenant=t-1 workspace=w-1 sequence=7 head="
                + HASH + " entries=7 signed-at=2026-12-06T08:00:00Z key=" + c.keyId() + " signature=" + c.signature());
    }
}
