package io.clientworkspace.checkpoint;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The Ed25519 keys of checkpoints: at most one signing key pair, and the public keys whose signatures
 * verification trusts (the signing key's own public key always among them, plus any earlier keys kept
 * after a rotation). Uses only the JDK ({@code KeyPairGenerator/KeyFactory/Signature "Ed25519"}).
 *
 * <p>Keep the private key out of the database that holds the activity log (a file readable only by the
 * application, a secret store): whoever holds it can sign a rewritten history.
 *
 * <p>Immutable and thread-safe.
 */
public final class CheckpointKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final int KEY_ID_BYTES = 16;

    private final @Nullable KeyPair signing;
    private final @Nullable String signingKeyId;
    private final Map<String, PublicKey> trusted;

    private CheckpointKeys(@Nullable KeyPair signing, Map<String, PublicKey> trusted) {
        this.signing = signing;
        this.signingKeyId = signing == null ? null : keyId(signing.getPublic());
        this.trusted = Map.copyOf(trusted);
    }

    /**
     * Keys that sign with {@code pair} and trust its public key.
     *
     * @throws IllegalArgumentException if the pair is not Ed25519 or its two halves do not belong together
     */
    public static CheckpointKeys of(KeyPair pair) {
        requireNonNull(pair, "pair must not be null");
        requireEd25519(pair.getPrivate(), "private key");
        requireEd25519(pair.getPublic(), "public key");
        byte[] probe = "cwk-checkpoint-key-check".getBytes(StandardCharsets.UTF_8);
        if (!verify(pair.getPublic(), probe, sign(pair.getPrivate(), probe))) {
            throw new IllegalArgumentException("The checkpoint public key does not belong to the private key");
        }
        Map<String, PublicKey> trusted = new LinkedHashMap<>();
        trusted.put(keyId(pair.getPublic()), pair.getPublic());
        return new CheckpointKeys(pair, trusted);
    }

    /**
     * Keys that sign with {@code privateKey}, its public key derived from it (an Ed25519 public key is a
     * function of the private key's 32-byte seed).
     *
     * @throws IllegalArgumentException if the key is not an Ed25519 private key with its seed available
     */
    public static CheckpointKeys of(PrivateKey privateKey) {
        requireNonNull(privateKey, "privateKey must not be null");
        requireEd25519(privateKey, "private key");
        return of(derivePair((EdECPrivateKey) privateKey));
    }

    /** A fresh random key pair: checkpoints it signs cannot be verified once the process is gone. */
    public static CheckpointKeys generate() {
        try {
            return of(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 15+ platform", e);
        }
    }

    /** Keys that only verify: they trust {@code publicKeys} and sign nothing. */
    public static CheckpointKeys verifyingOnly(PublicKey... publicKeys) {
        Map<String, PublicKey> trusted = new LinkedHashMap<>();
        for (PublicKey key : publicKeys) {
            requireNonNull(key, "publicKeys must not contain null");
            requireEd25519(key, "public key");
            trusted.put(keyId(key), key);
        }
        return new CheckpointKeys(null, trusted);
    }

    /** These keys, also trusting {@code publicKey} (an earlier signing key, say). */
    public CheckpointKeys trusting(PublicKey publicKey) {
        requireNonNull(publicKey, "publicKey must not be null");
        requireEd25519(publicKey, "public key");
        Map<String, PublicKey> more = new LinkedHashMap<>(trusted);
        more.put(keyId(publicKey), publicKey);
        return new CheckpointKeys(signing, more);
    }

    /** The id of the signing key, when these keys can sign. */
    public Optional<String> signingKeyId() {
        return Optional.ofNullable(signingKeyId);
    }

    /** The signing key's public key, when these keys can sign. */
    public Optional<PublicKey> signingPublicKey() {
        return Optional.ofNullable(signing).map(KeyPair::getPublic);
    }

    /** The ids of every trusted public key. */
    public Set<String> trustedKeyIds() {
        return trusted.keySet();
    }

    /** The trusted public key with this id. */
    public Optional<PublicKey> trustedKey(String keyId) {
        requireNonNull(keyId, "keyId must not be null");
        return Optional.ofNullable(trusted.get(keyId));
    }

    /**
     * Signs a chain head.
     *
     * @throws IllegalStateException if these keys only verify
     */
    public Checkpoint sign(TenantId tenantId, WorkspaceId workspaceId, long sequence, String headHash, long entryCount,
                           Instant signedAt) {
        if (signing == null || signingKeyId == null) {
            throw new IllegalStateException("These checkpoint keys have no private key and cannot sign");
        }
        Instant at = signedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] content = Checkpoint.signedContent(tenantId, workspaceId, sequence, headHash, entryCount, at, signingKeyId);
        String signature = Base64.getEncoder().encodeToString(sign(signing.getPrivate(), content));
        return new Checkpoint(tenantId, workspaceId, sequence, headHash, entryCount, at, signingKeyId, signature);
    }

    /** Whether the checkpoint's signature is valid for a trusted key, and which problem it has if not. */
    public SignatureStatus check(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint must not be null");
        PublicKey key = trusted.get(checkpoint.keyId());
        if (key == null) {
            return SignatureStatus.UNTRUSTED_KEY;
        }
        return verify(key, checkpoint.signedContent(), checkpoint.signatureBytes())
                ? SignatureStatus.VALID : SignatureStatus.INVALID;
    }

    /**
     * The id of a public key: the first 16 bytes of the SHA-256 of its X.509 SubjectPublicKeyInfo
     * encoding ({@link PublicKey#getEncoded()}), as 32 lower-case hex digits. Computable with
     * {@code openssl pkey -pubin -outform DER | sha256sum | cut -c1-32}.
     */
    public static String keyId(PublicKey publicKey) {
        requireNonNull(publicKey, "publicKey must not be null");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(Arrays.copyOf(digest, KEY_ID_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Reads an Ed25519 private key from an unencrypted PKCS#8 file's bytes, PEM
     * ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey -algorithm ed25519} writes it) or DER.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static PrivateKey readPrivateKey(byte[] pemOrDer) {
        requireNonNull(pemOrDer, "pemOrDer must not be null");
        byte[] der = der(pemOrDer, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an unencrypted PKCS#8 Ed25519 private key (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads an Ed25519 public key from an X.509 SubjectPublicKeyInfo file's bytes, PEM
     * ({@code -----BEGIN PUBLIC KEY-----}, as {@code openssl pkey -pubout} writes it) or DER.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static PublicKey readPublicKey(byte[] pemOrDer) {
        requireNonNull(pemOrDer, "pemOrDer must not be null");
        byte[] der = der(pemOrDer, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 SubjectPublicKeyInfo Ed25519 public key (" + e.getMessage() + ")", e);
        }
    }

    /** Encodes a public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), to hand to verifiers. */
    public static String toPem(PublicKey publicKey) {
        requireNonNull(publicKey, "publicKey must not be null");
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] der(byte[] pemOrDer, String label) {
        String text = new String(pemOrDer, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN")) {
            return pemOrDer.clone();
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("encrypted private keys are not supported; store the key unencrypted"
                    + " in a file only the application can read");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("PEM without a '" + begin + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block is not valid Base64", e);
        }
    }

    private static void requireEd25519(java.security.Key key, String what) {
        if (!(key instanceof EdECKey ed) || !ALGORITHM.equalsIgnoreCase(ed.getParams().getName())) {
            throw new IllegalArgumentException("The checkpoint " + what + " must be an Ed25519 key but is "
                    + key.getAlgorithm());
        }
    }

    /**
     * Derives the key pair of a private key through the JDK's own generator, fed the key's seed as its
     * randomness: the generator takes exactly the 32 seed bytes and computes the public key from them.
     * The derived private key is compared with the given one, so a generator that behaved otherwise
     * fails loudly instead of producing a wrong public key.
     */
    private static KeyPair derivePair(EdECPrivateKey privateKey) {
        byte[] seed = privateKey.getBytes().orElseThrow(() -> new IllegalArgumentException(
                "The checkpoint private key does not expose its seed; configure the public key as well"));
        SecureRandom fixed = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed.length) {
                    throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, fixed);
            KeyPair pair = generator.generateKeyPair();
            byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
            if (!Arrays.equals(derived, seed)) {
                throw new IllegalArgumentException("Could not derive the checkpoint public key from the private key;"
                        + " configure the public key as well");
            }
            return new KeyPair(pair.getPublic(), privateKey);
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException | IllegalStateException e) {
            throw new IllegalArgumentException("Could not derive the checkpoint public key from the private key ("
                    + e.getMessage() + "); configure the public key as well", e);
        }
    }

    private static byte[] sign(PrivateKey key, byte[] content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a checkpoint with Ed25519", e);
        }
    }

    private static boolean verify(PublicKey key, byte[] content, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "CheckpointKeys[signing=" + signingKeyId + ", trusted=" + trusted.keySet() + "]";
    }
}
