/**
 * Linked records ({@code records}): records the host pushes into a workspace — invoices, tickets, contracts,
 * reports, maintenance windows — each identified within its workspace by {@code (type, hostId)}, versioned, with
 * its status from a fixed set per {@link io.clientworkspace.record.RecordType}, optional money
 * ({@link io.clientworkspace.record.Money}, invoices and contracts only), dates and a link back into the host.
 *
 * <p>Who sees what: every record needs {@code VIEW_WORKSPACE}; a record with {@code TEAM} visibility also needs
 * {@code VIEW_INTERNAL}; an {@link io.clientworkspace.record.RecordType#INVOICE invoice} also needs
 * {@code VIEW_BILLING}; for the other types the {@code amount} is emptied for actors without {@code VIEW_BILLING}.
 * A record an actor may not see answers exactly like one that does not exist, and pages and counts hold only what
 * the actor sees. Changes ({@link io.clientworkspace.record.LinkedRecordService#upsert upsert},
 * {@link io.clientworkspace.record.LinkedRecordService#delete delete}) need the team permission
 * {@code MANAGE_RECORDS}.
 */
@NullMarked
package io.clientworkspace.record;

import org.jspecify.annotations.NullMarked;
