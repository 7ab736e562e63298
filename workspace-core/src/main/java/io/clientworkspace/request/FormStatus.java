package io.clientworkspace.request;

/** Whether a form may still be assigned and used for new requests. */
public enum FormStatus {
    /** May be assigned and used. */
    ACTIVE,
    /** Kept for the answers given to it, but no longer assigned or used for new requests. */
    RETIRED
}
