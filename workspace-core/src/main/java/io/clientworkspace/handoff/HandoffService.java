package io.clientworkspace.handoff;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.ProjectId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskService;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.RequestService;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.MemberService;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Hands a leaving team member's accounts to another team member. Tenant admins only; everyone else, clients
 * included, gets an {@link AccessDeniedException} (a tenant-level operation).
 *
 * <p>What moves, in every <em>active</em> workspace of the tenant (archived workspaces are read-only and keep their
 * history as it was): each LEAD role of {@code from} (the new member becomes LEAD, {@code from} stays a team
 * MEMBER, so that the record of who worked there stays readable and removing them is a separate, deliberate step),
 * each open task and open request assigned to {@code from}, and each project owned by {@code from}. Where
 * {@code to} is not yet a member it joins as a team MEMBER first. Every change goes through the service that owns
 * it, so each is checked and recorded as if made by hand ({@code member.added}, {@code member.role-changed},
 * {@code task.assigned}, {@code request.assigned}, {@code project.updated}), followed by one team-only
 * {@link HandoffEvent.HandoffCompleted} per workspace.
 *
 * <p>{@link #execute} runs in one unit of work and computes the plan again inside it: unless its fingerprint equals
 * the previewed one, nothing changes ({@link ConflictException}); a failure at any write changes nothing.
 */
public final class HandoffService {

    private static final int PAGE = 500;

    private final Kernel kernel;
    private final Authorizer authorizer;
    private final MemberService members;
    private final Optional<TaskService> tasks;
    private final Optional<RequestService> requests;
    private final Optional<ProjectService> projects;

    HandoffService(Kernel kernel, Authorizer authorizer, MemberService members, Optional<TaskService> tasks,
                   Optional<RequestService> requests, Optional<ProjectService> projects) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.members = requireNonNull(members, "members must not be null");
        this.tasks = requireNonNull(tasks, "tasks must not be null");
        this.requests = requireNonNull(requests, "requests must not be null");
        this.projects = requireNonNull(projects, "projects must not be null");
    }

    /**
     * What a handoff from {@code from} to {@code to} would move now. Changes nothing.
     *
     * @throws AccessDeniedException unless the actor is a tenant admin
     * @throws ValidationException   on {@code to} when it is {@code from}, not on the tenant's team roster, or holds
     *                               a client membership in a workspace where something would move
     */
    public HandoffPlan preview(Actor actor, UserId from, UserId to) {
        requireArgs(actor, from, to);
        requireAdmin(actor, "preview a handoff");
        return plan(actor, from, to);
    }

    /**
     * Moves everything of the plan previewed with fingerprint {@code fingerprint}, in one unit of work.
     *
     * @throws AccessDeniedException unless the actor is a tenant admin
     * @throws ValidationException   as {@link #preview}, or on {@code fingerprint} when it is blank
     * @throws ConflictException     ({@code STALE_VERSION}) when the plan changed since the preview: preview again
     */
    public HandoffResult execute(Actor actor, UserId from, UserId to, String fingerprint) {
        requireArgs(actor, from, to);
        requireNonNull(fingerprint, "fingerprint must not be null");
        requireAdmin(actor, "hand off a team member's accounts");
        if (fingerprint.isBlank()) {
            throw new ValidationException(FieldError.of("fingerprint", "must be the fingerprint of a preview"));
        }
        return kernel.write(changes -> {
            HandoffPlan plan = plan(actor, from, to);
            if (!plan.fingerprint().equals(fingerprint)) {
                throw new ConflictException(ConflictException.Reason.STALE_VERSION,
                        "The handoff plan from '" + from + "' to '" + to + "' changed since it was previewed; preview again");
            }
            for (WorkspaceHandoff w : plan.workspaces()) {
                apply(actor, plan, w);
                changes.publish(new HandoffEvent.HandoffCompleted(actor.tenantId(), w.workspaceId(), from, to, w.lead(),
                        w.joinsAsMember(), w.tasks().size(), w.requests().size(), w.projectsOwned().size(), actor,
                        changes.now()));
            }
            return new HandoffResult(plan, changes.now());
        });
    }

    private void apply(Actor actor, HandoffPlan plan, WorkspaceHandoff w) {
        TenantId tenant = actor.tenantId();
        WorkspaceId ws = w.workspaceId();
        if (w.joinsAsMember()) {
            members.add(actor, ws, plan.to(), WorkspaceRole.MEMBER);
        }
        if (w.lead()) {
            boolean toLeads = kernel.stores().memberships().find(tenant, ws, plan.to())
                    .map(m -> m.role() == WorkspaceRole.LEAD).orElse(false);
            if (toLeads) {
                members.changeRole(actor, ws, plan.from(), WorkspaceRole.MEMBER);
            } else {
                members.handOverLead(actor, ws, plan.from(), plan.to());
            }
        }
        for (TaskId id : w.tasks()) {
            TaskStore store = kernel.stores().require(TaskStore.class);
            Task task = store.find(tenant, ws, id).orElseThrow();
            tasks.orElseThrow().update(actor, ws, id, new NewTask(task.title(), task.notes(), task.side(),
                    Optional.of(plan.to()), task.dueDate(), task.visibility()), task.version());
        }
        for (RequestId id : w.requests()) {
            ClientRequest request = kernel.stores().require(RequestStore.class).find(tenant, ws, id).orElseThrow();
            requests.orElseThrow().assign(actor, ws, id, Optional.of(plan.to()), request.version());
        }
        for (ProjectId id : w.projectsOwned()) {
            Project p = kernel.stores().require(ProjectStore.class).find(tenant, ws, id).orElseThrow();
            projects.orElseThrow().update(actor, ws, id, new NewProject(p.name(), p.description(), p.visibility(),
                    p.startDate(), p.targetDate(), plan.to()), p.version());
        }
    }

    private HandoffPlan plan(Actor actor, UserId from, UserId to) {
        TenantId tenant = actor.tenantId();
        if (from.equals(to)) {
            throw new ValidationException(FieldError.of("to", "must be someone other than '" + from + "'"));
        }
        if (kernel.stores().team().find(tenant, to).isEmpty()) {
            throw new ValidationException(FieldError.of("to", "'" + to + "' is not on the tenant's team roster"));
        }
        Map<String, Draft> drafts = new TreeMap<>();
        Optional<WorkspaceId> afterWs = Optional.empty();
        while (true) {
            List<Membership> page = kernel.stores().memberships().listForUser(tenant, from, afterWs, PAGE);
            for (Membership m : page) {
                if (m.role() == WorkspaceRole.LEAD) {
                    draft(drafts, m.workspaceId()).lead = true;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            afterWs = Optional.of(page.get(page.size() - 1).workspaceId());
        }
        if (tasks.isPresent()) {
            TaskStore store = kernel.stores().require(TaskStore.class);
            Optional<Task> after = Optional.empty();
            while (true) {
                List<Task> page = store.listOpenAssignedTo(tenant, from, after, PAGE);
                page.forEach(t -> draft(drafts, t.workspaceId()).tasks.add(t.id()));
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
        }
        if (requests.isPresent()) {
            RequestStore store = kernel.stores().require(RequestStore.class);
            Optional<ClientRequest> after = Optional.empty();
            while (true) {
                List<ClientRequest> page = store.listOpenAssignedTo(tenant, from, after, PAGE);
                page.forEach(r -> draft(drafts, r.workspaceId()).requests.add(r.id()));
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
        }
        if (projects.isPresent()) {
            ProjectStore store = kernel.stores().require(ProjectStore.class);
            Optional<Project> after = Optional.empty();
            while (true) {
                List<Project> page = store.listOwnedBy(tenant, from, after, PAGE);
                page.forEach(p -> draft(drafts, p.workspaceId()).projects.add(p.id()));
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
        }
        List<WorkspaceHandoff> workspaces = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (Draft d : drafts.values()) {
            Optional<Workspace> workspace = kernel.stores().workspaces().find(tenant, d.workspaceId);
            if (workspace.isEmpty() || workspace.get().status() == WorkspaceStatus.ARCHIVED) {
                continue;
            }
            Optional<Membership> toMembership = kernel.stores().memberships().find(tenant, d.workspaceId, to);
            if (toMembership.isPresent() && toMembership.get().role().isClientRole()) {
                errors.add(FieldError.of("to", "'" + to + "' is a client member of workspace '"
                        + workspace.get().slug() + "' and cannot take over team work there"));
                continue;
            }
            WorkspaceHandoff w = new WorkspaceHandoff(d.workspaceId, workspace.get().name(), workspace.get().slug(),
                    d.lead, toMembership.isEmpty(), d.tasks, d.requests, d.projects);
            if (w.movesAnything()) {
                workspaces.add(w);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new HandoffPlan(from, to, workspaces, fingerprint(from, to, workspaces));
    }

    private static Draft draft(Map<String, Draft> drafts, WorkspaceId ws) {
        return drafts.computeIfAbsent(ws.value(), v -> new Draft(ws));
    }

    private static String fingerprint(UserId from, UserId to, List<WorkspaceHandoff> workspaces) {
        StringBuilder text = new StringBuilder("handoff/1\n").append(from.value()).append('\n').append(to.value()).append('\n');
        for (WorkspaceHandoff w : workspaces) {
            text.append(w.workspaceId().value()).append('|').append(w.lead()).append('|').append(w.joinsAsMember())
                    .append("|t:");
            w.tasks().stream().map(TaskId::value).sorted().forEach(id -> text.append(id).append(','));
            text.append("|r:");
            w.requests().stream().map(RequestId::value).sorted().forEach(id -> text.append(id).append(','));
            text.append("|p:");
            w.projectsOwned().stream().map(ProjectId::value).sorted().forEach(id -> text.append(id).append(','));
            text.append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private void requireAdmin(Actor actor, String action) {
        if (authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), action);
        }
    }

    private static void requireArgs(Actor actor, UserId from, UserId to) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
    }

    /** What the plan collects for one workspace before it is checked. */
    private static final class Draft {
        final WorkspaceId workspaceId;
        boolean lead;
        final List<TaskId> tasks = new ArrayList<>();
        final List<RequestId> requests = new ArrayList<>();
        final List<ProjectId> projects = new ArrayList<>();

        Draft(WorkspaceId workspaceId) {
            this.workspaceId = workspaceId;
        }
    }
}
