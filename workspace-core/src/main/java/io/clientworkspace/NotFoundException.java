package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/**
 * The thing asked for does not exist, <em>or the actor may not see it</em>. The two cases are
 * deliberately indistinguishable so that ids cannot be probed across workspaces or tenants.
 */
public final class NotFoundException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final String resourceType;
    private final String resourceId;

    public NotFoundException(String resourceType, String resourceId) {
        super(requireNonNull(resourceType, "resourceType must not be null") + " '"
                + requireNonNull(resourceId, "resourceId must not be null") + "' not found");
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    /** What kind of thing was asked for, e.g. {@code "workspace"}. */
    public String resourceType() {
        return resourceType;
    }

    /** The id asked for, as given. */
    public String resourceId() {
        return resourceId;
    }

    @Override
    public String code() {
        return "not-found";
    }
}
