package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.GoneException;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.InvitationId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.ConversationId;
import io.clientworkspace.RequestId;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Objects.requireNonNull;

/**
 * One seeded run of {@link IsolationContract}: builds a world of tenants, team and client users and
 * workspaces through a {@link WorkspaceKit}, then performs random operations by random actors. It keeps
 * its own model of who belongs where, derived from the documented rules (not from the kit's code), and
 * after every step compares what the kit did and shows with what the model says it must.
 *
 * <p>The model's access rules: a team actor not on its tenant's roster may do nothing; a tenant admin
 * holds every permission in every workspace of its tenant; otherwise an actor holds what the tenant's
 * matrix grants to its membership role, if that role is of the actor's own kind. Nothing ever reaches
 * across tenants. Failures come in the documented order: an invisible workspace is "not found", a
 * missing permission "access denied", an archived workspace refuses changes, then the operation's own
 * checks (versions, keys, states). Failed operations change nothing, not even the activity log.
 */
final class IsolationRun {

    private static final List<String> TEAM_USERS =
            List.of("admin1", "admin2", "am1", "am2", "tm1", "tm2", "tm3", "dual", "ghost");
    private static final List<String> CLIENT_USERS =
            List.of("c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10", "dual");
    /** Slugs without hyphens, so that every database collation orders them as Java does. */
    private static final List<String> SLUGS = List.of("acme", "globex", "initech", "umbrella", "hooli", "stark",
            "wayne", "wonka", "tyrell", "cyberdyne", "soylent", "aperture", "vandelay", "dunder", "piedpiper",
            "gringotts", "oscorp", "monarch", "nakatomi", "massive");
    private static final List<String> REFS =
            List.of("crm1", "crm2", "crm3", "crm4", "crm5", "crm6", "crm7", "crm8", "crm9", "crm10");
    private static final List<Duration> VALIDITIES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
    private static final int TENANTS = 3;
    private static final int INITIAL_WORKSPACES_PER_TENANT = 8;
    private static final int FULL_CHECK_EVERY = 1_000;
    private static final int MAX_PAGES = 10_000;

    /** A matrix a tenant admin may switch to: members manage, contributors invite, leads cannot archive. */
    private static final PermissionMatrix VARIANT = PermissionMatrix.defaults()
            .with(WorkspaceRole.LEAD, EnumSet.complementOf(EnumSet.of(Permission.ARCHIVE_WORKSPACE)))
            .with(WorkspaceRole.MEMBER, union(PermissionMatrix.defaults().permissionsOf(WorkspaceRole.MEMBER),
                    EnumSet.of(Permission.MANAGE_MEMBERS, Permission.EDIT_WORKSPACE, Permission.INVITE_CLIENTS)))
            .with(WorkspaceRole.CLIENT_CONTRIBUTOR, union(
                    PermissionMatrix.defaults().permissionsOf(WorkspaceRole.CLIENT_CONTRIBUTOR),
                    EnumSet.of(Permission.INVITE_CLIENTS)));

    // ------------------------------------------------------------------------------------ the model

    /** A tenant as the model sees it. */
    private static final class TenantModel {
        final int index;
        TenantId id;
        final Map<UserId, TenantRole> roster = new HashMap<>();
        final List<WsModel> workspaces = new ArrayList<>();
        PermissionMatrix matrix = PermissionMatrix.defaults();

        TenantModel(int index, TenantId id) {
            this.index = index;
            this.id = id;
        }

        @Override
        public String toString() {
            return "T" + index;
        }
    }

    /** A workspace as the model sees it. */
    private static final class WsModel {
        final WorkspaceId id;
        final TenantModel tenant;
        final String slug;
        String name;
        boolean archived;
        long version;
        Optional<String> externalRef;
        final Map<UserId, WorkspaceRole> members = new HashMap<>();
        final List<InvModel> invitations = new ArrayList<>();
        long clientEntries;
        long teamEntries;
        /** The General conversation, once the run opened it. */
        @Nullable ConversationId general;
        /** The visibility of each message posted in General, in order. */
        final List<Visibility> messages = new ArrayList<>();
        /** The requests submitted in the workspace. */
        final List<RequestId> requests = new ArrayList<>();
        /** The projects made in the workspace, each with its one task list. */
        final List<ProjModel> projects = new ArrayList<>();

        WsModel(WorkspaceId id, TenantModel tenant, String slug, String name, Optional<String> externalRef) {
            this.id = id;
            this.tenant = tenant;
            this.slug = slug;
            this.name = name;
            this.externalRef = externalRef;
        }

        long leads() {
            return members.values().stream().filter(r -> r == WorkspaceRole.LEAD).count();
        }

        @Override
        public String toString() {
            return slug + "@" + tenant;
        }
    }

    /** A project as the model sees it: its visibility, its one task list and that list's tasks in order. */
    private record ProjModel(ProjectId id, Visibility visibility, TaskListId list, List<TaskModel> tasks) {
    }

    /** A task as the model sees it. */
    private record TaskModel(TaskId id, Visibility visibility) {
    }

    /** An invitation as the model sees it. */
    private static final class InvModel {
        final InvitationId id;
        final WsModel workspace;
        final String token;
        final WorkspaceRole role;
        final Instant expiresAt;
        InvitationStatus status = InvitationStatus.PENDING;
        @Nullable UserId invitedBy;

        InvModel(InvitationId id, WsModel workspace, String token, WorkspaceRole role, Instant expiresAt) {
            this.id = id;
            this.workspace = workspace;
            this.token = token;
            this.role = role;
            this.expiresAt = expiresAt;
        }

        @Override
        public String toString() {
            return "invitation " + id + " to " + workspace;
        }
    }

    /** A workspace id an operation names, and the model's workspace when it exists. */
    private record Target(WorkspaceId id, @Nullable WsModel workspace) {
        @Override
        public String toString() {
            return workspace == null ? "unknown " + id : workspace.toString();
        }
    }

    /** The outcome the model expects: success, or one kind of failure (with its reason). */
    private record Expect(String label, @Nullable Class<? extends WorkspaceException> type, @Nullable Enum<?> reason) {

        static final Expect OK = new Expect("success", null, null);

        static Expect notFound() {
            return new Expect("not found", NotFoundException.class, null);
        }

        static Expect denied() {
            return new Expect("access denied", AccessDeniedException.class, null);
        }

        static Expect archived() {
            return new Expect("archived", ArchivedException.class, null);
        }

        static Expect invalid() {
            return new Expect("validation error", ValidationException.class, null);
        }

        static Expect conflict(ConflictException.Reason reason) {
            return new Expect("conflict " + reason, ConflictException.class, reason);
        }

        static Expect gone(GoneException.Reason reason) {
            return new Expect("gone " + reason, GoneException.class, reason);
        }

        boolean isOk() {
            return type == null;
        }

