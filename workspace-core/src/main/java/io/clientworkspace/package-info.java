/**
 * Client Workspace Kit: the entry point ({@link io.clientworkspace.WorkspaceKit}), who acts
 * ({@link io.clientworkspace.Actor}), typed ids, paging and the error hierarchy rooted at
 * {@link io.clientworkspace.WorkspaceException}.
 */
@NullMarked
package io.clientworkspace;

import org.jspecify.annotations.NullMarked;
