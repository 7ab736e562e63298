package io.clientworkspace.tck;

import io.clientworkspace.ConflictException;
import io.clientworkspace.LinkedRecordId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.Money;
import io.clientworkspace.record.RecordAlerts;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.spi.LinkedRecordStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link LinkedRecordStore}: records kept exactly, scoped by tenant and workspace, unique by
 * {@code (type, hostId)} per workspace, optimistic versions, the list order (type name, host id) with keyset
 * positions and the visibility and invoice filters in the query, and the alert counts over every visibility.
 * Extend it and implement {@link #createStores()}.
 */
public abstract class LinkedRecordStoreContract extends StoreContractSupport {

    private static final Instant AT = Instant.parse("2031-05-05T09:00:00.123456Z");
    private static final LocalDate TODAY = LocalDate.of(2031, 5, 5);

    private LinkedRecordStore records() {
        return stores().require(LinkedRecordStore.class);
    }

    private LinkedRecord record(Workspace w, RecordType type, String hostId, String status, Visibility visibility) {
        return new LinkedRecord(LinkedRecordId.of(data.unique("lr")), w.tenantId(), w.id(), type, hostId,
                "Title " + hostId, status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), visibility, AT, AT, 0);
    }

    private LinkedRecord invoice(Workspace w, String hostId, String status, LocalDate due) {
        LinkedRecord r = record(w, RecordType.INVOICE, hostId, status, Visibility.CLIENT);
        return new LinkedRecord(r.id(), r.tenantId(), r.workspaceId(), r.type(), r.hostId(), r.title(), r.status(),
                Optional.of(Money.of("1250.00", "EUR")), Optional.empty(), Optional.of(due), Optional.empty(),
                Optional.empty(), Optional.empty(), Visibility.CLIENT, AT, AT, 0);
    }

    private LinkedRecord stored(LinkedRecord record) {
        return inUnitOfWork(() -> records().insert(record));
    }

    private List<LinkedRecord> all(Workspace w, boolean internal, boolean invoices) {
        return records().list(w.tenantId(), w.id(), Optional.empty(), internal, invoices, Optional.empty(), 1001);
    }

    @Test
    void aStoredRecordIsFoundOnlyInItsTenantAndWorkspace() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        LinkedRecord record = stored(record(workspace, RecordType.TICKET, "T-1", "OPEN", Visibility.CLIENT));

        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1")).contains(record);
        assertThat(records().find(other.tenantId(), workspace.id(), RecordType.TICKET, "T-1")).isEmpty();
        assertThat(records().find(workspace.tenantId(), other.id(), RecordType.TICKET, "T-1")).isEmpty();
        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.REPORT, "T-1")).isEmpty();
        assertThat(all(other, true, true)).isEmpty();
    }

    @Test
    void everyFieldIsKeptExactly() {
        Workspace workspace = storedWorkspace();
        LinkedRecord record = new LinkedRecord(LinkedRecordId.of(data.unique("lr")), workspace.tenantId(),
                workspace.id(), RecordType.CONTRACT, "C/2031 ü 日本 \uD83D\uDE00".repeat(1), " Retainer; \"2031\" ",
                "ACTIVE", Optional.of(Money.of("-999999999999999.99", "EUR")), Optional.of(LocalDate.of(1900, 1, 1)),
                Optional.of(LocalDate.of(9999, 12, 31)), Optional.of(AT), Optional.of(AT.plusSeconds(86_400 * 365L)),
                Optional.of(URI.create("https://crm.example.com/contracts/42?x=1&y=%20")), Visibility.TEAM, AT,
                AT.plusNanos(1000), 0);

        stored(record);

        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.CONTRACT, record.hostId()))
                .contains(record);
    }

    @Test
    void amountsKeepTheirCurrencyAndScale() {
        Workspace workspace = storedWorkspace();
        LinkedRecord yen = invoice(workspace, "INV-JPY", "OPEN", TODAY);
        LinkedRecord stored = stored(new LinkedRecord(yen.id(), yen.tenantId(), yen.workspaceId(), yen.type(),
                yen.hostId(), yen.title(), yen.status(), Optional.of(Money.of("120000", "JPY")), yen.issuedOn(),
                yen.dueOn(), yen.startsAt(), yen.endsAt(), yen.url(), yen.visibility(), AT, AT, 0));

        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.INVOICE, "INV-JPY")
                .flatMap(LinkedRecord::amount)).contains(Money.of("120000", "JPY"));
        assertThat(stored.amount()).contains(Money.of("120000", "JPY"));
    }

    @Test
    void insertStoresVersionZeroAndRefusesATakenTypeAndHostId() {
        Workspace workspace = storedWorkspace();
        LinkedRecord first = record(workspace, RecordType.TICKET, "T-1", "OPEN", Visibility.CLIENT);
        LinkedRecord atFive = new LinkedRecord(first.id(), first.tenantId(), first.workspaceId(), first.type(),
                first.hostId(), first.title(), first.status(), first.amount(), first.issuedOn(), first.dueOn(),
                first.startsAt(), first.endsAt(), first.url(), first.visibility(), AT, AT, 5);

        assertThat(stored(atFive).version()).isZero();
        assertConflict(ConflictException.Reason.ALREADY_EXISTS,
                () -> stored(record(workspace, RecordType.TICKET, "T-1", "PENDING", Visibility.CLIENT)));
        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1")
                .map(LinkedRecord::status)).contains("OPEN");
    }

    @Test
    void theSameHostIdMayBeUsedByAnotherTypeOrWorkspace() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();

        stored(record(workspace, RecordType.TICKET, "42", "OPEN", Visibility.CLIENT));
        stored(record(workspace, RecordType.REPORT, "42", "DRAFT", Visibility.CLIENT));
        stored(record(other, RecordType.TICKET, "42", "OPEN", Visibility.CLIENT));

        assertThat(all(workspace, true, true)).hasSize(2);
        assertThat(all(other, true, true)).hasSize(1);
    }

    @Test
    void updateRaisesTheVersionKeepsIdAndCreationAndRefusesAStaleOne() {
        Workspace workspace = storedWorkspace();
        LinkedRecord stored = stored(record(workspace, RecordType.TICKET, "T-1", "OPEN", Visibility.CLIENT));
        LinkedRecord change = new LinkedRecord(LinkedRecordId.of("ignored"), stored.tenantId(), stored.workspaceId(),
                stored.type(), stored.hostId(), "Renamed", "RESOLVED", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Visibility.TEAM,
                AT.plusSeconds(60), AT.plusSeconds(60), 0);

        LinkedRecord updated = inUnitOfWork(() -> records().update(change));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.id()).isEqualTo(stored.id());
        assertThat(updated.createdAt()).isEqualTo(stored.createdAt());
        assertThat(updated.status()).isEqualTo("RESOLVED");
        assertThat(updated.visibility()).isEqualTo(Visibility.TEAM);
        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1")).contains(updated);
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> inUnitOfWork(() -> records().update(change)));
    }

    @Test
    void updateOfARecordOfAnotherWorkspaceChangesNothing() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        LinkedRecord stored = stored(record(workspace, RecordType.TICKET, "T-1", "OPEN", Visibility.CLIENT));
        LinkedRecord foreign = new LinkedRecord(stored.id(), other.tenantId(), other.id(), stored.type(),
                stored.hostId(), stored.title(), "CLOSED", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Visibility.CLIENT, AT, AT, 0);

        assertConflict(ConflictException.Reason.STALE_VERSION, () -> inUnitOfWork(() -> records().update(foreign)));
        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1")).contains(stored);
    }

    @Test
    void deleteNeedsTheStoredVersionAndThenTheRecordIsGone() {
        Workspace workspace = storedWorkspace();
        stored(record(workspace, RecordType.TICKET, "T-1", "OPEN", Visibility.CLIENT));

        assertConflict(ConflictException.Reason.STALE_VERSION, () -> runInUnitOfWork(() ->
                records().delete(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1", 3)));
        runInUnitOfWork(() -> records().delete(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1", 0));

        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1")).isEmpty();
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> runInUnitOfWork(() ->
                records().delete(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1", 0)));
    }

    @Test
    void aDeletedTypeAndHostIdMayBeLinkedAgain() {
        Workspace workspace = storedWorkspace();
        stored(record(workspace, RecordType.TICKET, "T-1", "OPEN", Visibility.CLIENT));
        runInUnitOfWork(() -> records().delete(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1", 0));

        LinkedRecord again = stored(record(workspace, RecordType.TICKET, "T-1", "PENDING", Visibility.CLIENT));

        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1")).contains(again);
    }

    @Test
    void listOrdersByTypeNameThenHostIdAndContinuesAfterAPosition() {
        Workspace workspace = storedWorkspace();
        stored(record(workspace, RecordType.TICKET, "b", "OPEN", Visibility.CLIENT));
        stored(record(workspace, RecordType.TICKET, "a", "OPEN", Visibility.CLIENT));
        stored(record(workspace, RecordType.REPORT, "z", "DRAFT", Visibility.CLIENT));
        stored(record(workspace, RecordType.CONTRACT, "m", "ACTIVE", Visibility.CLIENT));
        stored(record(workspace, RecordType.TICKET, "B", "OPEN", Visibility.CLIENT));

        assertThat(all(workspace, true, true)).extracting(r -> r.type() + "/" + r.hostId())
                .containsExactly("CONTRACT/m", "REPORT/z", "TICKET/B", "TICKET/a", "TICKET/b");
        assertThat(records().list(workspace.tenantId(), workspace.id(), Optional.empty(), true, true,
                Optional.of(new LinkedRecordStore.Position(RecordType.TICKET, "B")), 1))
                .extracting(LinkedRecord::hostId).containsExactly("a");
    }

    @Test
    void listFiltersByTypeVisibilityAndInvoicesInTheQuerySoPagesAreFull() {
        Workspace workspace = storedWorkspace();
        for (int i = 0; i < 5; i++) {
            stored(record(workspace, RecordType.TICKET, "hidden-" + i, "OPEN", Visibility.TEAM));
            stored(invoice(workspace, "INV-" + i, "OPEN", TODAY));
        }
        stored(record(workspace, RecordType.TICKET, "visible", "OPEN", Visibility.CLIENT));
        stored(record(workspace, RecordType.REPORT, "R-1", "PUBLISHED", Visibility.CLIENT));

        assertThat(records().list(workspace.tenantId(), workspace.id(), Optional.empty(), false, false,
                Optional.empty(), 2)).extracting(LinkedRecord::hostId).containsExactly("R-1", "visible");
        assertThat(records().list(workspace.tenantId(), workspace.id(), Optional.of(RecordType.TICKET), true, true,
                Optional.empty(), 1001)).hasSize(6);
        assertThat(records().list(workspace.tenantId(), workspace.id(), Optional.of(RecordType.INVOICE), false, true,
                Optional.empty(), 1001)).hasSize(5);
        assertThat(records().list(workspace.tenantId(), workspace.id(), Optional.of(RecordType.INVOICE), true, false,
                Optional.empty(), 1001)).isEmpty();
    }

    @Test
    void alertCountsCountOverdueOpenInvoicesAndOpenTicketsOfEveryVisibility() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        stored(invoice(workspace, "late", "OPEN", TODAY.minusDays(1)));
        stored(invoice(workspace, "due-today", "OPEN", TODAY));
        stored(invoice(workspace, "paid", "PAID", TODAY.minusDays(30)));
        stored(record(workspace, RecordType.TICKET, "open", "OPEN", Visibility.TEAM));
        stored(record(workspace, RecordType.TICKET, "pending", "PENDING", Visibility.CLIENT));
        stored(record(workspace, RecordType.TICKET, "done", "RESOLVED", Visibility.CLIENT));
        stored(invoice(other, "late", "OPEN", TODAY.minusDays(1)));

        assertThat(records().alertCounts(workspace.tenantId(), workspace.id(), TODAY)).isEqualTo(new RecordAlerts(1, 2));
        assertThat(records().alertCounts(workspace.tenantId(), workspace.id(), TODAY.plusDays(1)))
                .isEqualTo(new RecordAlerts(2, 2));
        assertThat(records().alertCounts(workspace.tenantId(), unknownWorkspaceId(), TODAY)).isEqualTo(RecordAlerts.NONE);
    }

    @Test
    void aRolledBackInsertLeavesNothing() {
        Workspace workspace = storedWorkspace();

        try {
            runInUnitOfWork(() -> {
                records().insert(record(workspace, RecordType.TICKET, "T-1", "OPEN", Visibility.CLIENT));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }

        assertThat(records().find(workspace.tenantId(), workspace.id(), RecordType.TICKET, "T-1")).isEmpty();
        assertThat(all(workspace, true, true)).isEmpty();
        List<LinkedRecord> none = new ArrayList<>(all(workspace, true, true));
        assertThat(none).isEmpty();
    }
}