        boolean matches(WorkspaceException e) {
            if (type == null || !type.isInstance(e)) {
                return false;
            }
            if (reason == null) {
                return true;
            }
            if (e instanceof ConflictException c) {
                return c.reason() == reason;
            }
            return e instanceof GoneException g && g.reason() == reason;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A clock the run moves forward by hand. */
    static final class StepClock extends Clock {
        private volatile Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void set(Instant instant) {
            now = instant;
        }
    }

    // ------------------------------------------------------------------------------------ state

    private final Random random;
    private final Stores stores;
    private final StepClock clock;
    private final WorkspaceKit kit;
    private final List<TenantModel> tenants = new ArrayList<>();
    private final Map<TenantId, TenantModel> tenantsById = new HashMap<>();
    private final List<Actor> actors = new ArrayList<>();
    private final List<WsModel> workspaces = new ArrayList<>();
    private final List<InvModel> invitations = new ArrayList<>();
    private final Set<WsModel> touchedWorkspaces = new LinkedHashSet<>();
    private final Set<Actor> touchedActors = new LinkedHashSet<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private int step;
    /** An invitation whose expiry the clock landed on exactly in this step, if any. */
    private @Nullable InvModel expiringNow;
    /** Which part of the run is going on: set-up, an operation, the checks after one. */
    private String phase = "set-up";
    /** The call being made or checked. */
    private String current = "";
    private long successfulChanges;

    IsolationRun(long seed, Stores stores) {
        this.random = new Random(seed);
        this.stores = stores;
        this.clock = new StepClock(Instant.parse("2031-03-01T09:00:00Z"));
        AtomicLong ids = new AtomicLong();
        String prefix = "id" + Long.toHexString(seed & 0xFFFFFFL);
        IdGenerator generator = () -> prefix + "-" + String.format("%09d", ids.incrementAndGet());
        this.kit = WorkspaceKit.builder()
                .stores(stores)
                .clock(clock)
                .idGenerator(generator)
                // The caches never expire on their own: a missed invalidation shows as a wrong answer.
                .cacheTicker(() -> 0L)
                // The run's user ids all stand for existing users: adding clients directly is part of the run.
                .userDirectory((tenantId, userId) -> true)
                .build();
    }

    /** Where the run is, for failure messages. */
    String position() {
        return "step " + step + " (" + phase + ": " + current + ")";
    }

    /** How the operations turned out, for the log. */
    String summary() {
        return "successful changes: " + successfulChanges + ", outcomes: " + outcomes;
    }

    long successfulChanges() {
        return successfulChanges;
    }

    int workspaceCount() {
        return workspaces.size();
    }

    int actorCount() {
        return actors.size();
    }

    /** Builds the world, performs {@code operations} random operations, checking after each. */
    void run(int operations) {
        setUp();
        fullCheck();
        for (step = 1; step <= operations; step++) {
            advanceClock();
            phase = "operation";
            randomOperation();
            phase = "checks after " + current;
            afterStep();
            if (step % FULL_CHECK_EVERY == 0) {
                phase = "full check";
                fullCheck();
            }
        }
        step = operations;
        phase = "final full check";
        fullCheck();
    }

    // ------------------------------------------------------------------------------------ set-up

    private void setUp() {
        for (int i = 0; i < TENANTS; i++) {
            UserId firstAdmin = UserId.of("admin1");
            Tenant tenant = kit.tenants().create("Tenant " + i, firstAdmin);
            TenantModel model = new TenantModel(i, tenant.id());
            model.roster.put(firstAdmin, TenantRole.TENANT_ADMIN);
            tenants.add(model);
            tenantsById.put(tenant.id(), model);
            for (String user : TEAM_USERS) {
                actors.add(new Actor(tenant.id(), UserId.of(user), ActorKind.TEAM));
            }
            for (String user : CLIENT_USERS) {
                actors.add(new Actor(tenant.id(), UserId.of(user), ActorKind.CLIENT));
            }
            Actor admin = Actor.team(tenant.id(), "admin1");
            addTeamMember(admin, UserId.of("admin2"), TenantRole.TENANT_ADMIN);
            addTeamMember(admin, UserId.of("am1"), TenantRole.ACCOUNT_MANAGER);
            addTeamMember(admin, UserId.of("am2"), TenantRole.ACCOUNT_MANAGER);
            for (String user : List.of("tm1", "tm2", "tm3", "dual")) {
                addTeamMember(admin, UserId.of(user), TenantRole.TEAM_MEMBER);
            }
            List<String> slugs = new ArrayList<>(SLUGS);
            Collections.shuffle(slugs, random);
            List<String> creators = List.of("admin1", "am1", "am2");
            List<String> leads = List.of("admin2", "am1", "am2", "tm1", "tm2", "tm3", "dual");
            for (int w = 0; w < INITIAL_WORKSPACES_PER_TENANT; w++) {
                Actor creator = Actor.team(tenant.id(), creators.get(w % creators.size()));
                NewWorkspace request = NewWorkspace.of("Client " + slugs.get(w), slugs.get(w))
                        .withLead(UserId.of(pick(leads)));
                if (w % 2 == 0) {
                    request = request.withExternalRef(REFS.get(w));
                }
                createWorkspace(creator, request);
            }
            for (WsModel workspace : model.workspaces) {
                Target target = new Target(workspace.id, workspace);
                for (int m = 0; m < 2; m++) {
                    addMember(admin, target, UserId.of(pick(List.of("am1", "am2", "tm1", "tm2", "tm3"))),
                            WorkspaceRole.MEMBER, true);
                }
                invite(admin, target, "Invitee." + workspace.slug + "@Example.com",
                        pick(List.of(WorkspaceRole.CLIENT_ADMIN, WorkspaceRole.CLIENT_CONTRIBUTOR,
                                WorkspaceRole.CLIENT_VIEWER)), Duration.ofDays(7));
            }
            // Client users in one, two or three workspaces of the tenant; "dual" tries two next to its team roles.
            for (int c = 0; c < CLIENT_USERS.size(); c++) {
                List<WsModel> candidates = new ArrayList<>(model.workspaces);
                Collections.shuffle(candidates, random);
                for (WsModel workspace : candidates.subList(0, 1 + c % 3)) {
                    addMember(admin, new Target(workspace.id, workspace), UserId.of(CLIENT_USERS.get(c)),
                            randomClientRole(), true);
                }
            }
        }
        touchedWorkspaces.clear();
        touchedActors.clear();
    }

    // ------------------------------------------------------------------------------------ the access model

    private static ActorKind kindOf(WorkspaceRole role) {
        return switch (role) {
            case LEAD, MEMBER -> ActorKind.TEAM;
            case CLIENT_ADMIN, CLIENT_CONTRIBUTOR, CLIENT_VIEWER -> ActorKind.CLIENT;
        };
    }

    private static int clientRank(WorkspaceRole role) {
        return switch (role) {
            case CLIENT_ADMIN -> 3;
            case CLIENT_CONTRIBUTOR -> 2;
            case CLIENT_VIEWER -> 1;
            case LEAD, MEMBER -> 0;
        };
    }

    private TenantModel tenantOf(Actor actor) {
        return requireNonNull(tenantsById.get(actor.tenantId()), "the model knows every tenant it made");
    }

    private Optional<TenantRole> tenantRole(Actor actor) {
        if (actor.kind() != ActorKind.TEAM) {
            return Optional.empty();
        }
        return Optional.ofNullable(tenantOf(actor).roster.get(actor.userId()));
    }

    private Set<Permission> permissions(Actor actor, @Nullable WsModel workspace) {
        if (workspace == null || !workspace.tenant.id.equals(actor.tenantId())) {
            return EnumSet.noneOf(Permission.class);
        }
        if (actor.kind() == ActorKind.TEAM) {
            TenantRole role = workspace.tenant.roster.get(actor.userId());
            if (role == null) {
                return EnumSet.noneOf(Permission.class);
            }
            if (role == TenantRole.TENANT_ADMIN) {
                return EnumSet.allOf(Permission.class);
            }
        }
        WorkspaceRole role = workspace.members.get(actor.userId());
        if (role == null || kindOf(role) != actor.kind()) {
            return EnumSet.noneOf(Permission.class);
        }
        return workspace.tenant.matrix.permissionsOf(role);
    }

    private boolean canView(Actor actor, @Nullable WsModel workspace) {
        return permissions(actor, workspace).contains(Permission.VIEW_WORKSPACE);
    }

    /** The expectation for a change that needs {@code permission} in a workspace that must be writable. */
    private @Nullable Expect writeAccess(Actor actor, Target target, Permission permission) {
        Set<Permission> held = permissions(actor, target.workspace());
        if (!held.contains(Permission.VIEW_WORKSPACE)) {
            return Expect.notFound();
        }
        if (!held.contains(permission)) {
            return Expect.denied();
        }
        requireNonNull(target.workspace(), "known here: the model or a succeeded operation guarantees it");
        if (target.workspace().archived) {
            return Expect.archived();
        }
        return null;
    }

    // ------------------------------------------------------------------------------------ running one operation

    private <T> @Nullable T perform(String what, Expect expected, Supplier<T> call) {
        current = what;
        T result;
        try {
            result = call.get();
        } catch (WorkspaceException e) {
            if (expected.isOk() || !expected.matches(e)) {
                throw new AssertionError(ctx() + ": expected " + expected + " but got "
                        + e.getClass().getSimpleName() + describeReason(e) + ": " + e.getMessage(), e);
            }
            count(what, expected);
            return null;
        }
        if (!expected.isOk()) {
            throw new AssertionError(ctx() + ": expected " + expected + " but it succeeded and returned " + result);
        }
        count(what, expected);
        return result;
    }

    private void count(String what, Expect expected) {
        String operation = what.substring(what.indexOf(' ') + 1);
        int paren = operation.indexOf('(');
        String name = paren < 0 ? operation : operation.substring(0, paren);
        outcomes.merge(name + " -> " + expected.label(), 1L, Long::sum);
    }

    private static String describeReason(WorkspaceException e) {
        if (e instanceof ConflictException c) {
            return " " + c.reason();
        }
        if (e instanceof GoneException g) {
            return " " + g.reason();
        }
        return "";
    }

    private String ctx() {
        return "step " + step + " (" + phase + "): " + current;
    }

    private void advanceClock() {
        Instant now = clock.instant();
        expiringNow = null;
        if (random.nextInt(50) == 0) {
            // Land exactly on an expiry now and then: an invitation expires at its expiresAt, not after it.
            Optional<InvModel> next = invitations.stream().filter(i -> i.expiresAt.isAfter(now))
                    .min(Comparator.comparing((InvModel i) -> i.expiresAt));
            if (next.isPresent()) {
                expiringNow = next.get();
                clock.set(expiringNow.expiresAt);
                return;
            }
        }
        clock.set(now.plusSeconds(random.nextInt(60)));
    }

    private void randomOperation() {
        if (expiringNow != null && random.nextBoolean()) {
            acceptRandom();
            return;
        }
        int r = random.nextInt(100);
        if (r < 12) {
            Target target = pickTarget();
            Actor actor = pickActor(target);
            addMember(actor, target, pickUser(target), pick(List.of(WorkspaceRole.values())), false);
        } else if (r < 20) {
            Target target = pickTarget();
            changeRole(pickActor(target), target, pickUser(target), pick(List.of(WorkspaceRole.values())));
        } else if (r < 27) {
            Target target = pickTarget();
            Actor actor = pickActor(target);
            UserId user = random.nextInt(5) == 0 ? actor.userId() : pickUser(target);
            removeMember(actor, target, user);
        } else if (r < 30) {
            handOverRandom();
        } else if (r < 39) {
            Target target = pickTarget();
            WorkspaceRole role = random.nextInt(10) == 0 ? pick(List.of(WorkspaceRole.values())) : randomClientRole();
            invite(pickActor(target), target, "Person" + step + "@Example.org", role, pick(VALIDITIES));
        } else if (r < 47) {
            acceptRandom();
        } else if (r < 52) {
            revokeRandom();
        } else if (r < 58) {
            Target target = pickTarget();
            String name = random.nextInt(20) == 0 ? "   " : " Renamed " + step + " ";
            rename(pickActor(target), target, name, expectedVersion(target));
        } else if (r < 60) {
            Target target = pickTarget();
            archive(pickActor(target), target, expectedVersion(target));
        } else if (r < 64) {
            Target target = pickTarget();
            restore(pickActor(target), target, expectedVersion(target));
        } else if (r < 67) {
            Target target = pickTarget();
            Optional<String> ref = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(pick(REFS));
            setExternalRef(pickActor(target), target, ref, expectedVersion(target));
        } else if (r < 70) {
            createRandom();
        } else if (r < 74) {
            rosterRandom();
        } else if (r < 75) {
            matrixRandom();
        } else if (r < 79) {
            Target target = pickTarget();
            postRandom(pickActor(target), target, random.nextInt(3) == 0);
        } else if (r < 82) {
            Target target = pickTarget();
            submitRequest(pickActor(target), target);
        } else if (r < 87) {
            Target target = pickTarget();
            Actor actor = pickActor(target);
            switch (random.nextInt(3)) {
                case 0 -> checkMessages(actor, target);
                case 1 -> checkRequests(actor, target);
                default -> checkForeignThreads(actor, target);
            }
        } else if (r < 92) {
            projectRandom();
        } else {
            readRandom();
        }
    }

    // ------------------------------------------------------------------------------------ picking

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private WorkspaceRole randomClientRole() {
        return pick(List.of(WorkspaceRole.CLIENT_ADMIN, WorkspaceRole.CLIENT_CONTRIBUTOR, WorkspaceRole.CLIENT_VIEWER));
    }

    /** Any workspace of any tenant, now and then one that exists nowhere. */
    private Target pickTarget() {
        if (random.nextInt(20) == 0) {
            return new Target(WorkspaceId.of("nowhere-" + random.nextInt(1000)), null);
        }
        WsModel workspace = pick(workspaces);
        return new Target(workspace.id, workspace);
    }

    /**
     * An actor for an operation on {@code target}: often someone with a stake in it (a member acting as
     * its own kind, or a tenant admin), otherwise anyone from any tenant.
     */
    private Actor pickActor(Target target) {
        WsModel workspace = target.workspace();
        if (workspace != null && random.nextInt(10) < 6) {
            List<Actor> insiders = new ArrayList<>();
            workspace.members.forEach((user, role) -> insiders.add(new Actor(workspace.tenant.id, user, kindOf(role))));
            workspace.tenant.roster.forEach((user, role) -> {
                if (role == TenantRole.TENANT_ADMIN) {
                    insiders.add(new Actor(workspace.tenant.id, user, ActorKind.TEAM));
                }
            });
            if (!insiders.isEmpty()) {
                return pick(insiders);
            }
        }
        return pick(actors);
    }

    /** A user id for a membership operation: often a member of the target, otherwise any known name. */
    private UserId pickUser(Target target) {
        WsModel workspace = target.workspace();
        if (workspace != null && !workspace.members.isEmpty() && random.nextBoolean()) {
            return pick(new ArrayList<>(workspace.members.keySet()));
        }
        return UserId.of(random.nextBoolean() ? pick(TEAM_USERS) : pick(CLIENT_USERS));
    }

    private long expectedVersion(Target target) {
        long version = target.workspace() == null ? 0 : target.workspace().version;
        int r = random.nextInt(10);
        return r == 0 ? version + 1 : r == 1 ? Math.max(0, version - 1) : version;
    }

    // ------------------------------------------------------------------------------------ membership operations

    private void addMember(Actor actor, Target target, UserId user, WorkspaceRole role, boolean mustSucceed) {
        WsModel w = target.workspace();
        Expect expected = writeAccess(actor, target, Permission.MANAGE_MEMBERS);
        if (expected == null) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            if (kindOf(role) == ActorKind.TEAM && !w.tenant.roster.containsKey(user)) {
                expected = Expect.invalid();
            } else if (requireNonNull(w, "writable, so known").members.containsKey(user)) {
                expected = Expect.conflict(ConflictException.Reason.ALREADY_EXISTS);
            } else {
                expected = Expect.OK;
            }
        }
        if (mustSucceed && !expected.isOk()) {
            return;
        }
        Membership added = perform(actor + " addMember(" + target + ", " + user + ", " + role + ")", expected,
                () -> kit.members().add(actor, target.id(), user, role));
        if (expected.isOk()) {
            assertThat(added).as(this::ctx).isNotNull();
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            assertThat(added.tenantId()).as(this::ctx).isEqualTo(w.tenant.id);
            assertThat(added.workspaceId()).as(this::ctx).isEqualTo(w.id);
            assertThat(added.userId()).as(this::ctx).isEqualTo(user);
            assertThat(added.role()).as(this::ctx).isEqualTo(role);
            w.members.put(user, role);
            w.clientEntries++;
            changed(w);
            touchedActors.add(new Actor(w.tenant.id, user, kindOf(role)));
        }
    }

