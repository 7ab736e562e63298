package io.clientworkspace.support;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The agency every behaviour test starts from.
 *
 * <p>Tenant "Northwind Agency" with the team roster alice (TENANT_ADMIN), bob (ACCOUNT_MANAGER),
 * tom and tina (TEAM_MEMBER). Workspace "acme" (external reference {@code crm-acme}), created by bob,
 * who is its LEAD; tom is a MEMBER; the clients carol (CLIENT_ADMIN), erin (CLIENT_CONTRIBUTOR) and
 * dave (CLIENT_VIEWER) are members. tina is on the roster but not in acme; zach is a client of the
 * tenant in no workspace; mallory claims to be a team user but is not on the roster.
 *
 * <p>The kit runs on a {@link MutableClock} and a {@link FakeTicker}, and a {@link RecordingListener}
 * records every event (cleared once the fixture is set up).
 */
public final class Fixture {

    public static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    private static final int ALL = 10_000;

    public final MutableClock clock = new MutableClock(START);
    public final FakeTicker ticker = new FakeTicker();
    public final RecordingListener events = new RecordingListener();
    public final WorkspaceKit kit;
    /** The stores the kit was built on, for reading back what a test did (the kit offers no way to them). */
    public final Stores stores;
    public final Tenant tenant;
    public final Actor alice;
    public final Actor bob;
    public final Actor tom;
    public final Actor tina;
    public final Actor mallory;
    public final Actor carol;
    public final Actor erin;
    public final Actor dave;
    public final Actor zach;
    /** acme as created; {@link #acme()} reads its current state. */
    public final Workspace acme;

