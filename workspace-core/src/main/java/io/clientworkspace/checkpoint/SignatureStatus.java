package io.clientworkspace.checkpoint;

/** What a checkpoint's signature proves. */
public enum SignatureStatus {
    /** Valid for a trusted public key: the checkpoint was signed by that key and not changed since. */
    VALID,
    /** Signed with a key id that no trusted public key has: proves nothing. */
    UNTRUSTED_KEY,
    /** The signature does not match the fields under the named trusted key: forged or altered. */
    INVALID
}