    private void changeRole(Actor actor, Target target, UserId user, WorkspaceRole newRole) {
        WsModel w = target.workspace();
        Expect expected = writeAccess(actor, target, Permission.MANAGE_MEMBERS);
        boolean noChange = false;
        if (expected == null) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            WorkspaceRole current = w.members.get(user);
            if (current == null) {
                expected = Expect.notFound();
            } else if (current == newRole) {
                expected = Expect.OK;
                noChange = true;
            } else if (kindOf(current) != kindOf(newRole)) {
                expected = Expect.invalid();
            } else if (current == WorkspaceRole.LEAD && w.leads() <= 1) {
                expected = Expect.conflict(ConflictException.Reason.LAST_LEAD);
            } else {
                expected = Expect.OK;
            }
        }
        Membership changed = perform(actor + " changeRole(" + target + ", " + user + ", " + newRole + ")", expected,
                () -> kit.members().changeRole(actor, target.id(), user, newRole));
        if (expected.isOk()) {
            assertThat(changed).as(this::ctx).isNotNull();
            assertThat(changed.role()).as(this::ctx).isEqualTo(newRole);
            if (!noChange) {
                requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
                w.members.put(user, newRole);
                w.clientEntries++;
                changed(w);
                touchedActors.add(new Actor(w.tenant.id, user, kindOf(newRole)));
            }
        }
    }

