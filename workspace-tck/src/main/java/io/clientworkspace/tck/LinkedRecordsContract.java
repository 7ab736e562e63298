package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import java.util.Set;
import java.util.EnumSet;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.LinkedRecordService;
import io.clientworkspace.record.Money;
import io.clientworkspace.record.NewLinkedRecord;
import io.clientworkspace.record.RecordAlerts;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.record.Upserted;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Linked records through {@link WorkspaceKit#records()} on the stores under test: idempotent, versioned upserts by
 * {@code (type, hostId)} (same content: nothing; changed: version + 1; stale: conflict; concurrent first upserts: one
 * record), every bad field at once, who may change (team with MANAGE_RECORDS, active workspaces), who sees what
 * (invoices only with VIEW_BILLING, amounts hidden without it, team-only records never for clients, answered like
 * missing ones), keyset pages, deletion, alerts, the activity (invoices team-only) and non-interference: a client's
 * pages and errors are the same whether or not team-only records and invoices exist. Extend it and implement
 * {@link #createStores()}.
 */
public abstract class LinkedRecordsContract extends StoreContractSupport {

    private static final Instant NOW = Instant.parse("2031-05-05T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2031, 5, 5);

    private final AtomicLong kits = new AtomicLong();
    private WorkspaceKit kit;
    private TenantId tenant;
    private Actor lead;
    private Actor clientAdmin;
    private Actor contributor;
    private Actor outsider;
    private Workspace ws;

    @BeforeEach
    final void buildWorld() {
        kit = kit();
        String prefix = data.unique("r");
        tenant = kit.tenants().create("Agency " + prefix, UserId.of("lead" + prefix)).id();
        lead = Actor.team(tenant, "lead" + prefix);
        ws = kit.workspaces().create(lead, NewWorkspace.of("Acme", "acme"));
        clientAdmin = Actor.client(tenant, "carol" + prefix);
        contributor = Actor.client(tenant, "dave" + prefix);
        outsider = Actor.client(tenant, "eve" + prefix);
        kit.members().add(lead, ws.id(), clientAdmin.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(lead, ws.id(), contributor.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    private WorkspaceKit kit() {
        long kitNumber = kits.incrementAndGet();
        AtomicLong ids = new AtomicLong();
        return WorkspaceKit.builder().stores(stores()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).cacheTicker(() -> 0L)
                .idGenerator(() -> String.format("rec%06d%09d", kitNumber, ids.incrementAndGet()))
                .userDirectory((t, u) -> true).build();
    }

    private LinkedRecordService records() {
        return kit.records();
    }

    private static NewLinkedRecord ticket(String hostId, String status) {
        return NewLinkedRecord.builder(RecordType.TICKET, hostId, "Ticket " + hostId, status).build();
    }

    private static NewLinkedRecord invoice(String hostId, String status, LocalDate due) {
        return NewLinkedRecord.builder(RecordType.INVOICE, hostId, "Invoice " + hostId, status)
                .amount(Money.of("1250.00", "EUR")).issuedOn(due.minusDays(30)).dueOn(due)
                .url(URI.create("https://crm.example.com/invoices/" + hostId)).build();
    }

    private Upserted push(NewLinkedRecord content) {
        return records().upsert(lead, ws.id(), content, OptionalLong.empty());
    }

    private List<ActivityEntry> activity(Actor actor) {
        return kit.activity().feed(actor, ws.id(), PageRequest.first(500)).items();
    }

    @Test
    void theTeamLinksARecordAtVersionZero() {
        Upserted created = push(invoice("INV-1", "OPEN", TODAY.plusDays(10)));

        assertThat(created.created()).isTrue();
        assertThat(created.changed()).isTrue();
        assertThat(created.record().version()).isZero();
        assertThat(created.record().createdAt()).isEqualTo(NOW);
        assertThat(records().get(lead, ws.id(), RecordType.INVOICE, "INV-1")).isEqualTo(created.record());
    }

    @Test
    void theSameContentAgainStoresAndRecordsNothing() {
        push(ticket("T-1", "OPEN"));
        int entries = activity(lead).size();

        Upserted again = push(ticket("T-1", "OPEN"));

        assertThat(again.created()).isFalse();
        assertThat(again.changed()).isFalse();
        assertThat(again.record().version()).isZero();
        assertThat(activity(lead)).hasSize(entries);
    }

    @Test
    void changedContentRaisesTheVersionByOneAndIsRecorded() {
        push(ticket("T-1", "OPEN"));

        Upserted changed = push(ticket("T-1", "RESOLVED"));

        assertThat(changed.created()).isFalse();
        assertThat(changed.changed()).isTrue();
        assertThat(changed.record().version()).isEqualTo(1);
        assertThat(activity(lead)).extracting(ActivityEntry::action).contains("record.created", "record.changed");
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndChangesNothing() {
        push(ticket("T-1", "OPEN"));

        Throwable thrown = catchThrowable(() -> records().upsert(lead, ws.id(), ticket("T-1", "CLOSED"),
                OptionalLong.of(4)));

        assertConflict(ConflictException.Reason.STALE_VERSION, thrown);
        assertThat(records().get(lead, ws.id(), RecordType.TICKET, "T-1").status()).isEqualTo("OPEN");
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> records().upsert(lead, ws.id(),
                ticket("T-new", "OPEN"), OptionalLong.of(0)));
        assertThat(records().find(lead, ws.id(), RecordType.TICKET, "T-new")).isEmpty();
    }

    @Test
    void theExpectedVersionLetsAChangeThrough() {
        push(ticket("T-1", "OPEN"));

        Upserted changed = records().upsert(lead, ws.id(), ticket("T-1", "PENDING"), OptionalLong.of(0));

        assertThat(changed.record().version()).isEqualTo(1);
    }

    @Test
    void badContentReportsEveryFieldAtOnceAndChangesNothing() {
        NewLinkedRecord bad = NewLinkedRecord.builder(RecordType.TICKET, "", " ", "PAID")
                .amount(Money.of("10", "EUR")).startsAt(NOW).endsAt(NOW.minusSeconds(1))
                .url(URI.create("ftp://crm.example.com/x")).dueOn(LocalDate.of(1800, 1, 1)).build();

        assertThatThrownBy(() -> push(bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("hostId", "title",
                        "status", "amount", "dueOn", "endsAt", "url"));
        assertThat(records().list(lead, ws.id(), Optional.empty(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void theStatusErrorNamesTheAllowedValues() {
        assertThatThrownBy(() -> push(invoice("INV-1", "open", TODAY))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("status");
                    assertThat(f.message()).contains("DRAFT, OPEN, PAID, VOID");
                }));
    }

    @Test
    void aMaintenanceWindowNeedsAStart() {
        assertThatThrownBy(() -> push(NewLinkedRecord.builder(RecordType.MAINTENANCE_WINDOW, "MW-1", "Upgrade",
                "SCHEDULED").build())).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("startsAt"));
    }

    @Test
    void aTooLongHostIdOrUrlIsRefused() {
        NewLinkedRecord bad = NewLinkedRecord.builder(RecordType.REPORT, "h".repeat(201), "Report", "DRAFT")
                .url(URI.create("https://crm.example.com/" + "x".repeat(2000))).build();

        assertThatThrownBy(() -> push(bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("hostId", "url"));
    }

    @Test
    void clientsMayNotChangeRecords() {
        assertThatThrownBy(() -> records().upsert(clientAdmin, ws.id(), ticket("T-1", "OPEN"), OptionalLong.empty()))
                .isInstanceOf(AccessDeniedException.class);
        push(ticket("T-1", "OPEN"));
        assertThatThrownBy(() -> records().delete(clientAdmin, ws.id(), RecordType.TICKET, "T-1", OptionalLong.empty()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aWorkspaceTheActorCannotSeeIsNotFound() {
        assertThatThrownBy(() -> records().list(outsider, ws.id(), Optional.empty(), PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records().upsert(outsider, ws.id(), ticket("T-1", "OPEN"), OptionalLong.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anArchivedWorkspaceKeepsItsRecordsReadableButRefusesChanges() {
        push(ticket("T-1", "OPEN"));
        kit.workspaces().archive(lead, ws.id(), kit.workspaces().get(lead, ws.id()).version());

        assertThatThrownBy(() -> push(ticket("T-2", "OPEN"))).isInstanceOf(ArchivedException.class);
        assertThat(records().get(clientAdmin, ws.id(), RecordType.TICKET, "T-1").status()).isEqualTo("OPEN");
    }

    @Test
    void aClientWithViewBillingSeesInvoicesWithAmounts() {
        push(invoice("INV-1", "OPEN", TODAY));

        assertThat(records().get(clientAdmin, ws.id(), RecordType.INVOICE, "INV-1").amount())
                .contains(Money.of("1250.00", "EUR"));
        assertThat(records().list(clientAdmin, ws.id(), Optional.empty(), PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void aClientWithoutViewBillingNeverSeesInvoices() {
        push(invoice("INV-1", "OPEN", TODAY));
        push(ticket("T-1", "OPEN"));

        assertThat(records().find(contributor, ws.id(), RecordType.INVOICE, "INV-1")).isEmpty();
        assertThat(records().list(contributor, ws.id(), Optional.empty(), PageRequest.first()).items())
                .extracting(LinkedRecord::hostId).containsExactly("T-1");
        assertThat(records().list(contributor, ws.id(), Optional.of(RecordType.INVOICE), PageRequest.first()).items())
                .isEmpty();
    }

    @Test
    void anInvoiceTheClientMayNotSeeAnswersLikeAMissingOne() {
        push(invoice("INV-1", "OPEN", TODAY));

        Throwable hidden = catchThrowable(() -> records().get(contributor, ws.id(), RecordType.INVOICE, "INV-1"));
        Throwable missing = catchThrowable(() -> records().get(contributor, ws.id(), RecordType.INVOICE, "INV-2"));

        assertThat(hidden).isInstanceOf(NotFoundException.class);
        assertThat(String.valueOf(hidden.getMessage()))
                .isEqualTo(String.valueOf(missing.getMessage()).replace("INV-2", "INV-1"));
    }

    @Test
    void aContractsAmountIsHiddenFromClientsWithoutViewBilling() {
        push(NewLinkedRecord.builder(RecordType.CONTRACT, "C-1", "Retainer", "ACTIVE")
                .amount(Money.of("5000", "EUR")).build());

        assertThat(records().get(contributor, ws.id(), RecordType.CONTRACT, "C-1").amount()).isEmpty();
        assertThat(records().get(clientAdmin, ws.id(), RecordType.CONTRACT, "C-1").amount()).isPresent();
    }

    @Test
    void anUpsertShowsAWriterWithoutViewBillingNoAmount() {
        PermissionMatrix defaults = kit.accessPolicies().matrix(lead);
        Set<Permission> memberWithoutBilling = EnumSet.copyOf(defaults.permissionsOf(WorkspaceRole.MEMBER));
        memberWithoutBilling.remove(Permission.VIEW_BILLING);
        kit.accessPolicies().replaceMatrix(lead, defaults.with(WorkspaceRole.MEMBER, memberWithoutBilling));
        Actor integration = Actor.team(tenant, "host" + lead.userId().value());
        kit.tenants().addTeamMember(lead, integration.userId(), TenantRole.TEAM_MEMBER);
        kit.members().add(lead, ws.id(), integration.userId(), WorkspaceRole.MEMBER);
        push(invoice("INV-9", "OPEN", TODAY.plusDays(10)));

        Upserted again = records().upsert(integration, ws.id(), invoice("INV-9", "OPEN", TODAY.plusDays(10)),
                OptionalLong.empty());

        assertThat(again.changed()).isFalse();
        assertThat(again.record().amount()).isEmpty();
    }

    @Test
    void teamOnlyRecordsAreNeverShownToClients() {
        push(NewLinkedRecord.builder(RecordType.TICKET, "T-9", "Margin dispute", "OPEN")
                .visibility(Visibility.TEAM).build());

        assertThat(records().find(clientAdmin, ws.id(), RecordType.TICKET, "T-9")).isEmpty();
        assertThat(records().list(clientAdmin, ws.id(), Optional.empty(), PageRequest.first()).items()).isEmpty();
        assertThat(activity(clientAdmin)).noneMatch(e -> e.action().startsWith("record."));
        assertThat(records().find(lead, ws.id(), RecordType.TICKET, "T-9")).isPresent();
    }

    @Test
    void invoiceActivityIsTeamOnlyEvenForClientVisibleInvoices() {
        push(invoice("INV-1", "OPEN", TODAY));

        assertThat(activity(clientAdmin)).noneMatch(e -> e.action().startsWith("record."));
        assertThat(activity(lead)).filteredOn(e -> e.action().equals("record.created")).singleElement()
                .satisfies(e -> {
                    assertThat(e.visibility()).isEqualTo(Visibility.TEAM);
                    assertThat(e.details()).doesNotContainKey("amount");
                });
    }

    @Test
    void pagesFollowTheCursorAndACursorOfAnotherListIsRefused() {
        for (int i = 0; i < 5; i++) {
            push(ticket("T-" + i, "OPEN"));
        }

        Page<LinkedRecord> first = records().list(clientAdmin, ws.id(), Optional.empty(), PageRequest.first(2));
        Page<LinkedRecord> second = records().list(clientAdmin, ws.id(), Optional.empty(),
                PageRequest.after(first.nextCursor().orElseThrow(), 2));
        Page<LinkedRecord> third = records().list(clientAdmin, ws.id(), Optional.empty(),
                PageRequest.after(second.nextCursor().orElseThrow(), 2));

        assertThat(first.items()).extracting(LinkedRecord::hostId).containsExactly("T-0", "T-1");
        assertThat(second.items()).extracting(LinkedRecord::hostId).containsExactly("T-2", "T-3");
        assertThat(third.items()).extracting(LinkedRecord::hostId).containsExactly("T-4");
        assertThat(third.nextCursor()).isEmpty();
        assertThatThrownBy(() -> records().list(clientAdmin, ws.id(), Optional.empty(),
                PageRequest.after("bm90LWEtY3Vyc29y", 2))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    @Test
    void deletingUnlinksTheRecordAndIsRecorded() {
        push(ticket("T-1", "OPEN"));

        records().delete(lead, ws.id(), RecordType.TICKET, "T-1", OptionalLong.of(0));

        assertThat(records().find(lead, ws.id(), RecordType.TICKET, "T-1")).isEmpty();
        assertThat(activity(lead)).extracting(ActivityEntry::action).contains("record.deleted");
        assertThatThrownBy(() -> records().delete(lead, ws.id(), RecordType.TICKET, "T-1", OptionalLong.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingWithAStaleVersionIsAConflict() {
        push(ticket("T-1", "OPEN"));
        push(ticket("T-1", "PENDING"));

        assertConflict(ConflictException.Reason.STALE_VERSION, () -> records().delete(lead, ws.id(),
                RecordType.TICKET, "T-1", OptionalLong.of(0)));
        assertThat(records().find(lead, ws.id(), RecordType.TICKET, "T-1")).isPresent();
    }

    @Test
    void alertsCountOverdueInvoicesAndOpenTicketsForTheTeam() {
        push(invoice("INV-late", "OPEN", TODAY.minusDays(1)));
        push(invoice("INV-paid", "PAID", TODAY.minusDays(1)));
        push(NewLinkedRecord.builder(RecordType.TICKET, "T-9", "Internal", "PENDING").visibility(Visibility.TEAM).build());
        push(ticket("T-1", "CLOSED"));

        assertThat(records().alerts(lead, ws.id())).isEqualTo(new RecordAlerts(1, 1));
        assertThatThrownBy(() -> records().alerts(clientAdmin, ws.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoConcurrentFirstUpsertsOfOneRecordLeaveOneRecord() {
        Concurrently.Outcomes<Upserted> outcomes = Concurrently.run(i -> push(ticket("T-race", "OPEN")));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).filteredOn(Upserted::created).hasSize(1);
        assertThat(records().list(lead, ws.id(), Optional.empty(), PageRequest.first()).items()).singleElement()
                .satisfies(r -> assertThat(r.version()).isZero());
    }

    @Test
    void concurrentChangesEachRaiseTheVersionOnce() {
        push(ticket("T-1", "OPEN"));

        Concurrently.Outcomes<Upserted> outcomes = Concurrently.run(i ->
                push(NewLinkedRecord.builder(RecordType.TICKET, "T-1", "Title " + i, "OPEN").build()));

        assertThat(outcomes.failures()).isEmpty();
        long changes = outcomes.successes().stream().filter(Upserted::changed).count();
        assertThat(records().get(lead, ws.id(), RecordType.TICKET, "T-1").version()).isEqualTo(changes);
    }

    @Test
    void aClientsAnswersAreTheSameWhetherOrNotHiddenRecordsExist() {
        Workspace plain = ws;
        Workspace mixed = kit.workspaces().create(lead, NewWorkspace.of("Acme Mixed", "acme-mixed"));
        kit.members().add(lead, mixed.id(), contributor.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        for (Workspace w : List.of(plain, mixed)) {
            for (int i = 0; i < 4; i++) {
                if (w == mixed) {
                    records().upsert(lead, w.id(), NewLinkedRecord.builder(RecordType.TICKET, "T-" + i + "x",
                            "Internal", "OPEN").visibility(Visibility.TEAM).build(), OptionalLong.empty());
                    records().upsert(lead, w.id(), invoice("INV-" + i, "OPEN", TODAY), OptionalLong.empty());
                }
                records().upsert(lead, w.id(), ticket("T-" + i, "OPEN"), OptionalLong.empty());
            }
        }

        assertThat(clientView(mixed)).isEqualTo(clientView(plain));
        Throwable inMixed = catchThrowable(() -> records().get(contributor, mixed.id(), RecordType.TICKET, "T-0x"));
        Throwable inPlain = catchThrowable(() -> records().get(contributor, plain.id(), RecordType.TICKET, "T-0x"));
        assertThat(inMixed).isInstanceOf(NotFoundException.class).hasMessage(String.valueOf(inPlain.getMessage()));
    }

    /** Every page the contributor reads, two records at a time: contents, versions and cursors. */
    private List<String> clientView(Workspace w) {
        List<String> view = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        while (true) {
            Page<LinkedRecord> p = records().list(contributor, w.id(), Optional.empty(), page);
            p.items().forEach(r -> view.add(r.type() + "/" + r.hostId() + "/" + r.title() + "/" + r.status() + "/"
                    + r.version() + "/" + r.amount()));
            view.add("cursor " + p.nextCursor().orElse("-"));
            if (p.nextCursor().isEmpty()) {
                return view;
            }
            page = PageRequest.after(p.nextCursor().get(), 2);
        }
    }
}
