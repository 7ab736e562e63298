package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/**
 * The operation clashes with the current state: a duplicate key, a stale version, or a rule such as
 * "a workspace keeps at least one lead". Retrying unchanged will fail again, except for
 * {@link Reason#STALE_VERSION}, where re-reading and re-applying may succeed.
 */
public final class ConflictException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    /** Why the operation conflicts. */
    public enum Reason {
        /** Another workspace of the tenant already uses this slug. */
        DUPLICATE_SLUG,
        /** Another workspace of the tenant already uses this external reference. */
        DUPLICATE_EXTERNAL_REF,
        /** Something with this key already exists (a membership, a team member, an id). */
        ALREADY_EXISTS,
        /** The thing changed since it was read: its version is not the one expected. */
        STALE_VERSION,
        /** The change would leave a workspace without a lead. */
        LAST_LEAD,
        /** The change would leave a tenant without a tenant admin. */
        LAST_TENANT_ADMIN,
        /** The operation does not fit the thing's current state. */
        INVALID_STATE
    }

    private final Reason reason;

    public ConflictException(Reason reason, String message) {
        super(requireNonNull(message, "message must not be null"));
        this.reason = requireNonNull(reason, "reason must not be null");
    }

    /** A stale-version conflict on the given thing. */
    public static ConflictException staleVersion(String resourceType, String id, long expected) {
        return new ConflictException(Reason.STALE_VERSION, resourceType + " '" + id
                + "' was changed by someone else (expected version " + expected + "); reload it and try again");
    }

    /** Why the operation conflicts. */
    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return "conflict";
    }
}