    private void removeMember(Actor actor, Target target, UserId user) {
        WsModel w = target.workspace();
        boolean leaving = actor.userId().equals(user);
        Expect expected = writeAccess(actor, target, leaving ? Permission.VIEW_WORKSPACE : Permission.MANAGE_MEMBERS);
        if (expected == null) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            WorkspaceRole current = w.members.get(user);
            if (current == null) {
                expected = Expect.notFound();
            } else if (current == WorkspaceRole.LEAD && w.leads() <= 1) {
                expected = Expect.conflict(ConflictException.Reason.LAST_LEAD);
            } else {
                expected = Expect.OK;
            }
        }
        perform(actor + " removeMember(" + target + ", " + user + ")", expected, () -> {
            kit.members().remove(actor, target.id(), user);
            return null;
        });
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            WorkspaceRole removed = w.members.remove(user);
            w.clientEntries++;
            changed(w);
            requireNonNull(removed, "known here: the model or a succeeded operation guarantees it");
            touchedActors.add(new Actor(w.tenant.id, user, kindOf(removed)));
        }
    }

    private void handOverRandom() {
        Target target = pickTarget();
        Actor actor = pickActor(target);
        WsModel w = target.workspace();
        UserId from;
        UserId to;
        if (w != null && random.nextInt(4) != 0) {
            List<UserId> leads = w.members.entrySet().stream().filter(e -> e.getValue() == WorkspaceRole.LEAD)
                    .map(Map.Entry::getKey).toList();
            List<UserId> members = w.members.entrySet().stream().filter(e -> e.getValue() == WorkspaceRole.MEMBER)
                    .map(Map.Entry::getKey).toList();
            from = leads.isEmpty() ? pickUser(target) : pick(leads);
            to = members.isEmpty() ? pickUser(target) : pick(members);
        } else {
            from = pickUser(target);
            to = pickUser(target);
        }
        Expect expected;
        if (from.equals(to)) {
            expected = Expect.invalid();
        } else {
            expected = writeAccess(actor, target, Permission.MANAGE_MEMBERS);
            if (expected == null) {
                requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
                WorkspaceRole fromRole = w.members.get(from);
                WorkspaceRole toRole = w.members.get(to);
                if (fromRole == null || toRole == null) {
                    expected = Expect.notFound();
                } else if (fromRole != WorkspaceRole.LEAD || toRole != WorkspaceRole.MEMBER) {
                    expected = Expect.invalid();
                } else {
                    expected = Expect.OK;
                }
            }
        }
        perform(actor + " handOverLead(" + target + ", " + from + " -> " + to + ")", expected, () -> {
            kit.members().handOverLead(actor, target.id(), from, to);
            return null;
        });
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            w.members.put(to, WorkspaceRole.LEAD);
            w.members.put(from, WorkspaceRole.MEMBER);
            w.clientEntries += 2;
            changed(w);
            touchedActors.add(new Actor(w.tenant.id, from, ActorKind.TEAM));
            touchedActors.add(new Actor(w.tenant.id, to, ActorKind.TEAM));
        }
    }

    // ------------------------------------------------------------------------------------ invitations

    private void invite(Actor actor, Target target, String email, WorkspaceRole role, Duration validFor) {
        WsModel w = target.workspace();
        Expect expected;
        if (kindOf(role) != ActorKind.CLIENT) {
            expected = Expect.invalid();
        } else {
            expected = writeAccess(actor, target, Permission.INVITE_CLIENTS);
            if (expected == null) {
                requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
                if (actor.kind() == ActorKind.CLIENT && clientRank(role) > clientRank(requireNonNull(w.members.get(actor.userId()), "a client with access is a member"))) {
                    expected = Expect.denied();
                } else {
                    expected = Expect.OK;
                }
            }
        }
        Instant now = clock.instant();
        IssuedInvitation issued = perform(actor + " invite(" + target + ", " + role + ", " + validFor + ")", expected,
                () -> kit.invitations().invite(actor, target.id(), NewInvitation.of(email, role).validFor(validFor)));
        if (expected.isOk()) {
            assertThat(issued).as(this::ctx).isNotNull();
            Invitation invitation = issued.invitation();
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            assertThat(invitation.tenantId()).as(this::ctx).isEqualTo(w.tenant.id);
            assertThat(invitation.workspaceId()).as(this::ctx).isEqualTo(w.id);
            assertThat(invitation.email()).as(this::ctx).isEqualTo(email.toLowerCase(Locale.ROOT));
            assertThat(invitation.role()).as(this::ctx).isEqualTo(role);
            assertThat(invitation.status()).as(this::ctx).isEqualTo(InvitationStatus.PENDING);
            assertThat(invitation.expiresAt()).as(this::ctx).isEqualTo(now.plus(validFor));
            assertThat(invitation.tokenHash()).as(this::ctx).isNotEqualTo(issued.token()).doesNotContain(issued.token());
            InvModel model = new InvModel(invitation.id(), w, issued.token(), role, invitation.expiresAt());
            model.invitedBy = invitation.invitedBy();
            w.invitations.add(model);
            invitations.add(model);
            w.teamEntries++;
            changed(w);
        }
    }

    private void acceptRandom() {
        if (invitations.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<InvModel> open = invitations.stream()
                .filter(i -> i.status == InvitationStatus.PENDING && now.isBefore(i.expiresAt)).toList();
        InvModel invitation = expiringNow != null ? expiringNow
                : !open.isEmpty() && random.nextInt(10) < 7 ? pick(open) : pick(invitations);
        Actor actor;
        if (random.nextInt(10) < 6) {
            actor = new Actor(invitation.workspace.tenant.id, UserId.of(pick(CLIENT_USERS)), ActorKind.CLIENT);
        } else {
            actor = pick(actors);
        }
        boolean bogus = random.nextInt(20) == 0;
        String token = bogus ? "cwk_inv_" + Long.toHexString(random.nextLong()) : invitation.token;
        WsModel w = invitation.workspace;
        Expect expected;
        if (actor.kind() != ActorKind.CLIENT) {
            expected = Expect.denied();
        } else if (bogus || !w.tenant.id.equals(actor.tenantId())) {
            expected = Expect.notFound();
        } else if (invitation.status == InvitationStatus.ACCEPTED) {
            expected = Expect.gone(GoneException.Reason.ALREADY_USED);
        } else if (invitation.status == InvitationStatus.REVOKED) {
            expected = Expect.gone(GoneException.Reason.REVOKED);
        } else if (!now.isBefore(invitation.expiresAt)) {
            expected = Expect.gone(GoneException.Reason.EXPIRED);
        } else if (w.archived) {
            expected = Expect.archived();
        } else if (w.members.containsKey(actor.userId())) {
            expected = Expect.conflict(ConflictException.Reason.ALREADY_EXISTS);
        } else {
            expected = Expect.OK;
        }
        Membership membership = perform(actor + " accept(" + (bogus ? "a bogus token" : invitation.toString()) + ")",
                expected, () -> kit.invitations().accept(actor, token));
        if (expected.isOk()) {
            assertThat(membership).as(this::ctx).isNotNull();
            assertThat(membership.workspaceId()).as(this::ctx).isEqualTo(w.id);
            assertThat(membership.userId()).as(this::ctx).isEqualTo(actor.userId());
            assertThat(membership.role()).as(this::ctx).isEqualTo(invitation.role);
            invitation.status = InvitationStatus.ACCEPTED;
            w.members.put(actor.userId(), invitation.role);
            w.teamEntries++;
            w.clientEntries++;
            changed(w);
            touchedActors.add(actor);
        }
    }

    private void revokeRandom() {
        Target target = pickTarget();
        Actor actor = pickActor(target);
        WsModel w = target.workspace();
        InvitationId id;
        @Nullable InvModel invitation;
        int r = random.nextInt(10);
        if (r < 7 && w != null && !w.invitations.isEmpty()) {
            invitation = pick(w.invitations);
        } else if (r < 9 && !invitations.isEmpty()) {
            invitation = pick(invitations);
        } else {
            invitation = null;
        }
        id = invitation == null ? InvitationId.of("no-such-invitation-" + step) : invitation.id;
        Expect expected = writeAccess(actor, target, Permission.INVITE_CLIENTS);
        if (expected == null) {
            if (invitation == null || invitation.workspace != w) {
                expected = Expect.notFound();
            } else if (actor.kind() == ActorKind.CLIENT && !actor.userId().equals(invitation.invitedBy)) {
                // A client knows only the invitations it sent itself.
                expected = Expect.notFound();
            } else if (actor.kind() == ActorKind.CLIENT
                    && clientRank(invitation.role) > clientRank(requireNonNull(w.members.get(actor.userId()), "a client with access is a member"))) {
                expected = Expect.denied();
            } else if (invitation.status != InvitationStatus.PENDING) {
                expected = Expect.conflict(ConflictException.Reason.INVALID_STATE);
            } else {
                expected = Expect.OK;
            }
        }
        Invitation revoked = perform(actor + " revoke(" + target + ", " + id + ")", expected,
                () -> kit.invitations().revoke(actor, target.id(), id));
        if (expected.isOk()) {
            assertThat(revoked).as(this::ctx).isNotNull();
            assertThat(revoked.status()).as(this::ctx).isEqualTo(InvitationStatus.REVOKED);
            requireNonNull(invitation, "known here: the model or a succeeded operation guarantees it");
            invitation.status = InvitationStatus.REVOKED;
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            w.teamEntries++;
            changed(w);
        }
    }

    // ------------------------------------------------------------------------------------ workspace operations

    private void rename(Actor actor, Target target, String name, long expectedVersion) {
        WsModel w = target.workspace();
        Expect expected;
        if (name.isBlank()) {
            expected = Expect.invalid();
        } else {
            expected = writeAccess(actor, target, Permission.EDIT_WORKSPACE);
            if (expected == null) {
                requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
                expected = w.version != expectedVersion
                        ? Expect.conflict(ConflictException.Reason.STALE_VERSION) : Expect.OK;
            }
        }
        Workspace renamed = perform(actor + " rename(" + target + ", v" + expectedVersion + ")", expected,
                () -> kit.workspaces().rename(actor, target.id(), name, expectedVersion));
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            w.name = name.strip();
            w.version++;
            w.clientEntries++;
            assertMatches(renamed, w);
            changed(w);
        }
    }

    private void archive(Actor actor, Target target, long expectedVersion) {
        WsModel w = target.workspace();
        Expect expected = writeAccess(actor, target, Permission.ARCHIVE_WORKSPACE);
        if (expected == null) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            expected = w.version != expectedVersion ? Expect.conflict(ConflictException.Reason.STALE_VERSION) : Expect.OK;
        }
        Workspace archived = perform(actor + " archive(" + target + ", v" + expectedVersion + ")", expected,
                () -> kit.workspaces().archive(actor, target.id(), expectedVersion));
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            w.archived = true;
            w.version++;
            w.clientEntries++;
            assertMatches(archived, w);
            changed(w);
        }
    }

    private void restore(Actor actor, Target target, long expectedVersion) {
        WsModel w = target.workspace();
        Set<Permission> held = permissions(actor, w);
        Expect expected;
        if (!held.contains(Permission.VIEW_WORKSPACE)) {
            expected = Expect.notFound();
        } else if (!held.contains(Permission.ARCHIVE_WORKSPACE)) {
            expected = Expect.denied();
        } else if (requireNonNull(w, "writable, so known").version != expectedVersion) {
            expected = Expect.conflict(ConflictException.Reason.STALE_VERSION);
        } else if (!w.archived) {
            expected = Expect.conflict(ConflictException.Reason.INVALID_STATE);
        } else {
            expected = Expect.OK;
        }
        Workspace restored = perform(actor + " restore(" + target + ", v" + expectedVersion + ")", expected,
                () -> kit.workspaces().restore(actor, target.id(), expectedVersion));
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            w.archived = false;
            w.version++;
            w.clientEntries++;
            assertMatches(restored, w);
            changed(w);
        }
    }

    private void setExternalRef(Actor actor, Target target, Optional<String> ref, long expectedVersion) {
        WsModel w = target.workspace();
        Expect expected = writeAccess(actor, target, Permission.EDIT_WORKSPACE);
        if (expected == null) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            if (w.version != expectedVersion) {
                expected = Expect.conflict(ConflictException.Reason.STALE_VERSION);
            } else if (ref.isPresent() && w.tenant.workspaces.stream()
                    .anyMatch(other -> other != w && other.externalRef.equals(ref))) {
                expected = Expect.conflict(ConflictException.Reason.DUPLICATE_EXTERNAL_REF);
            } else {
                expected = Expect.OK;
            }
        }
        Workspace linked = perform(actor + " setExternalRef(" + target + ", " + ref + ", v" + expectedVersion + ")",
                expected, () -> kit.workspaces().setExternalRef(actor, target.id(), ref, expectedVersion));
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            w.externalRef = ref;
            w.teamEntries++;
            assertMatches(linked, w);
            changed(w);
        }
    }

    private void createRandom() {
        Actor actor = pick(actors);
        if (random.nextBoolean()) {
            TenantModel t = pick(tenants);
            List<UserId> creators = t.roster.entrySet().stream()
                    .filter(e -> e.getValue() != TenantRole.TEAM_MEMBER).map(Map.Entry::getKey).sorted().toList();
            actor = new Actor(t.id, pick(creators), ActorKind.TEAM);
        }
        String slug = random.nextInt(20) == 0 ? "Not A Slug" : pick(SLUGS);
        NewWorkspace request = NewWorkspace.of("New " + slug, slug);
        if (random.nextInt(3) == 0) {
            request = request.withExternalRef(pick(REFS));
        }
        if (random.nextInt(3) == 0) {
            request = request.withLead(UserId.of(pick(TEAM_USERS)));
        }
        createWorkspace(actor, request);
    }

    private void createWorkspace(Actor actor, NewWorkspace request) {
        TenantModel t = tenantOf(actor);
        UserId lead = request.lead().orElse(actor.userId());
        Expect expected;
        if (tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN || r == TenantRole.ACCOUNT_MANAGER).isEmpty()) {
            expected = Expect.denied();
        } else if (!request.slug().matches("[a-z0-9]+")) {
            expected = Expect.invalid();
        } else if (!t.roster.containsKey(lead)) {
            expected = Expect.invalid();
        } else if (t.workspaces.stream().anyMatch(w -> w.slug.equals(request.slug()))) {
            expected = Expect.conflict(ConflictException.Reason.DUPLICATE_SLUG);
        } else if (request.externalRef().isPresent() && t.workspaces.stream()
                .anyMatch(w -> w.externalRef.equals(request.externalRef()))) {
            expected = Expect.conflict(ConflictException.Reason.DUPLICATE_EXTERNAL_REF);
        } else {
            expected = Expect.OK;
        }
        Workspace created = perform(actor + " createWorkspace(" + request.slug() + ", lead " + lead + ")", expected,
                () -> kit.workspaces().create(actor, request));
        if (expected.isOk()) {
            assertThat(created).as(this::ctx).isNotNull();
            WsModel w = new WsModel(created.id(), t, request.slug(), request.name(), request.externalRef());
            w.members.put(lead, WorkspaceRole.LEAD);
            w.clientEntries = 2;
            assertMatches(created, w);
            t.workspaces.add(w);
            workspaces.add(w);
            changed(w);
            touchedActors.add(new Actor(t.id, lead, ActorKind.TEAM));
        }
    }

    // ------------------------------------------------------------------------------------ roster and matrix

    private Expect rosterAccess(Actor actor) {
        if (actor.kind() != ActorKind.TEAM) {
            return Expect.notFound();
        }
        Optional<TenantRole> role = tenantRole(actor);
        if (role.isEmpty() || role.get() != TenantRole.TENANT_ADMIN) {
            return Expect.denied();
        }
        return Expect.OK;
    }

    private void rosterRandom() {
        TenantModel t = pick(tenants);
        Actor actor = random.nextBoolean()
                ? Actor.team(t.id, pick(t.roster.entrySet().stream().filter(e -> e.getValue() == TenantRole.TENANT_ADMIN)
                        .map(e -> e.getKey().value()).toList()))
                : pick(actors);
        UserId user = UserId.of(pick(TEAM_USERS));
        TenantRole role = pick(List.of(TenantRole.values()));
        switch (random.nextInt(3)) {
            case 0 -> addTeamMember(actor, user, role);
            case 1 -> changeTeamRole(actor, user, role);
            default -> removeTeamMember(actor, user);
        }
    }

    private long admins(TenantModel t) {
        return t.roster.values().stream().filter(r -> r == TenantRole.TENANT_ADMIN).count();
    }

    private void addTeamMember(Actor actor, UserId user, TenantRole role) {
        TenantModel t = tenantOf(actor);
        Expect expected = rosterAccess(actor);
        if (expected.isOk() && t.roster.containsKey(user)) {
            expected = Expect.conflict(ConflictException.Reason.ALREADY_EXISTS);
        }
        TeamMember added = perform(actor + " addTeamMember(" + user + ", " + role + ")", expected,
                () -> kit.tenants().addTeamMember(actor, user, role));
        if (expected.isOk()) {
            assertThat(added).as(this::ctx).isNotNull();
            assertThat(added.role()).as(this::ctx).isEqualTo(role);
            t.roster.put(user, role);
            successfulChanges++;
            touchedActors.add(new Actor(t.id, user, ActorKind.TEAM));
        }
    }

    private void changeTeamRole(Actor actor, UserId user, TenantRole role) {
        TenantModel t = tenantOf(actor);
        Expect expected = rosterAccess(actor);
        TenantRole current = t.roster.get(user);
        if (expected.isOk()) {
            if (current == null) {
                expected = Expect.notFound();
            } else if (current != role && current == TenantRole.TENANT_ADMIN && admins(t) <= 1) {
                expected = Expect.conflict(ConflictException.Reason.LAST_TENANT_ADMIN);
            }
        }
        TeamMember changed = perform(actor + " changeTeamRole(" + user + ", " + role + ")", expected,
                () -> kit.tenants().changeTeamRole(actor, user, role));
        if (expected.isOk()) {
            assertThat(changed).as(this::ctx).isNotNull();
            assertThat(changed.role()).as(this::ctx).isEqualTo(role);
            t.roster.put(user, role);
            successfulChanges++;
            touchedActors.add(new Actor(t.id, user, ActorKind.TEAM));
        }
    }

    private void removeTeamMember(Actor actor, UserId user) {
        TenantModel t = tenantOf(actor);
        Expect expected = rosterAccess(actor);
        TenantRole current = t.roster.get(user);
        if (expected.isOk()) {
            if (current == null) {
                expected = Expect.notFound();
            } else if (current == TenantRole.TENANT_ADMIN && admins(t) <= 1) {
                expected = Expect.conflict(ConflictException.Reason.LAST_TENANT_ADMIN);
            }
        }
        perform(actor + " removeTeamMember(" + user + ")", expected, () -> {
            kit.tenants().removeTeamMember(actor, user);
            return null;
        });
        if (expected.isOk()) {
            t.roster.remove(user);
            successfulChanges++;
            touchedActors.add(new Actor(t.id, user, ActorKind.TEAM));
        }
    }

    private void matrixRandom() {
        Actor actor = pick(actors);
        TenantModel t = tenantOf(actor);
        Expect expected = actor.kind() != ActorKind.TEAM ? Expect.notFound()
                : tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isPresent() ? Expect.OK : Expect.denied();
        if (random.nextBoolean()) {
            perform(actor + " replaceMatrix(variant)", expected, () -> kit.accessPolicies().replaceMatrix(actor, VARIANT));
            if (expected.isOk()) {
                t.matrix = VARIANT;
            }
        } else {
            perform(actor + " resetMatrix()", expected, () -> kit.accessPolicies().resetMatrix(actor));
            if (expected.isOk()) {
                t.matrix = PermissionMatrix.defaults();
            }
        }
        if (expected.isOk()) {
            successfulChanges++;
        }
    }

    // ------------------------------------------------------------------------------------ messages and requests

    /**
     * Posts a client-visible message or an internal note in the workspace's General conversation (opened first by
     * a tenant admin if the run has not opened it yet; skipped in an archived workspace without one).
     */
    private void postRandom(Actor actor, Target target, boolean note) {
        WsModel w = target.workspace();
        ConversationId general;
        if (w == null) {
            general = ConversationId.of("nowhere-" + random.nextInt(1000));
        } else {
            if (w.general == null) {
                if (w.archived) {
                    return;
                }
                Actor admin = new Actor(w.tenant.id, anyAdmin(w.tenant), ActorKind.TEAM);
                Conversation opened = perform(admin + " general(" + target + ")", Expect.OK,
                        () -> kit.conversations().general(admin, w.id));
                requireNonNull(opened, "known here: the model or a succeeded operation guarantees it");
                w.general = opened.id();
                w.teamEntries++;
                changed(w);
            }
            general = w.general;
        }
        Expect expected = writeAccess(actor, target, note ? Permission.POST_INTERNAL_NOTES : Permission.POST_MESSAGES);
        if (expected == null) {
            expected = Expect.OK;
        }
        Message posted = perform(actor + " post(" + target + (note ? ", note" : "") + ")", expected,
                () -> kit.conversations().post(actor, target.id(), general,
                        note ? NewMessage.note("note " + step) : NewMessage.of("message " + step)));
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            requireNonNull(posted, "known here: the model or a succeeded operation guarantees it");
            assertThat(posted.tenantId()).as(this::ctx).isEqualTo(w.tenant.id);
            assertThat(posted.workspaceId()).as(this::ctx).isEqualTo(w.id);
            Visibility visibility = note ? Visibility.TEAM : Visibility.CLIENT;
            assertThat(posted.visibility()).as(this::ctx).isEqualTo(visibility);
            w.messages.add(visibility);
            if (note) {
                w.teamEntries++;
            } else {
                w.clientEntries++;
            }
            changed(w);
        }
    }

    private void submitRequest(Actor actor, Target target) {
        WsModel w = target.workspace();
        Expect expected = writeAccess(actor, target, Permission.SUBMIT_REQUESTS);
        if (expected == null) {
            expected = Expect.OK;
        }
        ClientRequest submitted = perform(actor + " submit(" + target + ")", expected,
                () -> kit.requests().submit(actor, target.id(), NewRequest.of("Request " + step, "")));
        if (expected.isOk()) {
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            requireNonNull(submitted, "known here: the model or a succeeded operation guarantees it");
            assertThat(submitted.tenantId()).as(this::ctx).isEqualTo(w.tenant.id);
            assertThat(submitted.workspaceId()).as(this::ctx).isEqualTo(w.id);
            w.requests.add(submitted.id());
            w.clientEntries++;
            changed(w);
        }
    }

    /** General's messages as the actor sees them: every one with VIEW_INTERNAL, else the client-visible ones only. */
    private void checkMessages(Actor actor, Target target) {
        WsModel w = target.workspace();
        if (w == null || w.general == null) {
            return;
        }
        Set<Permission> held = permissions(actor, w);
        boolean visible = held.contains(Permission.VIEW_WORKSPACE);
        ConversationId general = w.general;
        Page<Message> page = perform(actor + " messages(" + target + ")", visible ? Expect.OK : Expect.notFound(),
                () -> kit.conversations().messages(actor, w.id, general, PageRequest.first(PageRequest.MAX_LIMIT)));
        Long unread = perform(actor + " unreadInWorkspace(" + target + ")", visible ? Expect.OK : Expect.notFound(),
                () -> kit.conversations().unreadInWorkspace(actor, w.id));
        if (!visible) {
            return;
        }
        requireNonNull(page, "known here: the model or a succeeded operation guarantees it");
        requireNonNull(unread, "known here: the model or a succeeded operation guarantees it");
        boolean internal = held.contains(Permission.VIEW_INTERNAL);
        long expected = w.messages.stream().filter(v -> internal || v == Visibility.CLIENT).count();
        assertThat((long) page.items().size()).as(() -> ctx() + ": messages seen").isEqualTo(Math.min(expected,
                PageRequest.MAX_LIMIT));
        assertThat(page.items()).as(this::ctx).allSatisfy(m -> {
            assertThat(m.tenantId()).isEqualTo(w.tenant.id);
            assertThat(m.workspaceId()).isEqualTo(w.id);
            if (!internal) {
                assertThat(m.visibility()).isEqualTo(Visibility.CLIENT);
            }
        });
        assertThat(unread).as(() -> ctx() + ": unread").isLessThanOrEqualTo(expected);
    }

    /** The workspace's requests as the actor sees them: all of them for anyone who sees the workspace. */
    private void checkRequests(Actor actor, Target target) {
        WsModel w = target.workspace();
        boolean visible = canView(actor, w);
        Page<ClientRequest> page = perform(actor + " requests(" + target + ")", visible ? Expect.OK : Expect.notFound(),
                () -> kit.requests().list(actor, target.id(), Set.of(), PageRequest.first(PageRequest.MAX_LIMIT)));
        if (!visible) {
            return;
        }
        requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
        requireNonNull(page, "known here: the model or a succeeded operation guarantees it");
        assertThat(page.items()).as(this::ctx).extracting(ClientRequest::id)
                .containsExactlyInAnyOrderElementsOf(w.requests.size() > PageRequest.MAX_LIMIT
                        ? page.items().stream().map(ClientRequest::id).toList() : w.requests);
        assertThat(page.items()).as(this::ctx).allSatisfy(r -> {
            assertThat(r.tenantId()).isEqualTo(w.tenant.id);
            assertThat(r.workspaceId()).isEqualTo(w.id);
        });
    }

    /**
     * Another workspace's General, request or request conversation asked for through this workspace's id is never
     * found, whoever asks (the ids are real, only the scope is wrong).
     */
    private void checkForeignThreads(Actor actor, Target target) {
        List<WsModel> others = workspaces.stream().filter(o -> !o.id.equals(target.id())).toList();
        if (others.isEmpty()) {
            return;
        }
        WsModel other = pick(others);
        if (other.general != null) {
            ConversationId foreign = other.general;
            perform(actor + " foreign messages(" + target + ", of " + other + ")", Expect.notFound(),
                    () -> kit.conversations().messages(actor, target.id(), foreign, PageRequest.first(10)));
        }
        if (!other.requests.isEmpty()) {
            RequestId foreign = pick(other.requests);
            perform(actor + " foreign request(" + target + ", of " + other + ")", Expect.notFound(),
                    () -> kit.requests().get(actor, target.id(), foreign));
            perform(actor + " foreign request thread(" + target + ", of " + other + ")", Expect.notFound(),
                    () -> kit.conversations().forRequest(actor, target.id(), foreign));
        }
    }

    // ------------------------------------------------------------------------------------ projects and tasks

    private void projectRandom() {
        Target target = pickTarget();
        Actor actor = pickActor(target);
        WsModel w = target.workspace();
        switch (random.nextInt(5)) {
            case 0 -> createProject(actor, target, random.nextInt(3) == 0 ? Visibility.TEAM : Visibility.CLIENT);
            case 1 -> {
                if (w != null && !w.projects.isEmpty()) {
                    addTask(actor, target, pick(w.projects), random.nextInt(4) == 0 ? Visibility.TEAM : Visibility.CLIENT);
                }
            }
            case 2 -> checkProjects(actor, target);
            case 3 -> {
                if (w != null && !w.projects.isEmpty()) {
                    checkTasks(actor, target, pick(w.projects));
                }
            }
            default -> checkForeignProjects(actor, target);
        }
    }

    /** Whether {@code actor} sees an item of effective visibility {@code visibility} in {@code w}. */
    private boolean sees(Actor actor, @Nullable WsModel w, Visibility visibility) {
        Set<Permission> held = permissions(actor, w);
        return held.contains(Permission.VIEW_WORKSPACE)
                && (visibility == Visibility.CLIENT || held.contains(Permission.VIEW_INTERNAL));
    }

    private void entry(WsModel w, Visibility visibility) {
        if (visibility == Visibility.CLIENT) {
            w.clientEntries++;
        } else {
            w.teamEntries++;
        }
    }

    /**
     * Creates a project (owner: a lead of the workspace) and, when that succeeds, its one task list with the same
     * visibility: {@code MANAGE_PROJECTS} in a writable workspace.
     */
    private void createProject(Actor actor, Target target, Visibility visibility) {
        WsModel w = target.workspace();
        Expect expected = writeAccess(actor, target, Permission.MANAGE_PROJECTS);
        if (expected == null) {
            expected = Expect.OK;
        }
        UserId owner = w == null ? actor.userId() : w.members.entrySet().stream()
                .filter(e -> e.getValue() == WorkspaceRole.LEAD).map(Map.Entry::getKey).sorted().findFirst()
                .orElse(actor.userId());
        Project created = perform(actor + " createProject(" + target + ", " + visibility + ")", expected,
                () -> kit.projects().create(actor, target.id(), new NewProject("Project " + step, "", visibility,
                        Optional.empty(), Optional.empty(), owner)));
        if (!expected.isOk()) {
            return;
        }
        requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
        requireNonNull(created, "known here: the model or a succeeded operation guarantees it");
        assertThat(created.tenantId()).as(this::ctx).isEqualTo(w.tenant.id);
        assertThat(created.workspaceId()).as(this::ctx).isEqualTo(w.id);
        entry(w, visibility);
        changed(w);
        TaskList list = perform(actor + " createList(" + target + ", " + visibility + ")", Expect.OK,
                () -> kit.tasks().createList(actor, target.id(), new NewTaskList(Optional.of(created.id()), "Tasks",
                        visibility)));
        requireNonNull(list, "known here: the model or a succeeded operation guarantees it");
        assertThat(list.workspaceId()).as(this::ctx).isEqualTo(w.id);
        entry(w, visibility);
        w.projects.add(new ProjModel(created.id(), visibility, list.id(), new ArrayList<>()));
    }

    private void addTask(Actor actor, Target target, ProjModel project, Visibility visibility) {
        WsModel w = requireNonNull(target.workspace(), "only known workspaces have projects");
        Expect expected = writeAccess(actor, target, Permission.MANAGE_PROJECTS);
        if (expected == null) {
            // The team manages what it sees: the list of an internal project only with VIEW_INTERNAL.
            expected = sees(actor, w, project.visibility()) ? Expect.OK : Expect.notFound();
        }
        Task added = perform(actor + " addTask(" + target + ", " + project.id() + ", " + visibility + ")", expected,
                () -> kit.tasks().addTask(actor, target.id(), project.list(), new NewTask("Task " + step, "",
                        TaskSide.TEAM, Optional.empty(), Optional.empty(), visibility)));
        if (expected.isOk()) {
            requireNonNull(added, "known here: the model or a succeeded operation guarantees it");
            assertThat(added.tenantId()).as(this::ctx).isEqualTo(w.tenant.id);
            assertThat(added.workspaceId()).as(this::ctx).isEqualTo(w.id);
            Visibility effective = project.visibility() == Visibility.TEAM ? Visibility.TEAM : visibility;
            project.tasks().add(new TaskModel(added.id(), effective));
            entry(w, effective);
            changed(w);
        }
    }

    /** The workspace's projects and their count as the actor sees them. */
    private void checkProjects(Actor actor, Target target) {
        WsModel w = target.workspace();
        boolean visible = canView(actor, w);
        Page<Project> page = perform(actor + " projects(" + target + ")", visible ? Expect.OK : Expect.notFound(),
                () -> kit.projects().list(actor, target.id(), PageRequest.first(PageRequest.MAX_LIMIT)));
        Long count = perform(actor + " projectCount(" + target + ")", visible ? Expect.OK : Expect.notFound(),
                () -> kit.projects().count(actor, target.id()));
        if (!visible) {
            return;
        }
        requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
        requireNonNull(page, "known here: the model or a succeeded operation guarantees it");
        List<ProjectId> expected = w.projects.stream().filter(p -> sees(actor, w, p.visibility())).map(ProjModel::id)
                .toList();
        assertThat(page.items()).as(this::ctx).extracting(Project::id).containsExactlyElementsOf(expected);
        assertThat(count).as(this::ctx).isEqualTo((long) expected.size());
    }

    /** A project's tasks as the actor sees them, in the order they were added. */
    private void checkTasks(Actor actor, Target target, ProjModel project) {
        WsModel w = target.workspace();
        boolean visible = sees(actor, w, project.visibility());
        Page<Task> page = perform(actor + " tasks(" + target + ", " + project.id() + ")",
                visible ? Expect.OK : Expect.notFound(),
                () -> kit.tasks().tasks(actor, target.id(), project.list(), PageRequest.first(PageRequest.MAX_LIMIT)));
        if (!visible) {
            return;
        }
        requireNonNull(page, "known here: the model or a succeeded operation guarantees it");
        List<TaskId> expected = project.tasks().stream().filter(t -> sees(actor, w, t.visibility())).map(TaskModel::id)
                .limit(PageRequest.MAX_LIMIT).toList();
        assertThat(page.items()).as(this::ctx).extracting(Task::id).containsExactlyElementsOf(expected);
    }

    /** Another workspace's project, list or task named through this workspace's id is never found, whoever asks. */
    private void checkForeignProjects(Actor actor, Target target) {
        List<WsModel> others = workspaces.stream().filter(o -> !o.id.equals(target.id()) && !o.projects.isEmpty())
                .toList();
        if (others.isEmpty()) {
            return;
        }
        ProjModel foreign = pick(pick(others).projects);
        perform(actor + " foreign project(" + target + ")", Expect.notFound(),
                () -> kit.projects().get(actor, target.id(), foreign.id()));
        perform(actor + " foreign tasks(" + target + ")", Expect.notFound(),
                () -> kit.tasks().tasks(actor, target.id(), foreign.list(), PageRequest.first(10)));
        perform(actor + " foreign list(" + target + ")", Expect.notFound(),
                () -> kit.tasks().getList(actor, target.id(), foreign.list()));
        if (!foreign.tasks().isEmpty()) {
            TaskId task = pick(foreign.tasks()).id();
            perform(actor + " foreign task(" + target + ")", Expect.notFound(),
                    () -> kit.tasks().get(actor, target.id(), task));
            // A change in an archived workspace the actor sees is refused before the task is looked up, for any id.
            WsModel w = target.workspace();
            Expect expected = canView(actor, w) && requireNonNull(w, "seen, so known").archived ? Expect.archived()
                    : Expect.notFound();
            perform(actor + " complete foreign task(" + target + ")", expected,
                    () -> kit.tasks().complete(actor, target.id(), task, 0));
        }
    }

    // ------------------------------------------------------------------------------------ reads

    private void readRandom() {
        Target target = pickTarget();
        Actor actor = pickActor(target);
        switch (random.nextInt(12)) {
            case 0 -> checkGet(actor, target);
            case 1 -> checkFind(actor, target);
            case 2 -> checkFindBySlug(actor);
            case 3 -> checkFindByExternalRef(actor);
            case 4 -> checkList(actor, 1 + random.nextInt(5));
            case 5 -> checkMembers(actor, target, 1 + random.nextInt(10));
            case 6 -> checkMemberFind(actor, target, pickUser(target));
            case 7 -> checkFeed(actor, target, 1 + random.nextInt(60), true);
            case 8 -> checkPendingInvitations(actor, target);
            case 9 -> checkVerify(actor, target);
            case 10 -> checkTenantRead(actor);
            default -> checkMatrixRead(actor);
        }
    }

    /** Like {@link #assertMatches(Workspace, WsModel)}, as {@code viewer} sees it: clients never get the external reference. */
    private void assertMatches(@Nullable Workspace actual, WsModel expected, Actor viewer) {
        assertThat(actual).as(this::ctx).isNotNull();
        if (viewer.isTeam()) {
            assertMatches(actual, expected);
            return;
        }
        assertThat(actual.externalRef()).as(() -> ctx() + ": a client never sees the external reference").isEmpty();
        assertMatches(actual.withExternalRef(expected.externalRef, actual.updatedAt()), expected);
    }

    private void assertMatches(@Nullable Workspace actual, WsModel expected) {
        assertThat(actual).as(this::ctx).isNotNull();
        assertThat(actual.id()).as(this::ctx).isEqualTo(expected.id);
        assertThat(actual.tenantId()).as(this::ctx).isEqualTo(expected.tenant.id);
        assertThat(actual.slug()).as(this::ctx).isEqualTo(expected.slug);
        assertThat(actual.name()).as(this::ctx).isEqualTo(expected.name);
        assertThat(actual.status()).as(this::ctx)
                .isEqualTo(expected.archived ? WorkspaceStatus.ARCHIVED : WorkspaceStatus.ACTIVE);
        assertThat(actual.version()).as(this::ctx).isEqualTo(expected.version);
        assertThat(actual.externalRef()).as(this::ctx).isEqualTo(expected.externalRef);
    }

    private void checkGet(Actor actor, Target target) {
        boolean visible = canView(actor, target.workspace());
        Workspace found = perform(actor + " get(" + target + ")", visible ? Expect.OK : Expect.notFound(),
                () -> kit.workspaces().get(actor, target.id()));
        if (visible) {
            requireNonNull(target.workspace(), "known here: the model or a succeeded operation guarantees it");
            assertMatches(found, target.workspace(), actor);
        }
    }

    private void checkFind(Actor actor, Target target) {
        current = actor + " find(" + target + ")";
        Optional<Workspace> found = kit.workspaces().find(actor, target.id());
        if (canView(actor, target.workspace())) {
            assertThat(found).as(() -> ctx() + ": visible").isPresent();
            requireNonNull(target.workspace(), "known here: the model or a succeeded operation guarantees it");
            assertMatches(found.get(), target.workspace(), actor);
        } else {
            assertThat(found).as(() -> ctx() + ": must stay invisible").isEmpty();
        }
    }

    private void checkFindBySlug(Actor actor) {
        String slug = pick(SLUGS);
        current = actor + " findBySlug(" + slug + ")";
        Optional<WsModel> expected = tenantOf(actor).workspaces.stream().filter(w -> w.slug.equals(slug))
                .filter(w -> canView(actor, w)).findFirst();
        Optional<Workspace> found = kit.workspaces().findBySlug(actor, slug);
        assertThat(found.map(Workspace::id)).as(this::ctx).isEqualTo(expected.map(w -> w.id));
    }

    private void checkFindByExternalRef(Actor actor) {
        String ref = pick(REFS);
        current = actor + " findByExternalRef(" + ref + ")";
        // Team only: a client finds nothing, as for a reference that does not exist.
        Optional<WsModel> expected = tenantOf(actor).workspaces.stream().filter(w -> w.externalRef.equals(Optional.of(ref)))
                .filter(w -> canView(actor, w)).filter(w -> actor.isTeam()).findFirst();
        Optional<Workspace> found = kit.workspaces().findByExternalRef(actor, ref);
        assertThat(found.map(Workspace::id)).as(this::ctx).isEqualTo(expected.map(w -> w.id));
    }

    private void checkList(Actor actor, int limit) {
        current = actor + " list(limit " + limit + ")";
        List<String> expected = tenantOf(actor).workspaces.stream().filter(w -> canView(actor, w))
                .map(w -> w.slug).sorted().toList();
        List<Workspace> listed = new ArrayList<>();
        PageRequest request = PageRequest.first(limit);
        for (int pages = 0; ; pages++) {
            assertThat(pages).as(() -> ctx() + ": pages never end").isLessThan(MAX_PAGES);
            Page<Workspace> page = kit.workspaces().list(actor, request);
            assertThat(page.items()).as(this::ctx).hasSizeLessThanOrEqualTo(limit);
            listed.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            request = PageRequest.after(page.nextCursor().get(), limit);
        }
        assertThat(listed).as(this::ctx).allSatisfy(w -> assertThat(w.tenantId()).isEqualTo(actor.tenantId()));
        assertThat(listed.stream().map(Workspace::slug).toList())
                .as(() -> ctx() + ": exactly the visible workspaces, by slug, each once")
                .containsExactlyElementsOf(expected);
    }

    private void checkMembers(Actor actor, Target target, int limit) {
        boolean visible = canView(actor, target.workspace());
        Page<Membership> first = perform(actor + " members(" + target + ", limit " + limit + ")",
                visible ? Expect.OK : Expect.notFound(),
                () -> kit.members().list(actor, target.id(), PageRequest.first(limit)));
        if (!visible) {
            return;
        }
        requireNonNull(first, "known here: the model or a succeeded operation guarantees it");
        List<Membership> listed = new ArrayList<>(first.items());
        Page<Membership> page = first;
        for (int pages = 0; page.nextCursor().isPresent(); pages++) {
            assertThat(pages).as(() -> ctx() + ": pages never end").isLessThan(MAX_PAGES);
            page = kit.members().list(actor, target.id(), PageRequest.after(page.nextCursor().get(), limit));
            listed.addAll(page.items());
        }
        requireNonNull(target.workspace(), "known here: the model or a succeeded operation guarantees it");
        Map<UserId, WorkspaceRole> expected = new TreeMap<>(target.workspace().members);
        assertThat(listed).as(this::ctx).allSatisfy(m -> {
            assertThat(m.tenantId()).isEqualTo(actor.tenantId());
            assertThat(m.workspaceId()).isEqualTo(target.id());
        });
        assertThat(listed.stream().map(Membership::userId).toList()).as(() -> ctx() + ": by user id, each once")
                .containsExactlyElementsOf(expected.keySet());
        assertThat(listed.stream().collect(Collectors.toMap(Membership::userId, Membership::role)))
                .as(this::ctx).isEqualTo(expected);
    }

    private void checkMemberFind(Actor actor, Target target, UserId user) {
        boolean visible = canView(actor, target.workspace());
        Optional<Membership> found = perform(actor + " memberFind(" + target + ", " + user + ")",
                visible ? Expect.OK : Expect.notFound(), () -> kit.members().find(actor, target.id(), user));
        if (visible) {
            requireNonNull(found, "known here: the model or a succeeded operation guarantees it");
            assertThat(found.map(Membership::role)).as(this::ctx)
                    .isEqualTo(Optional.ofNullable(requireNonNull(target.workspace(), "visible").members.get(user)));
        }
    }

    private void checkFeed(Actor actor, Target target, int limit, boolean walkAll) {
        Set<Permission> held = permissions(actor, target.workspace());
        boolean visible = held.contains(Permission.VIEW_WORKSPACE);
        Page<ActivityEntry> first = perform(actor + " feed(" + target + ", limit " + limit + ")",
                visible ? Expect.OK : Expect.notFound(),
                () -> kit.activity().feed(actor, target.id(), PageRequest.first(limit)));
        if (!visible) {
            return;
        }
        WsModel w = target.workspace();
        boolean internal = held.contains(Permission.VIEW_INTERNAL);
        requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
        long expectedCount = internal ? w.clientEntries + w.teamEntries : w.clientEntries;
        requireNonNull(first, "known here: the model or a succeeded operation guarantees it");
        List<ActivityEntry> seen = new ArrayList<>(first.items());
        Page<ActivityEntry> page = first;
        for (int pages = 0; walkAll && page.nextCursor().isPresent(); pages++) {
            assertThat(pages).as(() -> ctx() + ": pages never end").isLessThan(MAX_PAGES);
            page = kit.activity().feed(actor, target.id(), PageRequest.after(page.nextCursor().get(), limit));
            seen.addAll(page.items());
        }
        assertThat(seen).as(this::ctx).allSatisfy(e -> {
            assertThat(e.tenantId()).isEqualTo(actor.tenantId());
            assertThat(e.workspaceId()).isEqualTo(target.id());
        });
        if (actor.kind() == ActorKind.CLIENT || !internal) {
            assertThat(seen).as(() -> ctx() + ": a client (or anyone without VIEW_INTERNAL) never sees a TEAM entry")
                    .allSatisfy(e -> assertThat(e.visibility()).isEqualTo(Visibility.CLIENT));
        }
        if (internal) {
            assertThat(seen).as(() -> ctx() + ": newest first")
                    .isSortedAccordingTo(Comparator.comparingLong(ActivityEntry::sequence).reversed());
        } else {
            assertThat(seen).as(() -> ctx() + ": without VIEW_INTERNAL the chain (sequence, hashes) is withheld")
                    .allSatisfy(e -> assertThat(e.chainWithheld()).isTrue());
            assertThat(seen).as(() -> ctx() + ": newest first")
                    .isSortedAccordingTo(Comparator.comparing(ActivityEntry::occurredAt).reversed());
        }
        if (walkAll) {
            assertThat((long) seen.size()).as(() -> ctx() + ": every visible entry, each once").isEqualTo(expectedCount);
            assertThat(seen.stream().map(ActivityEntry::id).distinct().count()).as(this::ctx).isEqualTo(expectedCount);
        } else {
            assertThat((long) seen.size()).as(this::ctx).isEqualTo(Math.min(limit, expectedCount));
        }
    }

    private void checkPendingInvitations(Actor actor, Target target) {
        Set<Permission> held = permissions(actor, target.workspace());
        Expect expected = !held.contains(Permission.VIEW_WORKSPACE) ? Expect.notFound()
                : !held.contains(Permission.INVITE_CLIENTS) ? Expect.denied() : Expect.OK;
        int limit = 1 + random.nextInt(5);
        Page<Invitation> first = perform(actor + " listPending(" + target + ")", expected,
                () -> kit.invitations().listPending(actor, target.id(), PageRequest.first(limit)));
        if (!expected.isOk()) {
            return;
        }
        requireNonNull(first, "known here: the model or a succeeded operation guarantees it");
        List<Invitation> listed = new ArrayList<>(first.items());
        Page<Invitation> page = first;
        for (int pages = 0; page.nextCursor().isPresent(); pages++) {
            assertThat(pages).as(() -> ctx() + ": pages never end").isLessThan(MAX_PAGES);
            page = kit.invitations().listPending(actor, target.id(), PageRequest.after(page.nextCursor().get(), limit));
            listed.addAll(page.items());
        }
        Instant now = clock.instant();
        requireNonNull(target.workspace(), "known here: the model or a succeeded operation guarantees it");
        List<InvitationId> expectedIds = target.workspace().invitations.stream()
                .filter(i -> i.status == InvitationStatus.PENDING && i.expiresAt.isAfter(now))
                // Invitations are team-only: who lacks VIEW_INTERNAL sees only those it sent itself.
                .filter(i -> held.contains(Permission.VIEW_INTERNAL) || actor.userId().equals(i.invitedBy))
                .map(i -> i.id).sorted().toList();
        assertThat(listed.stream().map(Invitation::id).toList()).as(() -> ctx() + ": pending, unexpired, by id")
                .containsExactlyElementsOf(expectedIds);
    }

    private void checkVerify(Actor actor, Target target) {
        Set<Permission> held = permissions(actor, target.workspace());
        Expect expected = !held.contains(Permission.VIEW_WORKSPACE) ? Expect.notFound()
                : !held.contains(Permission.VIEW_INTERNAL) ? Expect.denied() : Expect.OK;
        ChainVerification verification = perform(actor + " verify(" + target + ")", expected,
                () -> kit.activity().verify(actor, target.id()));
        if (expected.isOk()) {
            WsModel w = target.workspace();
            requireNonNull(verification, "known here: the model or a succeeded operation guarantees it");
            assertThat(verification.isIntact()).as(() -> ctx() + ": " + verification.problem()).isTrue();
            requireNonNull(w, "known here: the model or a succeeded operation guarantees it");
            assertThat(verification.head().sequence()).as(this::ctx).isEqualTo(w.clientEntries + w.teamEntries);
        }
    }

    private void checkTenantRead(Actor actor) {
        Expect expected = actor.kind() != ActorKind.TEAM ? Expect.notFound()
                : tenantRole(actor).isEmpty() ? Expect.denied() : Expect.OK;
        Tenant tenant = perform(actor + " tenant()", expected, () -> kit.tenants().get(actor));
        if (expected.isOk()) {
            requireNonNull(tenant, "known here: the model or a succeeded operation guarantees it");
            assertThat(tenant.id()).as(this::ctx).isEqualTo(actor.tenantId());
            List<TeamMember> roster = perform(actor + " team()", Expect.OK,
                    () -> kit.tenants().team(actor, PageRequest.first(PageRequest.MAX_LIMIT)).items());
            requireNonNull(roster, "known here: the model or a succeeded operation guarantees it");
            assertThat(roster.stream().collect(Collectors.toMap(TeamMember::userId, TeamMember::role)))
                    .as(this::ctx).isEqualTo(tenantOf(actor).roster);
        }
    }

    private void checkMatrixRead(Actor actor) {
        Expect expected = actor.kind() != ActorKind.TEAM ? Expect.notFound()
                : tenantRole(actor).isPresent() ? Expect.OK : Expect.denied();
        PermissionMatrix matrix = perform(actor + " matrix()", expected, () -> kit.accessPolicies().matrix(actor));
        if (expected.isOk()) {
            assertThat(matrix).as(this::ctx).isEqualTo(tenantOf(actor).matrix);
        }
    }

    // ------------------------------------------------------------------------------------ checks after each step

    private void changed(WsModel workspace) {
        touchedWorkspaces.add(workspace);
        successfulChanges++;
    }

    private void afterStep() {
        if (expiringNow != null) {
            // An invitation expiring this very instant is no longer pending.
            WsModel w = expiringNow.workspace;
            checkPendingInvitations(new Actor(w.tenant.id, anyAdmin(w.tenant), ActorKind.TEAM), new Target(w.id, w));
        }
        for (WsModel w : touchedWorkspaces) {
            for (Actor actor : actors) {
                checkFind(actor, new Target(w.id, w));
            }
            checkStore(w);
        }
        for (Actor actor : touchedActors) {
            for (WsModel w : workspaces) {
                checkFind(actor, new Target(w.id, w));
            }
            checkList(actor, 1 + random.nextInt(4));
        }
        touchedWorkspaces.clear();
        touchedActors.clear();
        // A random probe of what someone could read.
        Target target = pickTarget();
        Actor actor = pickActor(target);
        checkGet(actor, target);
        checkMemberFind(actor, target, pickUser(target));
        checkFeed(actor, target, 10, false);
        checkList(pick(actors), 1 + random.nextInt(4));
    }

    /** The stores hold exactly what the model says: the row, its members, its log length, its invitations. */
    private void checkStore(WsModel w) {
        current = "stored rows of " + w;
        Optional<Workspace> row = stores.workspaces().find(w.tenant.id, w.id);
        assertThat(row).as(() -> ctx() + ": stored workspace").isPresent();
        assertMatches(row.get(), w);
        Map<UserId, WorkspaceRole> members = stores.memberships().list(w.tenant.id, w.id, Optional.empty(), 10_000)
                .stream().collect(Collectors.toMap(Membership::userId, Membership::role));
        assertThat(members).as(() -> ctx() + ": stored members").isEqualTo(w.members);
        OptionalLong head = stores.activity().latest(w.tenant.id, w.id).stream().mapToLong(ActivityEntry::sequence)
                .findFirst();
        assertThat(head.orElse(0)).as(() -> ctx() + ": activity entries (a failed operation records none)")
                .isEqualTo(w.clientEntries + w.teamEntries);
        for (InvModel invitation : w.invitations) {
            assertThat(stores.invitations().find(w.tenant.id, w.id, invitation.id).map(Invitation::status))
                    .as(() -> ctx() + ": stored " + invitation).contains(invitation.status);
        }
    }

    /** Every actor against every workspace, every list, every store row and chain. */
    private void fullCheck() {
        for (Actor actor : actors) {
            for (WsModel w : workspaces) {
                Target target = new Target(w.id, w);
                checkFind(actor, target);
                checkGet(actor, target);
                checkMembers(actor, target, 50);
                checkFeed(actor, target, 20, false);
            }
            checkList(actor, 1 + random.nextInt(5));
        }
        Set<String> seenIds = new HashSet<>();
        for (WsModel w : workspaces) {
            assertThat(seenIds.add(w.id.value())).as(() -> ctx() + ": workspace ids are unique").isTrue();
            current = "stored rows of " + w;
            checkStore(w);
            long clientVisible = stores.activity().listNewestFirst(w.tenant.id, w.id, EnumSet.of(Visibility.CLIENT),
                    OptionalLong.empty(), Integer.MAX_VALUE).size();
            assertThat(clientVisible).as(() -> ctx() + ": client-visible entries").isEqualTo(w.clientEntries);
            checkVerify(new Actor(w.tenant.id, anyAdmin(w.tenant), ActorKind.TEAM), new Target(w.id, w));
        }
        for (TenantModel t : tenants) {
            current = "workspace count of " + t;
            assertThat(stores.workspaces().count(t.id)).as(this::ctx).isEqualTo(t.workspaces.size());
        }
    }

    /** A tenant admin of the tenant (there is always one). */
    private static UserId anyAdmin(TenantModel t) {
        return t.roster.entrySet().stream().filter(e -> e.getValue() == TenantRole.TENANT_ADMIN)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
    }

    private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
