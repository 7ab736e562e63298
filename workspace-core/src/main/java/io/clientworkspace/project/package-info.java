/**
 * Projects ({@code projects}): {@link io.clientworkspace.project.Project}s with health, owner and dates,
 * {@link io.clientworkspace.project.Milestone}s (optionally signed off by an approval), ordered
 * {@link io.clientworkspace.project.Task}s in {@link io.clientworkspace.project.TaskList}s (one of them the
 * workspace's onboarding checklist), {@link io.clientworkspace.project.StatusUpdate}s with acknowledgements, the
 * {@link io.clientworkspace.project.OnboardingFacts} (time-to-onboard) and the overdue sweep.
 *
 * <p>Visibility: projects, task lists, tasks and status updates are client-visible or internal
 * ({@link io.clientworkspace.activity.Visibility}); a milestone has its project's. The <em>effective</em>
 * visibility of an item is TEAM when it or any of its parents (project, list) is TEAM. Clients see only items whose
 * effective visibility is CLIENT, and every answer they get (records, pages, cursors, counts, progress, versions,
 * errors) is the same whether or not internal items exist: child changes never touch a parent's version, internal
 * status updates never move a project's health, task order keys are kept by the store and never shown.
 *
 * <p>Dates: due, start and target dates are calendar days ({@link java.time.LocalDate}, no zone). "Past due" means
 * {@code dueDate < today}, where today is the UTC date of the kit's clock.
 */
@NullMarked
package io.clientworkspace.project;

import org.jspecify.annotations.NullMarked;
