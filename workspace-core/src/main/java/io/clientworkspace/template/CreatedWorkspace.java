package io.clientworkspace.template;

import io.clientworkspace.workspace.Workspace;

import static java.util.Objects.requireNonNull;

/**
 * The answer of {@link TemplateService#createWorkspace}.
 *
 * @param workspace the workspace made for the external reference (now or by an earlier call)
 * @param created   {@code true} if this call made it; {@code false} if an earlier (or concurrent) call with the
 *                  same external reference and template did, and this one changed nothing
 */
public record CreatedWorkspace(Workspace workspace, boolean created) {

    public CreatedWorkspace {
        requireNonNull(workspace, "workspace must not be null");
    }
}
