package io.clientworkspace.spring;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link WorkspaceMaintenance}: one run of the orphan sweep and of the approval expiry, and what it refuses. */
class WorkspaceMaintenanceTest {

    private record Setup(Actor admin, Workspace workspace) {
    }

    private static Setup workspaceIn(WorkspaceKit kit) {
        var tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        return new Setup(alice, kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme")));
    }

    private static InputStream text(int bytes) {
        return new ByteArrayInputStream("a".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theOrphanSweepDeletesOldUnreferencedBlobsAndKeepsTheReferencedOnes(@TempDir Path dir) throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        WorkspaceKit kit = WorkspaceKit.builder().blobStore(store).build();
        Setup s = workspaceIn(kit);
        var file = kit.files().upload(s.admin(), s.workspace().id(), NewUpload.of("kept.txt", "text/plain"), text(10));
        String kept = kit.files().versions(s.admin(), s.workspace().id(), file.id()).get(0).blobKey();
        String orphan = store.put(text(20)).key();
        Thread.sleep(50); // older than "now" by the file system's clock

        new WorkspaceMaintenance(kit, Duration.ofHours(1), Duration.ZERO, Duration.ZERO).sweepOnce();

        assertThat(store.exists(kept)).isTrue();
        assertThat(store.exists(orphan)).isFalse();
    }

    @Test
    void theExpiryRunStoresExpiredOnOverdueRequests() {
        var clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
        Stores stores = InMemoryStores.create();
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores).clock(clock).build();
        Setup s = workspaceIn(kit);
        var request = kit.approvals().requestForDeliverable(s.admin(), s.workspace().id(), "The launch plan",
                Optional.empty(), NewApproval.of("Launch", Set.of(s.admin().userId()))
                        .due(clock.instant().plus(Duration.ofHours(1))));
        clock.now = clock.now.plus(Duration.ofHours(2));

        new WorkspaceMaintenance(kit, Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(5)).expireOnce();

        assertThat(stores.require(ApprovalStore.class).find(request.tenantId(), request.workspaceId(), request.id()).orElseThrow()
                .status()).isEqualTo(ApprovalStatus.EXPIRED);
    }

    @Test
    void withBothIntervalsOffNoThreadIsStarted() {
        WorkspaceMaintenance maintenance = new WorkspaceMaintenance(WorkspaceKit.inMemory(), Duration.ZERO,
                Duration.ofHours(24), Duration.ofSeconds(-1));

        maintenance.start();

        assertThat(maintenance.isRunning()).isFalse();
    }

    @Test
    void onAStoreSetWithoutFileAndApprovalStoresNeitherJobIsScheduled() {
        io.clientworkspace.spi.Stores all = io.clientworkspace.memory.InMemoryStores.create();
        io.clientworkspace.spi.Stores.Builder foundation = io.clientworkspace.spi.Stores.builder(all.unitOfWork());
        io.clientworkspace.spi.Stores.FOUNDATION.forEach(spi -> copy(all, foundation, spi));
        WorkspaceMaintenance maintenance = new WorkspaceMaintenance(
                WorkspaceKit.builder().stores(foundation.build()).build(), Duration.ofHours(1), Duration.ofHours(24),
                Duration.ofMinutes(5));

        maintenance.start();

        assertThat(maintenance.isRunning()).isFalse();
    }

    private static <S> void copy(io.clientworkspace.spi.Stores from, io.clientworkspace.spi.Stores.Builder to,
                                 Class<S> spi) {
        to.add(spi, from.require(spi));
    }

    @Test
    void aNegativeOrphanAgeIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new WorkspaceMaintenance(WorkspaceKit.inMemory(), Duration.ofHours(1),
                Duration.ofSeconds(-1), Duration.ZERO)).hasMessageContaining("client-workspace.files.orphan-min-age");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends java.time.Clock {
        Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
