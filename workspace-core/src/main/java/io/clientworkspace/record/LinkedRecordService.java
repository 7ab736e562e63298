package io.clientworkspace.record;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.LinkedRecordId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.DateBounds;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.LinkedRecordStore;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The host's records linked into workspaces: invoices, tickets, contracts, reports and maintenance windows.
 *
 * <p><b>Changes</b> ({@link #upsert}, {@link #delete}) need {@link Permission#MANAGE_RECORDS} (a team permission)
 * and an active workspace ({@link io.clientworkspace.ArchivedException} otherwise). An upsert is idempotent by
 * {@code (type, hostId)} within the workspace: the same content again stores nothing and publishes nothing; other
 * content raises the version by one. Two concurrent upserts of one new {@code (type, hostId)} end with one record.
 *
 * <p><b>Reads</b> need {@link Permission#VIEW_WORKSPACE}; a {@code TEAM} record also {@link Permission#VIEW_INTERNAL};
 * an invoice also {@link Permission#VIEW_BILLING}; other types lose their amount without {@code VIEW_BILLING}. A
 * record the actor may not see answers exactly like a missing one ({@link NotFoundException} "linked record"),
 * and pages and cursors hold only what the actor sees. A workspace the actor may not see is "not found".
 *
 * <p><b>Order</b> of {@link #list}: by type name ({@code CONTRACT, INVOICE, MAINTENANCE_WINDOW, REPORT, TICKET}),
 * then by host id (ascending, as strings), keyset-paged: stable whatever changes between pages.
 */
public final class LinkedRecordService {

    /** The longest host id, title. */
    public static final int MAX_HOST_ID = 200;
    /** The longest title. */
    public static final int MAX_TITLE = 200;
    /** The longest URL. */
    public static final int MAX_URL = 2_000;

    private static final String CURSOR_KIND = "record";
    private static final String RESOURCE = "linked record";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final LinkedRecordStore store;

    LinkedRecordService(Kernel kernel, WorkspaceAccess access, LinkedRecordStore store) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.store = requireNonNull(store, "store must not be null");
    }

    /**
     * Creates the record of {@code (type, hostId)} or brings it to exactly {@code content}. With
     * {@code expectedVersion}, the stored record must exist at that version (else {@link ConflictException}
     * {@code STALE_VERSION}, also when it does not exist). Bad content is a {@link ValidationException} with every
     * field error; nothing changes on any failure.
     *
     * <p>The answer shows only what the caller may read: without {@link Permission#VIEW_BILLING} its record has no
     * amount (also when the caller sent one, and for an invoice). A {@link Permission#MANAGE_RECORDS} holder
     * without {@link Permission#VIEW_INTERNAL} or {@code VIEW_BILLING} who pushes a team-only record or an invoice
     * still gets the record back, because its content is by definition exactly what the caller just sent (also in
     * the unchanged case), together with the id, version and timestamps it needs for its next conditional write;
     * the amount is the one part it is never shown. Reads ({@link #find}, {@link #list}) keep hiding such records
     * from it entirely.
     */
    public Upserted upsert(Actor actor, WorkspaceId workspaceId, NewLinkedRecord content,
                           OptionalLong expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(content, "content must not be null");
        requireNonNull(expectedVersion, "expectedVersion must not be null");
        NewLinkedRecord checked = validate(content);
        boolean outer = kernel.stores().unitOfWork().isActive();
        try {
            return kernel.write(changes -> upsert(actor, workspaceId, checked, expectedVersion, changes));
        } catch (ConflictException e) {
            // Two first upserts of one (type, hostId) raced and the other one inserted first: once more, now as an
            // update of the record it created (only when this call owns its unit of work, which is gone now).
            if (outer || e.reason() != ConflictException.Reason.ALREADY_EXISTS) {
                throw e;
            }
            return kernel.write(changes -> upsert(actor, workspaceId, checked, expectedVersion, changes));
        }
    }

    private Upserted upsert(Actor actor, WorkspaceId workspaceId, NewLinkedRecord content,
                            OptionalLong expectedVersion, Changes changes) {
        access.requireWritable(actor, workspaceId, Permission.MANAGE_RECORDS, "change linked records");
        AccessGrant grant = access.grant(actor, workspaceId);
        Optional<LinkedRecord> current = store.findForUpdate(actor.tenantId(), workspaceId, content.type(),
                content.hostId());
        if (expectedVersion.isPresent() && current.map(LinkedRecord::version).orElse(-1L) != expectedVersion.getAsLong()) {
            throw ConflictException.staleVersion(RESOURCE, content.type() + "/" + content.hostId(),
                    expectedVersion.getAsLong());
        }
        Instant now = changes.now();
        if (current.isEmpty()) {
            LinkedRecord created = store.insert(new LinkedRecord(LinkedRecordId.of(kernel.newId()), actor.tenantId(),
                    workspaceId, content.type(), content.hostId(), content.title(), content.status(), content.amount(),
                    content.issuedOn(), content.dueOn(), content.startsAt(), content.endsAt(), content.url(),
                    content.visibility(), now, now, 0));
            changes.publish(new RecordEvent.LinkedRecordCreated(created, actor, now));
            return new Upserted(shown(grant, created), true, true);
        }
        LinkedRecord before = current.get();
        if (before.content().equals(content)) {
            return new Upserted(shown(grant, before), false, false);
        }
        LinkedRecord changed = store.update(new LinkedRecord(before.id(), before.tenantId(), before.workspaceId(),
                content.type(), content.hostId(), content.title(), content.status(), content.amount(),
                content.issuedOn(), content.dueOn(), content.startsAt(), content.endsAt(), content.url(),
                content.visibility(), before.createdAt(), now, before.version()));
        changes.publish(new RecordEvent.LinkedRecordChanged(before, changed, actor, now));
        return new Upserted(shown(grant, changed), false, true);
    }

    /**
     * Checks, changing nothing, that the actor may change linked records in the workspace, with the answers
     * {@link #upsert} and {@link #delete} give a caller who may not: {@link io.clientworkspace.NotFoundException} for
     * a workspace it cannot see, {@link AccessDeniedException} without {@link Permission#MANAGE_RECORDS}. Lets an
     * adapter refuse a caller before it reads the caller's content (the write checks again, inside its unit of work).
     */
    public void requireMayChange(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        access.require(actor, workspaceId, Permission.MANAGE_RECORDS, "change linked records");
    }

    /** The record of {@code (type, hostId)} if the actor may see it (without its amount when it may not see money). */
    public Optional<LinkedRecord> find(Actor actor, WorkspaceId workspaceId, RecordType type, String hostId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(hostId, "hostId must not be null");
        access.visible(actor, workspaceId);
        AccessGrant grant = access.grant(actor, workspaceId);
        if (!validHostId(hostId)) {
            return Optional.empty();
        }
        return store.find(actor.tenantId(), workspaceId, type, hostId)
                .filter(r -> sees(grant, r))
                .map(r -> shown(grant, r));
    }

    /** Like {@link #find}, or {@link NotFoundException} "linked record" (also for a record the actor may not see). */
    public LinkedRecord get(Actor actor, WorkspaceId workspaceId, RecordType type, String hostId) {
        return find(actor, workspaceId, type, hostId)
                .orElseThrow(() -> new NotFoundException(RESOURCE, type + "/" + hostId));
    }

    /**
     * One page of the records the actor may see, of {@code type} when given, in the order of the class comment.
     * A cursor from another list is a {@link ValidationException} on {@code cursor}.
     */
    public Page<LinkedRecord> list(Actor actor, WorkspaceId workspaceId, Optional<RecordType> type, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(page, "page must not be null");
        Optional<LinkedRecordStore.Position> after = Cursors.decode(CURSOR_KIND, page.cursor()).map(LinkedRecordService::position);
        access.visible(actor, workspaceId);
        AccessGrant grant = access.grant(actor, workspaceId);
        boolean invoices = grant.allows(Permission.VIEW_BILLING);
        if (type.filter(t -> t == RecordType.INVOICE).isPresent() && !invoices) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<LinkedRecord> rows = store.list(actor.tenantId(), workspaceId, type,
                grant.allows(Permission.VIEW_INTERNAL), invoices, after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), r -> Cursors.encode(CURSOR_KIND, r.type().name() + ":" + r.hostId()))
                .map(r -> shown(grant, r));
    }

    /**
     * Unlinks the record of {@code (type, hostId)}; needs {@link Permission#MANAGE_RECORDS}. With
     * {@code expectedVersion} the record must be at that version ({@link ConflictException} {@code STALE_VERSION}).
     * A missing record is {@link NotFoundException} "linked record".
     */
    public void delete(Actor actor, WorkspaceId workspaceId, RecordType type, String hostId,
                       OptionalLong expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(hostId, "hostId must not be null");
        requireNonNull(expectedVersion, "expectedVersion must not be null");
        kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_RECORDS, "change linked records");
            LinkedRecord current = (validHostId(hostId)
                    ? store.findForUpdate(actor.tenantId(), workspaceId, type, hostId) : Optional.<LinkedRecord>empty())
                    .orElseThrow(() -> new NotFoundException(RESOURCE, type + "/" + hostId));
            if (expectedVersion.isPresent() && current.version() != expectedVersion.getAsLong()) {
                throw ConflictException.staleVersion(RESOURCE, type + "/" + hostId, expectedVersion.getAsLong());
            }
            store.delete(actor.tenantId(), workspaceId, type, hostId, current.version());
            changes.publish(new RecordEvent.LinkedRecordDeleted(current, actor, changes.now()));
            return null;
        });
    }

    /**
     * The workspace's alerts for the team (overdue invoices, open tickets; every visibility counted); needs
     * {@link Permission#VIEW_INTERNAL} and {@link Permission#VIEW_BILLING}, so a client (or a team member without
     * them) gets {@link AccessDeniedException}; a workspace the actor cannot see is "not found". "Today" is the UTC
     * date of the kit's clock.
     */
    public RecordAlerts alerts(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "see the linked records' alerts");
        if (actor.kind() != ActorKind.TEAM || !access.grant(actor, workspaceId).allows(Permission.VIEW_BILLING)) {
            throw new AccessDeniedException(actor, Permission.VIEW_BILLING.name(), "see the linked records' alerts");
        }
        return store.alertCounts(actor.tenantId(), workspaceId, LocalDate.ofInstant(kernel.now(), ZoneOffset.UTC));
    }

    private static boolean sees(AccessGrant grant, LinkedRecord record) {
        return (record.visibility() == Visibility.CLIENT || grant.allows(Permission.VIEW_INTERNAL))
                && (record.type() != RecordType.INVOICE || grant.allows(Permission.VIEW_BILLING));
    }

    private static LinkedRecord shown(AccessGrant grant, LinkedRecord record) {
        return grant.allows(Permission.VIEW_BILLING) ? record : record.withoutAmount();
    }

    private static LinkedRecordStore.Position position(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw invalidCursor();
        }
        try {
            RecordType type = RecordType.valueOf(key.substring(0, colon));
            String hostId = key.substring(colon + 1);
            if (!validHostId(hostId)) {
                throw invalidCursor();
            }
            return new LinkedRecordStore.Position(type, hostId);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    private static ValidationException invalidCursor() {
        return new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
    }

    private static boolean validHostId(String hostId) {
        return !hostId.isEmpty() && hostId.length() <= MAX_HOST_ID && hostId.chars().noneMatch(Character::isISOControl);
    }

    /** Checks the content, reporting every problem at once; returns it normalized (title trimmed, instants to µs). */
    static NewLinkedRecord validate(NewLinkedRecord c) {
        List<FieldError> errors = new ArrayList<>();
        if (!validHostId(c.hostId())) {
            errors.add(FieldError.of("hostId", "must be 1 to " + MAX_HOST_ID + " characters without control characters"));
        }
        String title = c.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.of("title", "must be 1 to " + MAX_TITLE + " characters without control characters"));
        }
        if (!c.type().allows(c.status())) {
            errors.add(FieldError.of("status", "must be one of " + String.join(", ", c.type().statuses())
                    + " for a " + c.type()));
        }
        if (c.amount().isPresent() && !c.type().amountAllowed()) {
            errors.add(FieldError.of("amount", "only invoices and contracts carry an amount"));
        }
        DateBounds.check(errors, "issuedOn", c.issuedOn());
        DateBounds.check(errors, "dueOn", c.dueOn());
        boolean startsOk = c.startsAt().map(s -> DateBounds.check(errors, "startsAt", s)).orElse(true);
        boolean endsOk = c.endsAt().map(e -> DateBounds.check(errors, "endsAt", e)).orElse(true);
        if (startsOk && endsOk && c.startsAt().isPresent() && c.endsAt().isPresent()
                && c.endsAt().get().isBefore(c.startsAt().get())) {
            errors.add(FieldError.of("endsAt", "must not be before startsAt"));
        }
        if (c.type() == RecordType.MAINTENANCE_WINDOW && c.startsAt().isEmpty()) {
            errors.add(FieldError.of("startsAt", "is needed for a maintenance window"));
        }
        c.url().ifPresent(url -> checkUrl(errors, url));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new NewLinkedRecord(c.type(), c.hostId(), title, c.status(), c.amount(), c.issuedOn(), c.dueOn(),
                c.startsAt().map(LinkedRecordService::micros), c.endsAt().map(LinkedRecordService::micros), c.url(),
                c.visibility());
    }

    private static void checkUrl(List<FieldError> errors, URI url) {
        String text = url.toString();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            errors.add(FieldError.of("url", "must be an absolute http or https URL"));
        } else if (text.length() > MAX_URL) {
            errors.add(FieldError.of("url", "must be at most " + MAX_URL + " characters"));
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
