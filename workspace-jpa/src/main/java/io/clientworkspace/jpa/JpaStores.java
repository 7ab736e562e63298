package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.ActivityEntity;
import io.clientworkspace.jpa.entity.ApprovalEntity;
import io.clientworkspace.jpa.entity.CheckpointEntity;
import io.clientworkspace.jpa.entity.DecisionEntity;
import io.clientworkspace.jpa.entity.DownloadEntity;
import io.clientworkspace.jpa.entity.FileEntity;
import io.clientworkspace.jpa.entity.FileVersionEntity;
import io.clientworkspace.jpa.entity.FolderEntity;
import io.clientworkspace.jpa.entity.InvitationEntity;
import io.clientworkspace.jpa.entity.MembershipEntity;
import io.clientworkspace.jpa.entity.OutboxEventEntity;
import io.clientworkspace.jpa.entity.PermissionMatrixEntity;
import io.clientworkspace.jpa.entity.TeamMemberEntity;
import io.clientworkspace.jpa.entity.TenantEntity;
import io.clientworkspace.jpa.entity.WorkspaceEntity;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.InvitationStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.PermissionMatrixStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.spi.WorkspaceStore;
import jakarta.persistence.EntityManagerFactory;

import java.time.Clock;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Every store SPI on Jakarta Persistence, in one call.
 *
 * <pre>{@code
 * EntityManagerFactory emf = ...;            // with JpaStores.ENTITY_CLASSES registered
 * WorkspaceKit kit = WorkspaceKit.builder().stores(JpaStores.create(emf)).build();
 * }</pre>
 *
 * <p>The schema must exist first: apply the Flyway-format migrations in
 * {@link #MIGRATIONS_POSTGRESQL} or {@link #MIGRATIONS_H2} (with Flyway, or any way you like).
 */
public final class JpaStores {

    /** Classpath location of the PostgreSQL migrations (Flyway: {@code classpath:db/clientworkspace/postgresql}). */
    public static final String MIGRATIONS_POSTGRESQL = "db/clientworkspace/postgresql";

    /** Classpath location of the H2 migrations (Flyway: {@code classpath:db/clientworkspace/h2}). */
    public static final String MIGRATIONS_H2 = "db/clientworkspace/h2";

    /** The entity classes to register with the persistence unit. */
    public static final List<Class<?>> ENTITY_CLASSES = List.of(TenantEntity.class, TeamMemberEntity.class,
            PermissionMatrixEntity.class, WorkspaceEntity.class, MembershipEntity.class, InvitationEntity.class,
            ActivityEntity.class, OutboxEventEntity.class, FolderEntity.class, FileEntity.class,
            FileVersionEntity.class, DownloadEntity.class, ApprovalEntity.class, DecisionEntity.class,
            CheckpointEntity.class);

    private JpaStores() {
    }

    /** Stores on resource-local transactions of {@code emf}: for hosts without a transaction manager. */
    public static Stores create(EntityManagerFactory emf) {
        return create(new ResourceLocalTransactions(requireNonNull(emf, "emf must not be null")));
    }

    /**
     * Stores on the given transactions, e.g. ones that join the host's transaction, with the
     * transactional event outbox.
     */
    public static Stores create(JpaTransactions transactions) {
        return create(transactions, Clock.systemUTC());
    }

    /** Like {@link #create(JpaTransactions)}, with the clock that stamps event delivery. */
    public static Stores create(JpaTransactions transactions, Clock clock) {
        requireNonNull(transactions, "transactions must not be null");
        requireNonNull(clock, "clock must not be null");
        return Stores.builder(new JpaUnitOfWork(transactions))
                .add(TenantStore.class, new JpaTenantStore(transactions))
                .add(TeamStore.class, new JpaTeamStore(transactions))
                .add(PermissionMatrixStore.class, new JpaPermissionMatrixStore(transactions))
                .add(WorkspaceStore.class, new JpaWorkspaceStore(transactions))
                .add(MembershipStore.class, new JpaMembershipStore(transactions))
                .add(InvitationStore.class, new JpaInvitationStore(transactions))
                .add(ActivityStore.class, new JpaActivityStore(transactions))
                .add(FolderStore.class, new JpaFolderStore(transactions))
                .add(FileStore.class, new JpaFileStore(transactions))
                .add(DownloadLogStore.class, new JpaDownloadLogStore(transactions))
                .add(ApprovalStore.class, new JpaApprovalStore(transactions))
                .outbox(new JpaEventOutbox(transactions, clock))
                .build();
    }
}
