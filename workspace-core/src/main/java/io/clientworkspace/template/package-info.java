/**
 * Workspace templates ({@code templates}): a tenant's versioned {@link io.clientworkspace.template.WorkspaceTemplate}s
 * (folders, projects with milestones and task lists, form assignments, a welcome message, the default team and lead,
 * an onboarding checklist, every date an offset from the start date) and
 * {@link io.clientworkspace.template.TemplateService#createWorkspace}, which makes a whole workspace from one in one
 * unit of work, idempotent by the host's external reference, and remembers its
 * {@link io.clientworkspace.template.WorkspaceOrigin}.
 */
@NullMarked
package io.clientworkspace.template;

import org.jspecify.annotations.NullMarked;
