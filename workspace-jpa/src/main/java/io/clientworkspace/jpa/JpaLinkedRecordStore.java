package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.LinkedRecordId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.LinkedRecordEntity;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.Money;
import io.clientworkspace.record.RecordAlerts;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.spi.LinkedRecordStore;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link LinkedRecordStore} on JPA: records keyed by (tenant, workspace, type, host id), which also orders the list
 * (keyset on type and host id) and serves the alert counts (one aggregate statement). Versions are Hibernate's
 * optimistic versions: of two updates from one version exactly one succeeds.
 */
public final class JpaLinkedRecordStore extends JpaStoreSupport implements LinkedRecordStore {

    private static final String RESOURCE = "linked record";

    public JpaLinkedRecordStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public LinkedRecord insert(LinkedRecord record) {
        requireNonNull(record, "record must not be null");
        String label = record.type() + "/" + record.hostId();
        return tx(() -> {
            boolean taken = em().find(LinkedRecordEntity.class, key(record.tenantId(), record.workspaceId(),
                    record.type(), record.hostId())) != null
                    || em().createQuery("select count(r) from CwkLinkedRecord r where r.tenantId = :tenant"
                            + " and r.workspaceId = :ws and r.id = :id", Long.class)
                    .setParameter("tenant", record.tenantId().value())
                    .setParameter("ws", record.workspaceId().value())
                    .setParameter("id", record.id().value())
                    .getSingleResult() > 0;
            if (taken) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Linked record " + label
                        + " already exists in workspace '" + record.workspaceId() + "'");
            }
            LinkedRecordEntity e = new LinkedRecordEntity(record.tenantId().value(), record.workspaceId().value(),
                    record.type().name(), record.hostId());
            e.id = record.id().value();
            e.createdAt = record.createdAt();
            copy(record, e);
            e.version = 0;
            return toDomain(insert(e, RESOURCE, label));
        });
    }

    @Override
    public LinkedRecord update(LinkedRecord record) {
        requireNonNull(record, "record must not be null");
        String label = record.type() + "/" + record.hostId();
        return tx(() -> {
            LinkedRecordEntity e = em().find(LinkedRecordEntity.class, key(record.tenantId(), record.workspaceId(),
                    record.type(), record.hostId()));
            if (e == null || e.version != record.version()) {
                throw ConflictException.staleVersion(RESOURCE, label, record.version());
            }
            copy(record, e);
            return toDomain(saveVersioned(e, record.version(), entity -> entity.version, RESOURCE, label));
        });
    }

    @Override
    public Optional<LinkedRecord> find(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId) {
        requireScope(tenantId, workspaceId, type, hostId);
        return tx(() -> Optional.ofNullable(em().find(LinkedRecordEntity.class, key(tenantId, workspaceId, type, hostId)))
                .map(e -> mapDetached(e, JpaLinkedRecordStore::toDomain)));
    }

    @Override
    public Optional<LinkedRecord> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, RecordType type,
                                                String hostId) {
        requireScope(tenantId, workspaceId, type, hostId);
        return tx(() -> {
            try {
                return Optional.ofNullable(em().find(LinkedRecordEntity.class, key(tenantId, workspaceId, type, hostId),
                        LockModeType.PESSIMISTIC_WRITE)).map(e -> mapDetached(e, JpaLinkedRecordStore::toDomain));
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, RESOURCE, type + "/" + hostId);
            }
        });
    }

    @Override
    public List<LinkedRecord> list(TenantId tenantId, WorkspaceId workspaceId, Optional<RecordType> type,
                                   boolean includeInternal, boolean includeInvoices, Optional<Position> after,
                                   int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(after, "after must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return tx(() -> {
            TypedQuery<LinkedRecordEntity> query = em().createQuery("select r from CwkLinkedRecord r"
                            + " where r.tenantId = :tenant and r.workspaceId = :ws"
                            + (type.isPresent() ? " and r.type = :type" : "")
                            + (includeInternal ? "" : " and r.visibility = :client")
                            + (includeInvoices ? "" : " and r.type <> :invoice")
                            + (after.isPresent()
                            ? " and (r.type > :afterType or (r.type = :afterType and r.hostId > :afterHost))" : "")
                            + " order by r.type, r.hostId", LinkedRecordEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("ws", workspaceId.value());
            type.ifPresent(t -> query.setParameter("type", t.name()));
            if (!includeInternal) {
                query.setParameter("client", Visibility.CLIENT.name());
            }
            if (!includeInvoices) {
                query.setParameter("invoice", RecordType.INVOICE.name());
            }
            after.ifPresent(p -> query.setParameter("afterType", p.type().name()).setParameter("afterHost", p.hostId()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaLinkedRecordStore::toDomain);
        });
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId,
                       long expectedVersion) {
        requireScope(tenantId, workspaceId, type, hostId);
        tx(() -> {
            LinkedRecordEntity e = em().find(LinkedRecordEntity.class, key(tenantId, workspaceId, type, hostId));
            if (e == null || e.version != expectedVersion) {
                throw ConflictException.staleVersion(RESOURCE, type + "/" + hostId, expectedVersion);
            }
            em().remove(e);
            flush(RESOURCE, type + "/" + hostId);
            return null;
        });
    }

    @Override
    public RecordAlerts alertCounts(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(today, "today must not be null");
        return tx(() -> {
            Object[] row = em().createQuery("select"
                            + " coalesce(sum(case when r.type = :invoice and r.status = :open and r.dueOn < :today"
                            + " then 1 else 0 end), 0),"
                            + " coalesce(sum(case when r.type = :ticket and (r.status = :open or r.status = :pending)"
                            + " then 1 else 0 end), 0)"
                            + " from CwkLinkedRecord r where r.tenantId = :tenant and r.workspaceId = :ws", Object[].class)
                    .setParameter("invoice", RecordType.INVOICE.name())
                    .setParameter("ticket", RecordType.TICKET.name())
                    .setParameter("open", "OPEN")
                    .setParameter("pending", "PENDING")
                    .setParameter("today", today)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("ws", workspaceId.value())
                    .getSingleResult();
            return new RecordAlerts(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
        });
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(hostId, "hostId must not be null");
    }

    private static void copy(LinkedRecord record, LinkedRecordEntity e) {
        e.title = record.title();
        e.status = record.status();
        e.amount = record.amount().map(Money::amount).orElse(null);
        e.currency = record.amount().map(m -> m.currency().getCurrencyCode()).orElse(null);
        e.issuedOn = record.issuedOn().orElse(null);
        e.dueOn = record.dueOn().orElse(null);
        e.startsAt = record.startsAt().orElse(null);
        e.endsAt = record.endsAt().orElse(null);
        e.url = record.url().map(URI::toString).orElse(null);
        e.visibility = record.visibility().name();
        e.updatedAt = record.updatedAt();
    }

    private static LinkedRecordEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, RecordType type,
                                              String hostId) {
        return new LinkedRecordEntity.Key(tenantId.value(), workspaceId.value(), type.name(), hostId);
    }

    static LinkedRecord toDomain(LinkedRecordEntity e) {
        Optional<Money> amount = e.amount == null || e.currency == null ? Optional.empty()
                : Optional.of(new Money(e.amount, Currency.getInstance(e.currency)));
        return new LinkedRecord(LinkedRecordId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                RecordType.valueOf(e.type), e.hostId, e.title, e.status, amount, Optional.ofNullable(e.issuedOn),
                Optional.ofNullable(e.dueOn), Optional.ofNullable(e.startsAt), Optional.ofNullable(e.endsAt),
                Optional.ofNullable(e.url).map(URI::create), Visibility.valueOf(e.visibility), e.createdAt,
                e.updatedAt, e.version);
    }
}
