package io.clientworkspace.tck;

import io.clientworkspace.InvitationId;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.InvitationStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link InvitationStore}: versions, ids and token hashes unique per tenant, tenant and
 * workspace scope, and the list of pending invitations (by id, excluding resolved and expired ones).
 * Extend it and implement {@link #createStores()}.
 */
public abstract class InvitationStoreContract extends StoreContractSupport {

    /** The "now" of the listing tests: well after every invitation {@link TestData} creates. */
    private static final Instant NOW = TestData.EPOCH.plus(Duration.ofDays(1));

    private InvitationStore invitations() {
        return stores().invitations();
    }

    private Invitation insert(Invitation invitation) {
        return inUnitOfWork(() -> invitations().insert(invitation));
    }

    private Invitation update(Invitation invitation) {
        return inUnitOfWork(() -> invitations().update(invitation));
    }

    private Optional<Invitation> find(Invitation invitation) {
        return invitations().find(invitation.tenantId(), invitation.workspaceId(), invitation.id());
    }

    private List<Invitation> pending(Workspace workspace) {
        return invitations().listPending(workspace.tenantId(), workspace.id(), NOW, Optional.empty(), 100);
    }

    private Invitation pendingInvitation(Workspace workspace) {
        return data.anInvitation(workspace.tenantId(), workspace.id()).expiresAt(NOW.plus(Duration.ofDays(7))).build();
    }

    /** Inserts {@code count} pending invitations to the workspace in shuffled order; returns them sorted by id. */
    private List<Invitation> insertShuffled(Workspace workspace, int count) {
        List<Invitation> created = new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> pendingInvitation(workspace)).toList());
        Collections.shuffle(created);
        List<Invitation> stored = new ArrayList<>(created.stream().map(this::insert).toList());
        stored.sort(Comparator.comparing(Invitation::id));
        return stored;
    }

    @Test
    void insertStoresVersionZeroWhateverTheArgumentCarries() {
        Workspace workspace = storedWorkspace();

        Invitation stored = insert(data.anInvitation(workspace.tenantId(), workspace.id()).version(3).build());

        assertThat(stored.version()).isZero();
        assertThat(find(stored)).get().extracting(Invitation::version).isEqualTo(0L);
    }

    @Test
    void findReturnsTheInsertedInvitation() {
        Workspace workspace = storedWorkspace();
        Invitation invitation = data.anInvitation(workspace.tenantId(), workspace.id())
                .role(WorkspaceRole.CLIENT_ADMIN).build();

        Invitation stored = insert(invitation);

        assertThat(stored).isEqualTo(invitation);
        assertThat(find(invitation)).contains(invitation);
    }

    @Test
    void findByTokenHashReturnsTheInvitation() {
        Workspace workspace = storedWorkspace();
        Invitation stored = insert(data.invitation(workspace.tenantId(), workspace.id()));
        insert(data.invitation(workspace.tenantId(), workspace.id()));

        assertThat(invitations().findByTokenHash(workspace.tenantId(), stored.tokenHash())).contains(stored);
        assertThat(invitations().findByTokenHash(workspace.tenantId(), data.tokenHash())).isEmpty();
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        Workspace workspace = storedWorkspace();
        insert(data.invitation(workspace.tenantId(), workspace.id()));

        assertThat(invitations().find(workspace.tenantId(), workspace.id(), data.invitationId())).isEmpty();
    }

    @Test
    void insertOfATakenIdIsAlreadyExistsAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Invitation first = insert(data.invitation(workspace.tenantId(), workspace.id()));
        Invitation clash = data.anInvitation(workspace.tenantId(), workspace.id()).id(first.id()).build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(find(first)).contains(first);
        assertThat(invitations().findByTokenHash(workspace.tenantId(), clash.tokenHash())).isEmpty();
    }

    @Test
    void insertOfATakenTokenHashIsAlreadyExistsAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Invitation first = insert(data.invitation(workspace.tenantId(), workspace.id()));
        Invitation clash = data.anInvitation(workspace.tenantId(), workspace.id()).tokenHash(first.tokenHash()).build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(find(clash)).isEmpty();
        assertThat(invitations().findByTokenHash(workspace.tenantId(), first.tokenHash())).contains(first);
    }

    @Test
    void tokenHashesAreUniquePerTenantOnly() {
        Workspace workspace = storedWorkspace();
        Workspace theirs = storedWorkspace();
        Invitation mine = insert(data.invitation(workspace.tenantId(), workspace.id()));

        Invitation other = insert(data.anInvitation(theirs.tenantId(), theirs.id()).tokenHash(mine.tokenHash()).build());

        assertThat(invitations().findByTokenHash(workspace.tenantId(), mine.tokenHash())).contains(mine);
        assertThat(invitations().findByTokenHash(theirs.tenantId(), mine.tokenHash())).contains(other);
    }

    @Test
    void updateMarksItAcceptedAndIncrementsTheVersion() {
        Workspace workspace = storedWorkspace();
        Invitation stored = insert(data.invitation(workspace.tenantId(), workspace.id()));
        Invitation accepted = stored.accepted(data.userId(), data.instant());

        Invitation updated = update(accepted);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated).usingRecursiveComparison().ignoringFields("version").isEqualTo(accepted);
        assertThat(find(stored)).contains(updated);
        assertThat(invitations().findByTokenHash(workspace.tenantId(), stored.tokenHash())).contains(updated);
    }

    @Test
    void updateMarksItRevokedAndIncrementsTheVersion() {
        Workspace workspace = storedWorkspace();
        Invitation stored = insert(data.invitation(workspace.tenantId(), workspace.id()));
        Invitation revoked = stored.revoked(data.instant());

        Invitation updated = update(revoked);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(updated.acceptedBy()).isEmpty();
        assertThat(updated.resolvedAt()).isEqualTo(revoked.resolvedAt());
        assertThat(find(stored)).contains(updated);
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Invitation stored = insert(data.invitation(workspace.tenantId(), workspace.id()));
        Invitation revoked = update(stored.revoked(data.instant()));

        assertConflict(STALE_VERSION, () -> update(stored.accepted(data.userId(), data.instant())));

        assertThat(find(stored)).contains(revoked);
    }

    @Test
    void updateOfAMissingInvitationIsAStaleVersionConflictAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Invitation missing = data.invitation(workspace.tenantId(), workspace.id());

        assertConflict(STALE_VERSION, () -> update(missing.revoked(data.instant())));

        assertThat(find(missing)).isEmpty();
        assertThat(invitations().findByTokenHash(workspace.tenantId(), missing.tokenHash())).isEmpty();
    }

    @Test
    void updateInAnotherWorkspaceIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        Invitation stored = insert(data.invitation(tenant.id(), workspace.id()));
        Invitation moved = data.anInvitation(tenant.id(), other.id()).id(stored.id()).tokenHash(stored.tokenHash())
                .revokedAt(data.instant()).build();

        assertConflict(STALE_VERSION, () -> update(moved));

        assertThat(find(stored)).contains(stored);
        assertThat(invitations().find(tenant.id(), other.id(), stored.id())).isEmpty();
    }

    @Test
    void updateInAnotherTenantIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Tenant other = storedTenant();
        Invitation stored = insert(data.invitation(workspace.tenantId(), workspace.id()));
        Invitation moved = data.anInvitation(other.id(), workspace.id()).id(stored.id()).tokenHash(stored.tokenHash())
                .revokedAt(data.instant()).build();

        assertConflict(STALE_VERSION, () -> update(moved));

        assertThat(find(stored)).contains(stored);
        assertThat(invitations().findByTokenHash(other.id(), stored.tokenHash())).isEmpty();
    }

    @Test
    void findWithTheRightIdButAnotherWorkspaceIsEmpty() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        Invitation stored = insert(data.invitation(tenant.id(), workspace.id()));

        assertThat(invitations().find(tenant.id(), other.id(), stored.id())).isEmpty();
    }

    @Test
    void readsWithAnotherTenantSeeNothing() {
        Workspace workspace = storedWorkspace();
        Tenant other = storedTenant();
        Invitation stored = insert(pendingInvitation(workspace));

        assertThat(invitations().find(other.id(), workspace.id(), stored.id())).isEmpty();
        assertThat(invitations().findByTokenHash(other.id(), stored.tokenHash())).isEmpty();
        assertThat(invitations().listPending(other.id(), workspace.id(), NOW, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void listPendingOrdersInvitationsById() {
        Workspace workspace = storedWorkspace();
        List<Invitation> sorted = insertShuffled(workspace, 5);

        assertThat(pending(workspace)).containsExactlyElementsOf(sorted);
    }

    @Test
    void listPendingStartsStrictlyAfterTheGivenId() {
        Workspace workspace = storedWorkspace();
        List<Invitation> sorted = insertShuffled(workspace, 5);

        assertThat(invitations().listPending(workspace.tenantId(), workspace.id(), NOW, Optional.of(sorted.get(2).id()), 10))
                .containsExactlyElementsOf(sorted.subList(3, 5));
    }

    @Test
    void listPendingReturnsAtMostLimitInvitations() {
        Workspace workspace = storedWorkspace();
        List<Invitation> sorted = insertShuffled(workspace, 5);

        assertThat(invitations().listPending(workspace.tenantId(), workspace.id(), NOW, Optional.empty(), 3))
                .containsExactlyElementsOf(sorted.subList(0, 3));
    }

    @Test
    void walkingAllPagesYieldsEveryPendingInvitationOnceInOrder() {
        Workspace workspace = storedWorkspace();
        List<Invitation> sorted = insertShuffled(workspace, 10);

        List<Invitation> walked = new ArrayList<>();
        Optional<InvitationId> after = Optional.empty();
        while (true) {
            List<Invitation> page = invitations().listPending(workspace.tenantId(), workspace.id(), NOW, after, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(walked).containsExactlyElementsOf(sorted);
    }

    @Test
    void listPendingExcludesAcceptedAndRevokedInvitations() {
        Workspace workspace = storedWorkspace();
        List<Invitation> sorted = insertShuffled(workspace, 4);
        update(sorted.get(0).accepted(data.userId(), data.instant()));
        update(sorted.get(2).revoked(data.instant()));

        assertThat(pending(workspace)).containsExactly(sorted.get(1), sorted.get(3));
    }

    @Test
    void listPendingExcludesInvitationsThatExpiredAtOrBeforeNow() {
        Workspace workspace = storedWorkspace();
        Invitation expiredLongAgo = insert(data.anInvitation(workspace.tenantId(), workspace.id())
                .expiresAt(NOW.minus(Duration.ofHours(1))).build());
        Invitation expiringNow = insert(data.anInvitation(workspace.tenantId(), workspace.id()).expiresAt(NOW).build());
        Invitation expiringJustAfter = insert(data.anInvitation(workspace.tenantId(), workspace.id())
                .expiresAt(NOW.plusNanos(1_000)).build());

        assertThat(pending(workspace)).containsExactly(expiringJustAfter);
        assertThat(find(expiredLongAgo)).isPresent();
        assertThat(find(expiringNow)).isPresent();
    }

    @Test
    void listPendingShowsOnlyTheWorkspacesInvitations() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        List<Invitation> mine = insertShuffled(workspace, 3);
        List<Invitation> theirs = insertShuffled(other, 2);

        assertThat(pending(workspace)).containsExactlyElementsOf(mine);
        assertThat(pending(other)).containsExactlyElementsOf(theirs);
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        Invitation stored = insert(pendingInvitation(workspace));

        Concurrently.Outcomes<Invitation> outcomes = Concurrently.run(i -> update(i % 2 == 0
                ? stored.accepted(data.userId(), data.instant()) : stored.revoked(data.instant())));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(find(stored)).contains(outcomes.successes().get(0));
        assertThat(pending(workspace)).isEmpty();
    }

    @Test
    void concurrentInsertsOfOneTokenHashLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        String tokenHash = data.tokenHash();

        Concurrently.Outcomes<Invitation> outcomes = Concurrently.run(i ->
                insert(data.anInvitation(workspace.tenantId(), workspace.id()).tokenHash(tokenHash)
                        .expiresAt(NOW.plus(Duration.ofDays(1))).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(invitations().findByTokenHash(workspace.tenantId(), tokenHash)).contains(outcomes.successes().get(0));
        assertThat(pending(workspace)).containsExactly(outcomes.successes().get(0));
    }
}
