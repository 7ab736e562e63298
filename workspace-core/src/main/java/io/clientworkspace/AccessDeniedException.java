package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/**
 * The actor can see the thing but may not perform this operation on it. Thrown only where the
 * actor already knows the thing exists (otherwise the answer is {@link NotFoundException}).
 */
public final class AccessDeniedException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final String required;

    /**
     * @param actor    who tried
     * @param required the permission or role that was missing, e.g. {@code "MANAGE_MEMBERS"} or {@code "TENANT_ADMIN"}
     * @param action   what it tried to do, e.g. {@code "remove a member"}
     */
    public AccessDeniedException(Actor actor, String required, String action) {
        super(requireNonNull(actor, "actor must not be null") + " may not " + requireNonNull(action, "action must not be null")
                + ": requires " + requireNonNull(required, "required must not be null"));
        this.required = required;
    }

    /** The permission or role that was missing. */
    public String required() {
        return required;
    }

    @Override
    public String code() {
        return "access-denied";
    }
}
