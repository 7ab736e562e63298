package io.clientworkspace.tck;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.DUPLICATE_EXTERNAL_REF;
import static io.clientworkspace.ConflictException.Reason.DUPLICATE_SLUG;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The contract of {@link WorkspaceStore}: versions, ids, slugs and external references unique per
 * tenant, tenant scope on every read, ordering and keyset pagination by slug, {@code listForMember}
 * and {@code findForUpdate}. Extend it and implement {@link #createStores()}.
 */
public abstract class WorkspaceStoreContract extends StoreContractSupport {

    private static final java.util.Set<io.clientworkspace.member.WorkspaceRole> ALL_ROLES =
            java.util.EnumSet.allOf(io.clientworkspace.member.WorkspaceRole.class);

    private WorkspaceStore workspaces() {
        return stores().workspaces();
    }

    private Workspace insert(Workspace workspace) {
        return inUnitOfWork(() -> workspaces().insert(workspace));
    }

    private Workspace update(Workspace workspace) {
        return inUnitOfWork(() -> workspaces().update(workspace));
    }

    private Membership join(Workspace workspace, UserId userId) {
        return inUnitOfWork(() -> stores().memberships().insert(data.aMembership(workspace.tenantId(), workspace.id())
                .userId(userId).role(WorkspaceRole.CLIENT_CONTRIBUTOR).build()));
    }

    /** Inserts {@code count} workspaces of the tenant in shuffled order; returns them sorted by slug. */
    private List<Workspace> insertShuffled(TenantId tenantId, int count) {
        List<Workspace> created = new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> data.workspace(tenantId)).toList());
        Collections.shuffle(created);
        List<Workspace> stored = new ArrayList<>(created.stream().map(this::insert).toList());
        stored.sort(Comparator.comparing(Workspace::slug));
        return stored;
    }

    private static Workspace renamed(Workspace workspace, String name) {
        return workspace.withName(name, workspace.updatedAt().plusSeconds(1));
    }

    @Test
    void insertStoresVersionZeroWhateverTheArgumentCarries() {
        Tenant tenant = storedTenant();

        Workspace stored = insert(data.aWorkspace(tenant.id()).version(9).build());

        assertThat(stored.version()).isZero();
        assertThat(workspaces().find(tenant.id(), stored.id())).get().extracting(Workspace::version).isEqualTo(0L);
    }

    @Test
    void findReturnsTheInsertedWorkspace() {
        Tenant tenant = storedTenant();
        Workspace workspace = data.aWorkspace(tenant.id())
                .branding(Branding.none().withDisplayName("Ærø & Co — “portal”").withAccentColor("#0a0B0c")
                        .withLogoRef("https://example.com/logo.png"))
                .build();

        Workspace stored = insert(workspace);

        assertThat(stored).isEqualTo(workspace);
        assertThat(workspaces().find(tenant.id(), workspace.id())).contains(workspace);
    }

    @Test
    void aWorkspaceWithoutExternalRefOrBrandingRoundTrips() {
        Tenant tenant = storedTenant();
        Workspace workspace = data.aWorkspace(tenant.id()).noExternalRef().branding(Branding.none())
                .status(WorkspaceStatus.ARCHIVED).build();

        insert(workspace);

        assertThat(workspaces().find(tenant.id(), workspace.id())).contains(workspace);
    }

    @Test
    void findBySlugReturnsTheWorkspace() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        insert(data.workspace(tenant.id()));

        assertThat(workspaces().findBySlug(tenant.id(), stored.slug())).contains(stored);
        assertThat(workspaces().findBySlug(tenant.id(), data.slug())).isEmpty();
    }

    @Test
    void findByExternalRefReturnsTheWorkspace() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        insert(data.workspace(tenant.id()));

        assertThat(workspaces().findByExternalRef(tenant.id(), stored.externalRef().orElseThrow())).contains(stored);
        assertThat(workspaces().findByExternalRef(tenant.id(), data.externalRef())).isEmpty();
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        Tenant tenant = storedTenant();
        insert(data.workspace(tenant.id()));

        assertThat(workspaces().find(tenant.id(), unknownWorkspaceId())).isEmpty();
    }

    @Test
    void insertOfATakenIdIsAlreadyExistsAndStoresNothing() {
        Tenant tenant = storedTenant();
        Workspace first = insert(data.workspace(tenant.id()));
        Workspace clash = data.aWorkspace(tenant.id()).id(first.id()).build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(workspaces().find(tenant.id(), first.id())).contains(first);
        assertThat(workspaces().findBySlug(tenant.id(), clash.slug())).isEmpty();
        assertThat(workspaces().findByExternalRef(tenant.id(), clash.externalRef().orElseThrow())).isEmpty();
        assertThat(workspaces().count(tenant.id())).isEqualTo(1);
    }

    @Test
    void insertOfATakenSlugIsDuplicateSlugAndStoresNothing() {
        Tenant tenant = storedTenant();
        Workspace first = insert(data.workspace(tenant.id()));
        Workspace clash = data.aWorkspace(tenant.id()).slug(first.slug()).build();

        assertConflict(DUPLICATE_SLUG, () -> insert(clash));

        assertThat(workspaces().find(tenant.id(), clash.id())).isEmpty();
        assertThat(workspaces().findBySlug(tenant.id(), first.slug())).contains(first);
        assertThat(workspaces().findByExternalRef(tenant.id(), clash.externalRef().orElseThrow())).isEmpty();
        assertThat(workspaces().count(tenant.id())).isEqualTo(1);
    }

    @Test
    void insertOfATakenExternalRefIsDuplicateExternalRefAndStoresNothing() {
        Tenant tenant = storedTenant();
        Workspace first = insert(data.workspace(tenant.id()));
        Workspace clash = data.aWorkspace(tenant.id()).externalRef(first.externalRef().orElseThrow()).build();

        assertConflict(DUPLICATE_EXTERNAL_REF, () -> insert(clash));

        assertThat(workspaces().find(tenant.id(), clash.id())).isEmpty();
        assertThat(workspaces().findBySlug(tenant.id(), clash.slug())).isEmpty();
        assertThat(workspaces().findByExternalRef(tenant.id(), first.externalRef().orElseThrow())).contains(first);
        assertThat(workspaces().count(tenant.id())).isEqualTo(1);
    }

    @Test
    void workspacesWithoutExternalRefNeverClash() {
        Tenant tenant = storedTenant();

        insert(data.aWorkspace(tenant.id()).noExternalRef().build());
        insert(data.aWorkspace(tenant.id()).noExternalRef().build());

        assertThat(workspaces().count(tenant.id())).isEqualTo(2);
    }

    @Test
    void slugsAreUniquePerTenantOnly() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        Workspace mine = insert(data.workspace(tenant.id()));

        Workspace theirs = insert(data.aWorkspace(other.id()).slug(mine.slug()).build());

        assertThat(workspaces().findBySlug(tenant.id(), mine.slug())).contains(mine);
        assertThat(workspaces().findBySlug(other.id(), mine.slug())).contains(theirs);
    }

    @Test
    void externalRefsAreUniquePerTenantOnly() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        Workspace mine = insert(data.workspace(tenant.id()));
        String ref = mine.externalRef().orElseThrow();

        Workspace theirs = insert(data.aWorkspace(other.id()).externalRef(ref).build());

        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).contains(mine);
        assertThat(workspaces().findByExternalRef(other.id(), ref)).contains(theirs);
    }

    @Test
    void updateIncrementsTheVersionAndStoresEveryChangedField() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        Instant later = stored.updatedAt().plusSeconds(60);
        Workspace changed = stored.withName("New name", later)
                .withExternalRef(Optional.of(data.externalRef()), later)
                .withBranding(Branding.none().withAccentColor("#FFFFFF"), later)
                .withStatus(WorkspaceStatus.ARCHIVED, later);

        Workspace updated = update(changed);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated).usingRecursiveComparison().ignoringFields("version").isEqualTo(changed);
        assertThat(workspaces().find(tenant.id(), stored.id())).contains(updated);
        assertThat(workspaces().findBySlug(tenant.id(), stored.slug())).contains(updated);
        assertThat(workspaces().findByExternalRef(tenant.id(), changed.externalRef().orElseThrow())).contains(updated);
    }

    @Test
    void updateNeverChangesTheSlug() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        String otherSlug = data.slug();
        Workspace withOtherSlug = data.aWorkspace(tenant.id()).id(stored.id()).slug(otherSlug)
                .externalRef(stored.externalRef().orElseThrow()).build();

        Throwable thrown = catchThrowable(() -> update(withOtherSlug));

        assertThat(thrown).as("a store may refuse the change, but only with a WorkspaceException")
                .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(WorkspaceException.class));
        assertThat(workspaces().find(tenant.id(), stored.id())).get().extracting(Workspace::slug).isEqualTo(stored.slug());
        assertThat(workspaces().findBySlug(tenant.id(), otherSlug)).isEmpty();
        assertThat(workspaces().findBySlug(tenant.id(), stored.slug())).isPresent();
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        Workspace current = update(renamed(stored, "Current"));

        assertConflict(STALE_VERSION, () -> update(renamed(stored, "Lost update")));

        assertThat(workspaces().find(tenant.id(), stored.id())).contains(current);
    }

    @Test
    void updateWithAVersionAheadOfTheStoredOneIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        Workspace current = update(renamed(stored, "Current"));

        assertConflict(STALE_VERSION, () -> update(data.aWorkspace(tenant.id()).id(stored.id()).slug(stored.slug())
                .version(current.version() + 1).build()));

        assertThat(workspaces().find(tenant.id(), stored.id())).contains(current);
    }

    @Test
    void updateOfAMissingWorkspaceIsAStaleVersionConflictAndStoresNothing() {
        Tenant tenant = storedTenant();
        Workspace missing = data.workspace(tenant.id());

        assertConflict(STALE_VERSION, () -> update(missing));

        assertThat(workspaces().find(tenant.id(), missing.id())).isEmpty();
        assertThat(workspaces().findBySlug(tenant.id(), missing.slug())).isEmpty();
        assertThat(workspaces().count(tenant.id())).isZero();
    }

    @Test
    void updateInAnotherTenantIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        Workspace hijack = data.aWorkspace(other.id()).id(stored.id()).slug(stored.slug()).name("Hijacked").build();

        assertConflict(STALE_VERSION, () -> update(hijack));

        assertThat(workspaces().find(tenant.id(), stored.id())).contains(stored);
        assertThat(workspaces().find(other.id(), stored.id())).isEmpty();
        assertThat(workspaces().count(other.id())).isZero();
    }

    @Test
    void updateToAnotherWorkspacesExternalRefIsDuplicateExternalRefAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace first = insert(data.workspace(tenant.id()));
        Workspace second = insert(data.workspace(tenant.id()));

        assertConflict(DUPLICATE_EXTERNAL_REF, () -> update(second.withExternalRef(first.externalRef(),
                second.updatedAt().plusSeconds(1))));

        assertThat(workspaces().find(tenant.id(), second.id())).contains(second);
        assertThat(workspaces().findByExternalRef(tenant.id(), first.externalRef().orElseThrow())).contains(first);
        assertThat(workspaces().findByExternalRef(tenant.id(), second.externalRef().orElseThrow())).contains(second);
    }

    @Test
    void updateMayKeepItsOwnExternalRef() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));

        Workspace updated = update(renamed(stored, "Same reference"));

        assertThat(updated.externalRef()).isEqualTo(stored.externalRef());
        assertThat(workspaces().findByExternalRef(tenant.id(), stored.externalRef().orElseThrow())).contains(updated);
    }

    @Test
    void updateToAnExternalRefUsedInAnotherTenantSucceeds() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        Workspace theirs = insert(data.workspace(other.id()));
        Workspace mine = insert(data.workspace(tenant.id()));

        Workspace updated = update(mine.withExternalRef(theirs.externalRef(), mine.updatedAt().plusSeconds(1)));

        assertThat(workspaces().findByExternalRef(tenant.id(), theirs.externalRef().orElseThrow())).contains(updated);
        assertThat(workspaces().findByExternalRef(other.id(), theirs.externalRef().orElseThrow())).contains(theirs);
    }

    @Test
    void removingTheExternalRefFreesItForAnotherWorkspace() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        String ref = stored.externalRef().orElseThrow();

        Workspace unlinked = update(stored.withExternalRef(Optional.empty(), stored.updatedAt().plusSeconds(1)));

        assertThat(unlinked.externalRef()).isEmpty();
        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).isEmpty();
        Workspace next = insert(data.aWorkspace(tenant.id()).externalRef(ref).build());
        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).contains(next);
    }

    @Test
    void changingTheExternalRefFreesTheOldOne() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        String oldRef = stored.externalRef().orElseThrow();
        String newRef = data.externalRef();

        Workspace relinked = update(stored.withExternalRef(Optional.of(newRef), stored.updatedAt().plusSeconds(1)));

        assertThat(workspaces().findByExternalRef(tenant.id(), oldRef)).isEmpty();
        assertThat(workspaces().findByExternalRef(tenant.id(), newRef)).contains(relinked);
        Workspace other = insert(data.workspace(tenant.id()));
        assertThat(update(other.withExternalRef(Optional.of(oldRef), other.updatedAt().plusSeconds(1))).externalRef())
                .contains(oldRef);
    }

    @Test
    void readsWithAnotherTenantSeeNothing() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        UserId member = data.userId();
        join(stored, member);

        assertThat(workspaces().find(other.id(), stored.id())).isEmpty();
        assertThat(workspaces().findBySlug(other.id(), stored.slug())).isEmpty();
        assertThat(workspaces().findByExternalRef(other.id(), stored.externalRef().orElseThrow())).isEmpty();
        assertThat(workspaces().findForUpdate(other.id(), stored.id())).isEmpty();
        assertThat(inUnitOfWork(() -> workspaces().findForUpdate(other.id(), stored.id()))).isEmpty();
        assertThat(workspaces().list(other.id(), Optional.empty(), 10)).isEmpty();
        assertThat(workspaces().listForMember(other.id(), member, ALL_ROLES, Optional.empty(), 10)).isEmpty();
        assertThat(workspaces().count(other.id())).isZero();
    }

    @Test
    void listOrdersWorkspacesBySlug() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 5);

        assertThat(workspaces().list(tenant.id(), Optional.empty(), 10)).containsExactlyElementsOf(sorted);
    }

    @Test
    void listStartsStrictlyAfterTheGivenSlug() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 5);

        assertThat(workspaces().list(tenant.id(), Optional.of(sorted.get(0).slug()), 10))
                .containsExactlyElementsOf(sorted.subList(1, 5));
    }

    @Test
    void listReturnsAtMostLimitWorkspaces() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 5);

        assertThat(workspaces().list(tenant.id(), Optional.empty(), 2)).containsExactlyElementsOf(sorted.subList(0, 2));
        assertThat(workspaces().list(tenant.id(), Optional.of(sorted.get(1).slug()), 2))
                .containsExactlyElementsOf(sorted.subList(2, 4));
    }

    @Test
    void walkingAllPagesYieldsEveryWorkspaceOnceInOrder() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 10);

        List<Workspace> walked = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<Workspace> page = workspaces().list(tenant.id(), after, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = Optional.of(page.get(page.size() - 1).slug());
        }

        assertThat(walked).containsExactlyElementsOf(sorted);
    }

    @Test
    void listShowsOnlyTheTenantsWorkspaces() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        List<Workspace> mine = insertShuffled(tenant.id(), 3);
        List<Workspace> theirs = insertShuffled(other.id(), 4);

        assertThat(workspaces().list(tenant.id(), Optional.empty(), 10)).containsExactlyElementsOf(mine);
        assertThat(workspaces().list(other.id(), Optional.empty(), 10)).containsExactlyElementsOf(theirs);
    }

    @Test
    void listForMemberReturnsOnlyWorkspacesWhereTheUserHoldsAMembership() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 6);
        UserId user = data.userId();
        join(sorted.get(4), user);
        join(sorted.get(1), user);
        join(sorted.get(2), data.userId());

        assertThat(workspaces().listForMember(tenant.id(), user, ALL_ROLES, Optional.empty(), 10))
                .containsExactly(sorted.get(1), sorted.get(4));
    }

    @Test
    void listForMemberCountsOnlyMembershipsWithOneOfTheGivenRoles() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 3);
        UserId user = data.userId();
        join(sorted.get(0), user);
        inUnitOfWork(() -> stores().memberships().insert(data.aMembership(tenant.id(), sorted.get(2).id())
                .userId(user).role(WorkspaceRole.MEMBER).build()));

        assertThat(workspaces().listForMember(tenant.id(), user,
                java.util.EnumSet.of(WorkspaceRole.MEMBER, WorkspaceRole.LEAD), Optional.empty(), 10))
                .containsExactly(sorted.get(2));
        assertThat(workspaces().listForMember(tenant.id(), user,
                java.util.EnumSet.of(WorkspaceRole.CLIENT_CONTRIBUTOR), Optional.empty(), 10))
                .containsExactly(sorted.get(0));
        assertThat(workspaces().listForMember(tenant.id(), user,
                java.util.EnumSet.noneOf(WorkspaceRole.class), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void listForMemberPagesBySlug() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 8);
        UserId user = data.userId();
        List<Workspace> joined = List.of(sorted.get(0), sorted.get(2), sorted.get(3), sorted.get(5), sorted.get(7));
        joined.forEach(w -> join(w, user));

        assertThat(workspaces().listForMember(tenant.id(), user, ALL_ROLES, Optional.empty(), 2))
                .containsExactlyElementsOf(joined.subList(0, 2));
        assertThat(workspaces().listForMember(tenant.id(), user, ALL_ROLES, Optional.of(sorted.get(2).slug()), 2))
                .containsExactlyElementsOf(joined.subList(2, 4));
        assertThat(workspaces().listForMember(tenant.id(), user, ALL_ROLES, Optional.of(sorted.get(6).slug()), 2))
                .containsExactly(sorted.get(7));
    }

    @Test
    void listForMemberFillsEachPageWithWorkspacesWhereTheRoleIsOneOfTheGiven() {
        Tenant tenant = storedTenant();
        List<Workspace> sorted = insertShuffled(tenant.id(), 7);
        UserId user = data.userId();
        for (int i = 0; i < sorted.size(); i++) {
            WorkspaceRole role = i % 2 == 0 ? WorkspaceRole.MEMBER : WorkspaceRole.CLIENT_VIEWER;
            Workspace workspace = sorted.get(i);
            inUnitOfWork(() -> stores().memberships().insert(data.aMembership(tenant.id(), workspace.id())
                    .userId(user).role(role).build()));
        }
        java.util.Set<WorkspaceRole> team = java.util.EnumSet.of(WorkspaceRole.LEAD, WorkspaceRole.MEMBER);

        assertThat(workspaces().listForMember(tenant.id(), user, team, Optional.empty(), 2))
                .containsExactly(sorted.get(0), sorted.get(2));
        assertThat(workspaces().listForMember(tenant.id(), user, team, Optional.of(sorted.get(2).slug()), 2))
                .containsExactly(sorted.get(4), sorted.get(6));
        assertThat(workspaces().listForMember(tenant.id(), user, team, Optional.of(sorted.get(5).slug()), 2))
                .containsExactly(sorted.get(6));
    }

    @Test
    void listForMemberIgnoresMembershipsInOtherTenants() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        Workspace mine = insert(data.workspace(tenant.id()));
        Workspace theirs = insert(data.workspace(other.id()));
        UserId user = data.userId();
        join(mine, user);
        join(theirs, user);

        assertThat(workspaces().listForMember(tenant.id(), user, ALL_ROLES, Optional.empty(), 10)).containsExactly(mine);
        assertThat(workspaces().listForMember(other.id(), user, ALL_ROLES, Optional.empty(), 10)).containsExactly(theirs);
    }

    @Test
    void listForMemberForgetsAWorkspaceOnceTheMembershipIsDeleted() {
        Tenant tenant = storedTenant();
        Workspace workspace = insert(data.workspace(tenant.id()));
        UserId user = data.userId();
        Membership membership = join(workspace, user);

        runInUnitOfWork(() -> stores().memberships().delete(tenant.id(), workspace.id(), user, membership.version()));

        assertThat(workspaces().listForMember(tenant.id(), user, ALL_ROLES, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void countCountsOnlyTheTenantsWorkspaces() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        insertShuffled(tenant.id(), 3);
        insertShuffled(other.id(), 2);

        assertThat(workspaces().count(tenant.id())).isEqualTo(3);
        assertThat(workspaces().count(other.id())).isEqualTo(2);
        assertThat(workspaces().count(data.tenantId())).isZero();
    }

    @Test
    void findForUpdateOutsideAUnitOfWorkIsLikeFind() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));

        assertThat(workspaces().findForUpdate(tenant.id(), stored.id())).contains(stored);
        assertThat(workspaces().findForUpdate(tenant.id(), unknownWorkspaceId())).isEmpty();
    }

    @Test
    void findForUpdateInsideAUnitOfWorkReturnsTheWorkspace() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));

        assertThat(inUnitOfWork(() -> workspaces().findForUpdate(tenant.id(), stored.id()))).contains(stored);
    }

    @Test
    void concurrentInsertsOfOneSlugLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        String slug = data.slug();

        Concurrently.Outcomes<Workspace> outcomes = Concurrently.run(i ->
                insert(data.aWorkspace(tenant.id()).slug(slug).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(DUPLICATE_SLUG, failure));
        assertThat(workspaces().list(tenant.id(), Optional.empty(), 20)).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentInsertsOfOneExternalRefLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        String ref = data.externalRef();

        Concurrently.Outcomes<Workspace> outcomes = Concurrently.run(i ->
                insert(data.aWorkspace(tenant.id()).externalRef(ref).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(DUPLICATE_EXTERNAL_REF, failure));
        assertThat(workspaces().count(tenant.id())).isEqualTo(1);
        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).contains(outcomes.successes().get(0));
    }

    @Test
    void concurrentUpdatesClaimingOneExternalRefLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        List<Workspace> candidates = IntStream.range(0, Concurrently.THREADS)
                .mapToObj(i -> insert(data.workspace(tenant.id()))).toList();
        String ref = data.externalRef();

        Concurrently.Outcomes<Workspace> outcomes = Concurrently.run(i -> update(candidates.get(i)
                .withExternalRef(Optional.of(ref), candidates.get(i).updatedAt().plusSeconds(1))));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(DUPLICATE_EXTERNAL_REF, failure));
        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).contains(outcomes.successes().get(0));
    }

    // ---- setExternalRef: the host's bookkeeping, never a new version ----

    private Workspace setExternalRef(Workspace workspace, Optional<String> ref) {
        return inUnitOfWork(() -> workspaces().setExternalRef(workspace.tenantId(), workspace.id(), ref));
    }

    @Test
    void setExternalRefChangesTheReferenceButNeitherTheVersionNorUpdatedAt() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        String newRef = data.externalRef();

        Workspace relinked = setExternalRef(stored, Optional.of(newRef));

        assertThat(relinked.externalRef()).contains(newRef);
        assertThat(relinked.version()).isEqualTo(stored.version());
        assertThat(relinked.updatedAt()).isEqualTo(stored.updatedAt());
        assertThat(workspaces().find(tenant.id(), stored.id())).contains(relinked);
        assertThat(workspaces().findByExternalRef(tenant.id(), newRef)).contains(relinked);
        assertThat(workspaces().findByExternalRef(tenant.id(), stored.externalRef().orElseThrow())).isEmpty();
        assertThat(update(renamed(relinked, "Still versioned")).version()).isEqualTo(stored.version() + 1);
    }

    @Test
    void setExternalRefToEmptyUnlinksAndFreesTheReference() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));
        String ref = stored.externalRef().orElseThrow();

        Workspace unlinked = setExternalRef(stored, Optional.empty());

        assertThat(unlinked.externalRef()).isEmpty();
        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).isEmpty();
        Workspace next = insert(data.aWorkspace(tenant.id()).externalRef(ref).build());
        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).contains(next);
    }

    @Test
    void setExternalRefToAnotherWorkspacesReferenceIsDuplicateExternalRefAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace first = insert(data.workspace(tenant.id()));
        Workspace second = insert(data.workspace(tenant.id()));

        assertConflict(DUPLICATE_EXTERNAL_REF, () -> setExternalRef(second, first.externalRef()));

        assertThat(workspaces().find(tenant.id(), second.id())).contains(second);
        assertThat(workspaces().findByExternalRef(tenant.id(), first.externalRef().orElseThrow())).contains(first);
    }

    @Test
    void setExternalRefOfAWorkspaceOfAnotherTenantIsStaleVersionAndChangesNothing() {
        Workspace stored = insert(data.workspace(storedTenant().id()));
        Tenant other = storedTenant();

        assertConflict(STALE_VERSION, () -> inUnitOfWork(() -> workspaces().setExternalRef(other.id(), stored.id(),
                Optional.of(data.externalRef()))));

        assertThat(workspaces().find(stored.tenantId(), stored.id())).contains(stored);
        assertThat(workspaces().count(other.id())).isZero();
    }

    @Test
    void concurrentSetExternalRefsClaimingOneReferenceLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        List<Workspace> candidates = IntStream.range(0, Concurrently.THREADS)
                .mapToObj(i -> insert(data.workspace(tenant.id()))).toList();
        String ref = data.externalRef();

        Concurrently.Outcomes<Workspace> outcomes = Concurrently.run(i -> setExternalRef(candidates.get(i), Optional.of(ref)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(DUPLICATE_EXTERNAL_REF, failure));
        assertThat(workspaces().findByExternalRef(tenant.id(), ref)).contains(outcomes.successes().get(0));
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));

        Concurrently.Outcomes<Workspace> outcomes = Concurrently.run(i -> update(renamed(stored, "Writer " + i)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(workspaces().find(tenant.id(), stored.id())).contains(outcomes.successes().get(0));
    }

    @Test
    void findForUpdateMakesReadModifyWriteCyclesRunOneAfterAnother() {
        Tenant tenant = storedTenant();
        Workspace stored = insert(data.workspace(tenant.id()));

        Concurrently.Outcomes<Workspace> outcomes = Concurrently.run(i -> inUnitOfWork(() -> {
            Workspace current = workspaces().findForUpdate(tenant.id(), stored.id()).orElseThrow();
            return workspaces().update(renamed(current, current.name() + " +" + i));
        }));

        assertThat(outcomes.failures()).as("a locked read-modify-write never sees a stale version").isEmpty();
        assertThat(outcomes.successes()).extracting(Workspace::version)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, Concurrently.THREADS)
                        .mapToObj(i -> (long) i).toList());
        assertThat(workspaces().find(tenant.id(), stored.id())).get().extracting(Workspace::version)
                .isEqualTo((long) Concurrently.THREADS);
    }
}
