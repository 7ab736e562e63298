package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/**
 * The thing existed but can no longer be used: an invitation that expired, was already accepted, or
 * was revoked. Distinct from {@link NotFoundException} so that a person can be told "ask for a new
 * invitation" rather than "this link is wrong".
 */
public final class GoneException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    /** Why the thing is gone. */
    public enum Reason { EXPIRED, ALREADY_USED, REVOKED }

    private final Reason reason;

    public GoneException(Reason reason, String message) {
        super(requireNonNull(message, "message must not be null"));
        this.reason = requireNonNull(reason, "reason must not be null");
    }

    /** Why the thing is gone. */
    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return "gone";
    }
}
