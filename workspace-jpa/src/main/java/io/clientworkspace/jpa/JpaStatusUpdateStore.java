package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.StatusAcknowledgementEntity;
import io.clientworkspace.jpa.entity.StatusUpdateEntity;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.spi.StatusUpdateStore;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link StatusUpdateStore} on JPA. An update is one row keyed by (tenant, workspace, id), listed newest first by id
 * (time-ordered) with the visibility filter in the query; an acknowledgement is one row keyed by (tenant, workspace,
 * update, user), so of two concurrent first acknowledgements by one user the second fails on the key with a conflict
 * ({@code ALREADY_EXISTS}) and, as every failure in a JPA unit of work, marks it rollback-only: the caller re-reads in
 * a new one.
 */
public final class JpaStatusUpdateStore extends JpaStoreSupport implements StatusUpdateStore {

    public JpaStatusUpdateStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public StatusUpdate insert(StatusUpdate update) {
        requireNonNull(update, "update must not be null");
        return tx(() -> {
            if (em().find(StatusUpdateEntity.class, key(update.tenantId(), update.workspaceId(), update.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Status update '" + update.id() + "' already exists");
            }
            StatusUpdateEntity e = new StatusUpdateEntity(update.tenantId().value(), update.workspaceId().value(),
                    update.id().value());
            e.projectId = update.projectId().value();
            e.health = update.health().name();
            e.summary = update.summary();
            e.doneText = update.done();
            e.nextText = update.next();
            e.risksText = update.risks();
            e.visibility = update.visibility().name();
            e.authorId = update.author().value();
            e.postedAt = update.postedAt();
            e.version = 0;
            return toDomain(insert(e, "status update", update.id().value()));
        });
    }

    @Override
    public Optional<StatusUpdate> find(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(StatusUpdateEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaStatusUpdateStore::toDomain)));
    }

    @Override
    public List<StatusUpdate> list(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId,
                                   boolean includeInternal, Optional<StatusUpdateId> beforeId, int limit) {
        requireScope(tenantId, workspaceId);
        requireNonNull(projectId, "projectId must not be null");
        requireNonNull(beforeId, "beforeId must not be null");
        return tx(() -> {
            TypedQuery<StatusUpdateEntity> query = em().createQuery("select u from CwkStatusUpdate u"
                            + " where u.tenantId = :tenant and u.workspaceId = :workspace and u.projectId = :project"
                            // 'CLIENT' as a literal, so the clients' index (visibility, id) serves it.
                            + (includeInternal ? "" : " and u.visibility = 'CLIENT'")
                            + (beforeId.isPresent() ? " and u.id < :before" : "")
                            + " order by u.id desc", StatusUpdateEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("project", projectId.value());
            beforeId.ifPresent(before -> query.setParameter("before", before.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaStatusUpdateStore::toDomain);
        });
    }

    @Override
    public boolean acknowledge(TenantId tenantId, WorkspaceId workspaceId, Acknowledgement acknowledgement) {
        requireScope(tenantId, workspaceId);
        requireNonNull(acknowledgement, "acknowledgement must not be null");
        return tx(() -> {
            StatusAcknowledgementEntity.Key key = ackKey(tenantId, workspaceId, acknowledgement.statusUpdateId(),
                    acknowledgement.user());
            StatusAcknowledgementEntity existing = em().find(StatusAcknowledgementEntity.class, key);
            if (existing != null) {
                em().detach(existing);
                return false;
            }
            StatusAcknowledgementEntity e = new StatusAcknowledgementEntity(tenantId.value(), workspaceId.value(),
                    acknowledgement.statusUpdateId().value(), acknowledgement.user().value());
            e.acknowledgedAt = acknowledgement.at();
            insert(e, "acknowledgement", acknowledgement.statusUpdateId().value() + "/" + acknowledgement.user().value());
            return true;
        });
    }

    @Override
    public Optional<Acknowledgement> findAcknowledgement(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id,
                                                         UserId user) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        requireNonNull(user, "user must not be null");
        return tx(() -> Optional.ofNullable(em().find(StatusAcknowledgementEntity.class,
                        ackKey(tenantId, workspaceId, id, user)))
                .map(e -> mapDetached(e, JpaStatusUpdateStore::toAcknowledgement)));
    }

    @Override
    public List<Acknowledgement> acknowledgements(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id,
                                                  int limit) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        return tx(() -> mapDetached(em().createQuery("select a from CwkStatusAck a where a.tenantId = :tenant"
                        + " and a.workspaceId = :workspace and a.statusUpdateId = :update"
                        + " order by a.acknowledgedAt, a.userId", StatusAcknowledgementEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("update", id.value())
                .setMaxResults(limit)
                .getResultList(), JpaStatusUpdateStore::toAcknowledgement));
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
    }

    private static StatusUpdateEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id) {
        return new StatusUpdateEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    private static StatusAcknowledgementEntity.Key ackKey(TenantId tenantId, WorkspaceId workspaceId,
                                                          StatusUpdateId id, UserId user) {
        return new StatusAcknowledgementEntity.Key(tenantId.value(), workspaceId.value(), id.value(), user.value());
    }

    static StatusUpdate toDomain(StatusUpdateEntity e) {
        return new StatusUpdate(StatusUpdateId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                ProjectId.of(e.projectId), ProjectHealth.valueOf(e.health), e.summary, e.doneText, e.nextText,
                e.risksText, Visibility.valueOf(e.visibility), UserId.of(e.authorId), e.postedAt, e.version);
    }

    static Acknowledgement toAcknowledgement(StatusAcknowledgementEntity e) {
        return new Acknowledgement(StatusUpdateId.of(e.statusUpdateId), UserId.of(e.userId), e.acknowledgedAt);
    }
}
