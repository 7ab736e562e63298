/**
 * The operator dashboard ({@code dashboard}, {@code kit.dashboard()}): one {@link io.clientworkspace.dashboard.WorkspaceSummary}
 * per workspace, a read model kept in the same unit of work as every change (a
 * {@link io.clientworkspace.internal.Projection}), read a page at a time with filters, sorts and keyset cursors at a
 * constant number of store calls whatever the number of workspaces, and rebuilt from the source stores on demand.
 *
 * <p>Summaries hold team facts (their counts include internal items); only team actors ever see them: tenant admins
 * every workspace of the tenant, other team users the workspaces where a team membership grants
 * {@link io.clientworkspace.member.Permission#VIEW_DASHBOARD}. Clients are refused.
 */
@NullMarked
package io.clientworkspace.dashboard;

import org.jspecify.annotations.NullMarked;
