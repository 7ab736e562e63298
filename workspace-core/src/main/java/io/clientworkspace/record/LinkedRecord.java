package io.clientworkspace.record;

import io.clientworkspace.LinkedRecordId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A record of the host linked into a workspace: an invoice, a ticket, a contract, a report or a maintenance window.
 * Identified within its workspace by {@code (type, hostId)}; {@link #id()} is the kit's own id for it.
 *
 * <p>The service guarantees for every stored record what {@link NewLinkedRecord} documents (status from the
 * type's set, amount only for types that {@linkplain RecordType#amountAllowed() allow} it, {@code endsAt >= startsAt},
 * an http(s) URL). Records handed to an actor without {@code VIEW_BILLING} carry no amount.
 *
 * @param id         the kit's id
 * @param tenantId   the tenant
 * @param workspaceId the workspace it is linked into
 * @param type       what kind of record
 * @param hostId     the host's id for it, unique per type within the workspace (1..200 characters)
 * @param title      a short title (1..200 characters)
 * @param status     one of {@link RecordType#statuses()}
 * @param amount     money, for invoices and contracts
 * @param issuedOn   the day it was issued (invoices, contracts, reports)
 * @param dueOn      the day it is due (invoices: payment due)
 * @param startsAt   when it starts (maintenance windows need it; contracts may have it)
 * @param endsAt     when it ends, not before {@code startsAt}
 * @param url        where the record lives in the host (http or https)
 * @param visibility {@code CLIENT} or {@code TEAM} (team-only records are never shown to clients)
 * @param createdAt  when it was first linked
 * @param updatedAt  when its content last changed
 * @param version    optimistic version: 0 when created, +1 on each change of content
 */
public record LinkedRecord(LinkedRecordId id, TenantId tenantId, WorkspaceId workspaceId, RecordType type,
                           String hostId, String title, String status, Optional<Money> amount,
                           Optional<LocalDate> issuedOn, Optional<LocalDate> dueOn, Optional<Instant> startsAt,
                           Optional<Instant> endsAt, Optional<URI> url, Visibility visibility, Instant createdAt,
                           Instant updatedAt, long version) {

    public LinkedRecord {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(hostId, "hostId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(amount, "amount must not be null");
        requireNonNull(issuedOn, "issuedOn must not be null");
        requireNonNull(dueOn, "dueOn must not be null");
        requireNonNull(startsAt, "startsAt must not be null");
        requireNonNull(endsAt, "endsAt must not be null");
        requireNonNull(url, "url must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /** Whether this is an unpaid invoice past its due day: type INVOICE, status OPEN and {@code dueOn < today}. */
    public boolean overdue(LocalDate today) {
        requireNonNull(today, "today must not be null");
        return type == RecordType.INVOICE && "OPEN".equals(status) && dueOn.filter(d -> d.isBefore(today)).isPresent();
    }

    /** Whether this is a ticket still being worked on: type TICKET, status OPEN or PENDING. */
    public boolean open() {
        return type == RecordType.TICKET && ("OPEN".equals(status) || "PENDING".equals(status));
    }

    /** The content as it would be pushed again: every field the host controls. */
    public NewLinkedRecord content() {
        return new NewLinkedRecord(type, hostId, title, status, amount, issuedOn, dueOn, startsAt, endsAt, url,
                visibility);
    }

    /** A copy without the amount (what an actor without {@code VIEW_BILLING} is shown). */
    public LinkedRecord withoutAmount() {
        return amount.isEmpty() ? this : new LinkedRecord(id, tenantId, workspaceId, type, hostId, title, status,
                Optional.empty(), issuedOn, dueOn, startsAt, endsAt, url, visibility, createdAt, updatedAt, version);
    }
}
