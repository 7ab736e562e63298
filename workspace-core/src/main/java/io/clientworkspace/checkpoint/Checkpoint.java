package io.clientworkspace.checkpoint;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * A signed statement "at {@code signedAt}, the activity chain of this workspace had {@code entryCount}
 * entries and ended at entry {@code sequence} with hash {@code headHash}".
 *
 * <h2>What is signed (format version 1)</h2>
 * The signature is a plain Ed25519 signature (RFC 8032, no pre-hashing, no context) over the UTF-8
 * bytes of these eight lines, each ended by a line feed ({@code \n}, 0x0A), nothing else:
 * <pre>
 * cwk-checkpoint-v1
 * tenant=&lt;tenant id&gt;
 * workspace=&lt;workspace id&gt;
 * sequence=&lt;head sequence, decimal&gt;
 * head=&lt;head hash, 64 lower-case hex digits&gt;
 * entries=&lt;entry count, decimal&gt;
 * signed-at=&lt;ISO-8601 UTC instant to the second, e.g. 2026-12-06T08:00:00Z&gt;
 * key=&lt;key id&gt;
 * </pre>
 * Ids never contain control characters, so the lines are unambiguous. The key id is the first 16 bytes
 * of the SHA-256 of the public key's X.509 SubjectPublicKeyInfo encoding, in lower-case hex
 * ({@link CheckpointKeys#keyId}); the signature travels as standard Base64 with padding. A third party
 * rebuilds the lines from the fields (as the log line of {@link LoggingCheckpointSink} prints them)
 * and checks the signature with any Ed25519 library and the public key.
 *
 * @param tenantId    the workspace's tenant
 * @param workspaceId the workspace
 * @param sequence    the sequence of the chain's head entry (at least 1)
 * @param headHash    that entry's hash, lower-case hex SHA-256
 * @param entryCount  how many entries the chain held (equal to {@code sequence} in an intact chain)
 * @param signedAt    when the checkpoint was signed, whole seconds
 * @param keyId       which key signed, see {@link CheckpointKeys#keyId}
 * @param signature   the Ed25519 signature over {@link #signedContent()}, standard Base64
 */
public record Checkpoint(TenantId tenantId, WorkspaceId workspaceId, long sequence, String headHash, long entryCount,
                         Instant signedAt, String keyId, String signature) {

    /** The first line of the signed content: names the format and its version. */
    public static final String FORMAT = "cwk-checkpoint-v1";

    public Checkpoint {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1 but was " + sequence);
        }
        requireNonNull(headHash, "headHash must not be null");
        if (headHash.length() != 64 || !headHash.chars().allMatch(c -> HexFormat.isHexDigit(c) && !Character.isUpperCase(c))) {
            throw new IllegalArgumentException("headHash must be 64 lower-case hex digits");
        }
        if (entryCount < 1) {
            throw new IllegalArgumentException("entryCount must be at least 1 but was " + entryCount);
        }
        requireNonNull(signedAt, "signedAt must not be null");
        if (!signedAt.truncatedTo(ChronoUnit.SECONDS).equals(signedAt)) {
            throw new IllegalArgumentException("signedAt must be whole seconds");
        }
        requireNonNull(keyId, "keyId must not be null");
        if (keyId.isEmpty() || keyId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("keyId must be non-empty without control characters");
        }
        requireNonNull(signature, "signature must not be null");
    }

    /** The exact bytes the signature covers (format version 1, see the class documentation). */
    public byte[] signedContent() {
        return signedContent(tenantId, workspaceId, sequence, headHash, entryCount, signedAt, keyId);
    }

    /** The signature's bytes, or an empty array when it is not valid Base64 (which no key verifies). */
    public byte[] signatureBytes() {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static byte[] signedContent(TenantId tenantId, WorkspaceId workspaceId, long sequence, String headHash,
                                long entryCount, Instant signedAt, String keyId) {
        String text = FORMAT + "\n"
                + "tenant=" + tenantId.value() + "\n"
                + "workspace=" + workspaceId.value() + "\n"
                + "sequence=" + sequence + "\n"
                + "head=" + headHash + "\n"
                + "entries=" + entryCount + "\n"
                + "signed-at=" + DateTimeFormatter.ISO_INSTANT.format(signedAt) + "\n"
                + "key=" + keyId + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
