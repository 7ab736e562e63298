package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.InvitationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.InvitationEntity;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.InvitationStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link InvitationStore} on JPA. */
public final class JpaInvitationStore extends JpaStoreSupport implements InvitationStore {

    public JpaInvitationStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Invitation insert(Invitation invitation) {
        requireNonNull(invitation, "invitation must not be null");
        return tx(() -> {
            String tenant = invitation.tenantId().value();
            boolean taken = em().find(InvitationEntity.class, new InvitationEntity.Key(tenant, invitation.id().value())) != null
                    || !em().createQuery("select i.id from CwkInvitation i where i.tenantId = :tenant"
                            + " and i.tokenHash = :hash", String.class)
                    .setParameter("tenant", tenant).setParameter("hash", invitation.tokenHash())
                    .setMaxResults(1).getResultList().isEmpty();
            if (taken) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Invitation '" + invitation.id() + "' (or its token) already exists");
            }
            InvitationEntity e = new InvitationEntity(tenant, invitation.id().value());
            e.workspaceId = invitation.workspaceId().value();
            e.email = invitation.email();
            e.role = invitation.role().name();
            e.tokenHash = invitation.tokenHash();
            e.invitedBy = invitation.invitedBy().value();
            e.createdAt = invitation.createdAt();
            e.expiresAt = invitation.expiresAt();
            e.version = 0;
            copyState(invitation, e);
            return toDomain(insert(e, "invitation", invitation.id().value()));
        });
    }

    @Override
    public Invitation update(Invitation invitation) {
        requireNonNull(invitation, "invitation must not be null");
        return tx(() -> {
            InvitationEntity e = em().find(InvitationEntity.class,
                    new InvitationEntity.Key(invitation.tenantId().value(), invitation.id().value()));
            if (e == null || e.version != invitation.version() || !e.workspaceId.equals(invitation.workspaceId().value())) {
                throw ConflictException.staleVersion("invitation", invitation.id().value(), invitation.version());
            }
            copyState(invitation, e);
            return toDomain(saveManaged(e, "invitation", invitation.id().value()));
        });
    }

    @Override
    public Optional<Invitation> find(TenantId tenantId, WorkspaceId workspaceId, InvitationId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(InvitationEntity.class, new InvitationEntity.Key(tenantId.value(), id.value())))
                .map(e -> mapDetached(e, JpaInvitationStore::toDomain))
                .filter(i -> i.workspaceId().equals(workspaceId)));
    }

    @Override
    public Optional<Invitation> findByTokenHash(TenantId tenantId, String tokenHash) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        return tx(() -> em().createQuery("select i from CwkInvitation i where i.tenantId = :tenant"
                        + " and i.tokenHash = :hash", InvitationEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst()
                .map(e -> mapDetached(e, JpaInvitationStore::toDomain)));
    }

    @Override
    public List<Invitation> listPending(TenantId tenantId, WorkspaceId workspaceId, Instant now,
                                        Optional<InvitationId> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(now, "now must not be null");
        requireNonNull(after, "after must not be null");
        return tx(() -> mapDetached(em().createQuery("select i from CwkInvitation i where i.tenantId = :tenant"
                        + " and i.workspaceId = :workspace and i.status = :pending and i.expiresAt > :now"
                        + " and i.id > :after order by i.id", InvitationEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("pending", InvitationStatus.PENDING.name())
                .setParameter("now", now)
                .setParameter("after", after.map(InvitationId::value).orElse(""))
                .setMaxResults(limit)
                .getResultList(), JpaInvitationStore::toDomain));
    }

    private static void copyState(Invitation i, InvitationEntity e) {
        e.status = i.status().name();
        e.acceptedBy = i.acceptedBy().map(UserId::value).orElse(null);
        e.resolvedAt = i.resolvedAt().orElse(null);
    }

    static Invitation toDomain(InvitationEntity e) {
        return new Invitation(InvitationId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), e.email,
                WorkspaceRole.valueOf(e.role), e.tokenHash, UserId.of(e.invitedBy), e.createdAt, e.expiresAt,
                InvitationStatus.valueOf(e.status), Optional.ofNullable(e.acceptedBy).map(UserId::of),
                Optional.ofNullable(e.resolvedAt), e.version);
    }
}
