package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.ClientRole;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.NewClientRole;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.record.Money;
import io.clientworkspace.record.NewLinkedRecord;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.spi.ClientRoleStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.clientworkspace.member.Permission.DECIDE_APPROVALS;
import static io.clientworkspace.member.Permission.UPLOAD_FILES;
import static io.clientworkspace.member.Permission.VIEW_BILLING;
import static io.clientworkspace.member.Permission.VIEW_WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Custom client roles through {@link WorkspaceKit#accessPolicies()} and {@link WorkspaceKit#members()} on the stores
 * under test: definitions checked (every bad field at once; never a team-only permission), tenant admins only,
 * idempotent and versioned redefinition, a member assigned to a role holds exactly its permissions (also right after
 * a redefinition), removal refused while held, the tenant boundary, and the {@link ClientRoleStore} and
 * {@code MembershipStore} parts it rests on. Extend it and implement {@link #createStores()}.
 */
public abstract class ClientRolesContract extends StoreContractSupport {

    private static final NewClientRole FINANCE = new NewClientRole("finance", "Finance", WorkspaceRole.CLIENT_VIEWER,
            Set.of(VIEW_WORKSPACE, VIEW_BILLING, DECIDE_APPROVALS));

    private final AtomicLong ids = new AtomicLong();
    private WorkspaceKit kit;
    private TenantId tenant;
    private Actor admin;
    private Actor manager;
    private Actor client;
    private Workspace ws;

    @BeforeEach
    final void buildWorld() {
        kit = WorkspaceKit.builder().stores(stores()).cacheTicker(() -> 0L)
                .idGenerator(() -> String.format("crl%09d", ids.incrementAndGet()))
                .userDirectory((t, u) -> true).build();
        String prefix = data.unique("cr");
        tenant = kit.tenants().create("Agency " + prefix, UserId.of("admin" + prefix)).id();
        admin = Actor.team(tenant, "admin" + prefix);
        manager = Actor.team(tenant, "manager" + prefix);
        kit.tenants().addTeamMember(admin, manager.userId(), TenantRole.ACCOUNT_MANAGER);
        ws = kit.workspaces().create(admin, NewWorkspace.of("Acme", "acme"));
        client = Actor.client(tenant, "dave" + prefix);
        kit.members().add(admin, ws.id(), client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    private ClientRole define(NewClientRole role) {
        return kit.accessPolicies().defineClientRole(admin, role, OptionalLong.empty());
    }

    private Membership assign(Optional<String> key) {
        return kit.members().assignClientRole(admin, ws.id(), client.userId(), key);
    }

    @Test
    void aTenantAdminDefinesARoleAndTheTeamReadsIt() {
        ClientRole finance = define(FINANCE);

        assertThat(finance.version()).isZero();
        assertThat(finance.permissions()).containsExactlyInAnyOrder(VIEW_WORKSPACE, VIEW_BILLING, DECIDE_APPROVALS);
        assertThat(kit.accessPolicies().clientRoles(manager)).containsExactly(finance);
        assertThat(kit.accessPolicies().clientRole(manager, "finance")).contains(finance);
    }

    @Test
    void aBadDefinitionReportsEveryFieldAtOnceNamingEachTeamOnlyPermission() {
        NewClientRole bad = new NewClientRole("Finance!", " ", WorkspaceRole.MEMBER,
                Set.of(Permission.VIEW_INTERNAL, Permission.MANAGE_RECORDS));

        assertThatThrownBy(() -> define(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.fieldErrors()).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("key", "label", "base", "permissions", "permissions", "permissions");
            assertThat(e.fieldErrors()).extracting(FieldError::message).anyMatch(m -> m.contains("VIEW_INTERNAL"))
                    .anyMatch(m -> m.contains("MANAGE_RECORDS")).anyMatch(m -> m.contains("VIEW_WORKSPACE"));
        });
        assertThat(kit.accessPolicies().clientRoles(admin)).isEmpty();
    }

    @Test
    void onlyTenantAdminsDefineAndClientsLearnNothing() {
        assertThatThrownBy(() -> kit.accessPolicies().defineClientRole(manager, FINANCE, OptionalLong.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.accessPolicies().clientRoles(client)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.accessPolicies().defineClientRole(client, FINANCE, OptionalLong.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSameDefinitionAgainChangesNothingAndAChangeRaisesTheVersion() {
        define(FINANCE);

        assertThat(define(FINANCE).version()).isZero();
        ClientRole changed = kit.accessPolicies().defineClientRole(admin, new NewClientRole("finance", "Finance team",
                WorkspaceRole.CLIENT_VIEWER, FINANCE.permissions()), OptionalLong.of(0));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.label()).isEqualTo("Finance team");
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> kit.accessPolicies().defineClientRole(admin,
                FINANCE, OptionalLong.of(0)));
    }

    @Test
    void aMemberWithACustomRoleHoldsExactlyItsPermissions() {
        define(FINANCE);

        Membership assigned = assign(Optional.of("finance"));

        assertThat(assigned.clientRole()).contains("finance");
        assertThat(assigned.role()).isEqualTo(WorkspaceRole.CLIENT_VIEWER);
        assertThat(kit.authorizer().permissions(client, ws.id()))
                .containsExactlyInAnyOrder(VIEW_WORKSPACE, VIEW_BILLING, DECIDE_APPROVALS);
        assertThat(kit.members().find(admin, ws.id(), client.userId()).flatMap(Membership::clientRole))
                .contains("finance");
    }

    @Test
    void aFinanceContactSeesInvoicesThatTheBuiltInContributorRoleHides() {
        kit.records().upsert(admin, ws.id(), NewLinkedRecord.builder(RecordType.INVOICE, "INV-1", "Deposit", "OPEN")
                .amount(Money.of("100", "EUR")).dueOn(LocalDate.of(2031, 1, 1)).build(), OptionalLong.empty());
        assertThat(kit.records().find(client, ws.id(), RecordType.INVOICE, "INV-1")).isEmpty();
        define(FINANCE);

        assign(Optional.of("finance"));

        assertThat(kit.records().find(client, ws.id(), RecordType.INVOICE, "INV-1")).isPresent();
    }

    @Test
    void aRedefinitionTakesEffectForHoldersAtOnce() {
        define(FINANCE);
        assign(Optional.of("finance"));
        assertThat(kit.authorizer().can(client, ws.id(), UPLOAD_FILES)).isFalse();

        define(new NewClientRole("finance", "Finance", WorkspaceRole.CLIENT_VIEWER,
                EnumSet.of(VIEW_WORKSPACE, VIEW_BILLING, UPLOAD_FILES)));

        assertThat(kit.authorizer().can(client, ws.id(), UPLOAD_FILES)).isTrue();
        assertThat(kit.authorizer().can(client, ws.id(), DECIDE_APPROVALS)).isFalse();
    }

    @Test
    void takingTheRoleAwayLeavesItsBaseRole() {
        define(FINANCE);
        assign(Optional.of("finance"));

        Membership plain = assign(Optional.empty());

        assertThat(plain.clientRole()).isEmpty();
        assertThat(plain.role()).isEqualTo(WorkspaceRole.CLIENT_VIEWER);
        assertThat(kit.authorizer().permissions(client, ws.id())).containsExactly(VIEW_WORKSPACE);
    }

    @Test
    void anUnknownRoleOrATeamMemberIsRefusedOnTheirField() {
        assertThatThrownBy(() -> assign(Optional.of("nobody"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("clientRole"));
        define(FINANCE);
        assertThatThrownBy(() -> kit.members().assignClientRole(admin, ws.id(), admin.userId(),
                Optional.of("finance"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("userId"));
    }

    @Test
    void assigningNeedsManageMembers() {
        define(FINANCE);

        assertThatThrownBy(() -> kit.members().assignClientRole(client, ws.id(), client.userId(),
                Optional.of("finance"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aHeldRoleCannotBeRemovedAndTheMessageSaysHowMany() {
        define(FINANCE);
        assign(Optional.of("finance"));

        assertThatThrownBy(() -> kit.accessPolicies().removeClientRole(admin, "finance", OptionalLong.empty()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
                    assertThat(e.getMessage()).contains("1 membership");
                });
        assign(Optional.empty());
        kit.accessPolicies().removeClientRole(admin, "finance", OptionalLong.of(0));
        assertThat(kit.accessPolicies().clientRoles(admin)).isEmpty();
    }

    @Test
    void theBaseOfAHeldRoleCannotChange() {
        define(FINANCE);
        assign(Optional.of("finance"));

        assertConflict(ConflictException.Reason.INVALID_STATE, () -> define(new NewClientRole("finance", "Finance",
                WorkspaceRole.CLIENT_ADMIN, FINANCE.permissions())));
    }

    @Test
    void changingTheBuiltInRoleDropsTheCustomOne() {
        define(FINANCE);
        assign(Optional.of("finance"));

        Membership changed = kit.members().changeRole(admin, ws.id(), client.userId(), WorkspaceRole.CLIENT_ADMIN);

        assertThat(changed.clientRole()).isEmpty();
        assertThat(kit.authorizer().can(client, ws.id(), Permission.INVITE_CLIENTS)).isTrue();
    }

    @Test
    void anotherTenantsRolesAreInvisibleAndUnassignable() {
        define(FINANCE);
        TenantId otherTenant = kit.tenants().create("Other " + data.unique("o"), UserId.of("other-admin")).id();
        Actor otherAdmin = Actor.team(otherTenant, "other-admin");

        assertThat(kit.accessPolicies().clientRoles(otherAdmin)).isEmpty();
        Workspace otherWs = kit.workspaces().create(otherAdmin, NewWorkspace.of("Globex", "globex"));
        kit.members().add(otherAdmin, otherWs.id(), UserId.of("zed"), WorkspaceRole.CLIENT_VIEWER);
        assertThatThrownBy(() -> kit.members().assignClientRole(otherAdmin, otherWs.id(), UserId.of("zed"),
                Optional.of("finance"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void theStoreKeepsRolesPerTenantWithOptimisticVersions() {
        ClientRoleStore store = stores().require(ClientRoleStore.class);
        ClientRole role = new ClientRole(tenant, "marketing", "Marketing", WorkspaceRole.CLIENT_CONTRIBUTOR,
                Set.of(VIEW_WORKSPACE, UPLOAD_FILES), 7);

        ClientRole stored = inUnitOfWork(() -> store.insert(role));
        assertThat(stored.version()).isZero();
        assertConflict(ConflictException.Reason.ALREADY_EXISTS, () -> inUnitOfWork(() -> store.insert(role)));
        ClientRole updated = inUnitOfWork(() -> store.update(new ClientRole(tenant, "marketing", "Marketing 2",
                WorkspaceRole.CLIENT_CONTRIBUTOR, Set.of(VIEW_WORKSPACE), 0)));
        assertThat(updated.version()).isEqualTo(1);
        assertThat(store.find(tenant, "marketing")).contains(updated);
        assertThat(store.find(TenantId.of(data.unique("t")), "marketing")).isEmpty();
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> runInUnitOfWork(() ->
                store.delete(tenant, "marketing", 0)));
        runInUnitOfWork(() -> store.delete(tenant, "marketing", 1));
        assertThat(store.list(tenant)).isEmpty();
    }

    @Test
    void theMembershipStoreKeepsAndCountsClientRoles() {
        define(FINANCE);
        assign(Optional.of("finance"));

        assertThat(stores().memberships().find(tenant, ws.id(), client.userId()).flatMap(Membership::clientRole))
                .contains("finance");
        assertThat(stores().memberships().countByClientRole(tenant, "finance")).isEqualTo(1);
        assertThat(stores().memberships().countByClientRole(tenant, "other")).isZero();
        assertThat(stores().memberships().countByClientRole(TenantId.of(data.unique("t")), "finance")).isZero();
    }

    @Test
    void aMembershipNamingARoleTheStoreNoLongerHasMaySeeTheWorkspaceAndNothingElse() {
        ClientRole marketing = define(new NewClientRole("marketing", "Marketing", WorkspaceRole.CLIENT_ADMIN,
                Set.of(VIEW_WORKSPACE, UPLOAD_FILES)));
        assign(Optional.of("marketing"));
        runInUnitOfWork(() -> stores().find(ClientRoleStore.class).orElseThrow()
                .delete(tenant, "marketing", marketing.version()));

        assertThat(kit.authorizer().grant(client, ws.id()).permissions()).containsExactly(VIEW_WORKSPACE);
    }

    @Test
    void removingARoleWhileItIsAssignedNeverLeavesAMembershipNamingAMissingRole() {
        define(new NewClientRole("marketing", "Marketing", WorkspaceRole.CLIENT_ADMIN, Set.of(VIEW_WORKSPACE)));

        Concurrently.run(2, i -> {
            if (i == 0) {
                kit.accessPolicies().removeClientRole(admin, "marketing", OptionalLong.empty());
            } else {
                assign(Optional.of("marketing"));
            }
            return i;
        });

        boolean roleExists = kit.accessPolicies().clientRole(admin, "marketing").isPresent();
        Optional<String> held = kit.members().find(admin, ws.id(), client.userId()).orElseThrow().clientRole();
        assertThat(held.isEmpty() || roleExists).as("a membership names a removed role").isTrue();
    }
}