    private Fixture(Stores stores, Consumer<WorkspaceKit.Builder> customizer) {
        this.stores = stores;
        WorkspaceKit.Builder builder = WorkspaceKit.builder().stores(stores).clock(clock).cacheTicker(ticker).listener(events)
                // Every id the fixture's tests use stands for an existing user (see DirectClientAdditionTest).
                .userDirectory((tenantId, userId) -> true);
        customizer.accept(builder);
        kit = builder.build();
        tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        alice = team("alice");
        bob = team("bob");
        tom = team("tom");
        tina = team("tina");
        mallory = team("mallory");
        carol = client("carol");
        erin = client("erin");
        dave = client("dave");
        zach = client("zach");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, tom.userId(), TenantRole.TEAM_MEMBER);
        kit.tenants().addTeamMember(alice, tina.userId(), TenantRole.TEAM_MEMBER);
        acme = kit.workspaces().create(bob, NewWorkspace.of("Acme Corp", "acme").withExternalRef("crm-acme"));
        kit.members().add(bob, acme.id(), tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(bob, acme.id(), carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, acme.id(), erin.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().add(bob, acme.id(), dave.userId(), WorkspaceRole.CLIENT_VIEWER);
        events.clear();
    }

    /** The standard fixture. */
    public static Fixture create() {
        return new Fixture(InMemoryStores.create(), b -> { });
    }

    /**
     * The standard fixture on fresh in-memory stores and a kit with extra settings (matrix, listeners...); a
     * customizer must not replace the stores (use {@link #create(Stores, Consumer)}).
     */
    public static Fixture create(Consumer<WorkspaceKit.Builder> customizer) {
        return new Fixture(InMemoryStores.create(), customizer);
    }

    /** The standard fixture on the given stores and a kit with extra settings. */
    public static Fixture create(Stores stores, Consumer<WorkspaceKit.Builder> customizer) {
        return new Fixture(stores, customizer);
    }

    /** A team-side actor of the fixture's tenant. */
    public Actor team(String userId) {
        return Actor.team(tenant.id(), userId);
    }

    /** A client-side actor of the fixture's tenant. */
    public Actor client(String userId) {
        return Actor.client(tenant.id(), userId);
    }

    /** acme as stored now. */
    public Workspace acme() {
        return workspace(acme.id());
    }

    /** A workspace of the fixture's tenant as stored now. */
    public Workspace workspace(WorkspaceId id) {
        return stores.workspaces().find(tenant.id(), id).orElseThrow();
    }

    /** Every membership of a workspace of the fixture's tenant, by user id. */
    public List<Membership> members(WorkspaceId id) {
        return stores.memberships().list(tenant.id(), id, Optional.empty(), ALL);
    }

    /** The role of a user in a workspace of the fixture's tenant. */
    public Optional<WorkspaceRole> roleOf(WorkspaceId id, Actor actor) {
        return stores.memberships().find(tenant.id(), id, actor.userId()).map(Membership::role);
    }

    /** The whole activity log of a workspace of the fixture's tenant, oldest first. */
    public List<ActivityEntry> log(WorkspaceId id) {
        return stores.activity().listOldestFirst(tenant.id(), id, 0, ALL);
    }

    /** The latest activity entry of a workspace of the fixture's tenant. */
    public ActivityEntry head(WorkspaceId id) {
        return stores.activity().latest(tenant.id(), id).orElseThrow();
    }

    /** A second tenant, "Globex", administered by olga, with its own workspace "acme" (external reference crm-acme). */
    public OtherTenant otherTenant() {
        Tenant globex = kit.tenants().create("Globex", UserId.of("olga"));
        Actor olga = Actor.team(globex.id(), "olga");
        Workspace workspace = kit.workspaces().create(olga, NewWorkspace.of("Acme at Globex", "acme").withExternalRef("crm-acme"));
        return new OtherTenant(globex, olga, workspace);
    }

    /** The second tenant of {@link #otherTenant()}. */
    public record OtherTenant(Tenant tenant, Actor admin, Workspace workspace) {
        public Actor client(String userId) {
            return Actor.client(tenant.id(), userId);
        }
    }

    /** Everything the stores hold that a failed operation could have changed, in every tenant. */
    public Snapshot snapshot() {
        List<Tenant> tenants = stores.tenants().list(Optional.empty(), ALL);
        Map<TenantId, List<TeamMember>> rosters = new LinkedHashMap<>();
        Map<TenantId, Optional<PermissionMatrix>> matrices = new LinkedHashMap<>();
        Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
        Map<WorkspaceId, List<Membership>> members = new LinkedHashMap<>();
        Map<WorkspaceId, Optional<ActivityEntry>> heads = new LinkedHashMap<>();
        Map<WorkspaceId, List<Invitation>> pending = new LinkedHashMap<>();
        for (Tenant t : tenants) {
            rosters.put(t.id(), stores.team().list(t.id(), Optional.empty(), ALL));
            matrices.put(t.id(), stores.permissionMatrices().find(t.id()));
            for (Workspace w : stores.workspaces().list(t.id(), Optional.empty(), ALL)) {
                workspaces.put(w.id(), w);
                members.put(w.id(), stores.memberships().list(t.id(), w.id(), Optional.empty(), ALL));
                heads.put(w.id(), stores.activity().latest(t.id(), w.id()));
                pending.put(w.id(), stores.invitations().listPending(t.id(), w.id(), Instant.MIN, Optional.empty(), ALL));
            }
        }
        return new Snapshot(tenants, rosters, matrices, workspaces, members, heads, pending);
    }

    /** What {@link #snapshot()} reads. */
    public record Snapshot(List<Tenant> tenants, Map<TenantId, List<TeamMember>> rosters,
                           Map<TenantId, Optional<PermissionMatrix>> matrices, Map<WorkspaceId, Workspace> workspaces,
                           Map<WorkspaceId, List<Membership>> members, Map<WorkspaceId, Optional<ActivityEntry>> activityHeads,
                           Map<WorkspaceId, List<Invitation>> pendingInvitations) {
    }

    /**
     * Runs an operation that must fail with {@code type}, and checks that it changed nothing: the
     * stores read the same afterwards and no event was delivered. Returns the exception for further checks.
     */
    public <T extends Throwable> T rejects(Class<T> type, ThrowingCallable operation) {
        Snapshot before = snapshot();
        List<DomainEvent> eventsBefore = events.all();
        Throwable thrown = catchThrowable(operation);
        assertThat(thrown).as("the operation's failure").isInstanceOf(type);
        assertThat(snapshot()).as("the stores after the failed operation").isEqualTo(before);
        assertThat(events.all()).as("the events after the failed operation").isEqualTo(eventsBefore);
        return type.cast(thrown);
    }

    /** The names of the fields a validation error complains about. */
    public static List<String> fieldsOf(ValidationException e) {
        return e.fieldErrors().stream().map(FieldError::field).toList();
    }
}
