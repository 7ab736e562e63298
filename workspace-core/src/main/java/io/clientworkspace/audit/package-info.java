/**
 * The operator's audit view ({@code audit}): {@link io.clientworkspace.audit.AuditService} lets tenant admins search
 * the activity of every workspace of the tenant by person, action, workspace and time, newest first and keyset-paged,
 * and export it as CSV with each entry's chain hash, streamed page by page.
 */
@NullMarked
package io.clientworkspace.audit;

import org.jspecify.annotations.NullMarked;
