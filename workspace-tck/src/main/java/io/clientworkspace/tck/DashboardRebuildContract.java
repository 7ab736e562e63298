package io.clientworkspace.tck;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TaskId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.record.NewLinkedRecord;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's read model is kept right: after a seeded random history (approvals, requests, tasks, milestones,
 * projects, messages, members and leads, archive and restore, renames, linked records, visits, the overdue sweep and
 * time moving on, including operations that fail), {@code rebuild} computes exactly the rows the projection kept; and
 * concurrent writers to one workspace leave counts equal to a rebuild. Extend it and implement {@link #createStores()}.
 */
public abstract class DashboardRebuildContract {

    private static final Instant START = Instant.parse("2031-05-04T08:00:00Z");
    private static final Instant SAME = Instant.EPOCH;

    private final DashboardContract.SetClock clock = new DashboardContract.SetClock();
    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Actor tom;
    private Actor carol;
    private Actor erin;
    private final List<WorkspaceId> workspaces = new ArrayList<>();

    /** A new, empty store set providing every feature's stores. */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        clock.now = START;
        kit = WorkspaceKit.builder().stores(createStores()).clock(clock).userDirectory((t, u) -> true).build();
        var tenant = kit.tenants().create("Northwind", UserId.of("alice")).id();
        alice = Actor.team(tenant, "alice");
        bob = Actor.team(tenant, "bob");
        tom = Actor.team(tenant, "tom");
        carol = Actor.client(tenant, "carol");
        erin = Actor.client(tenant, "erin");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, tom.userId(), TenantRole.ACCOUNT_MANAGER);
        for (int i = 0; i < 4; i++) {
            WorkspaceId ws = kit.workspaces().create(bob, NewWorkspace.of("Client " + i, "client-" + i)).id();
            kit.members().add(bob, ws, tom.userId(), WorkspaceRole.MEMBER);
            kit.members().add(bob, ws, carol.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
            workspaces.add(ws);
        }
    }

    private List<WorkspaceSummary> rows() {
        return kit.dashboard().page(alice, DashboardQuery.builder().anyStatus().sort(DashboardSort.NAME).build(),
                        PageRequest.first(500)).items().stream()
                .map(r -> r.summary().withUpdatedAt(SAME)).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(longs = {15L, 4711L, 20310504L})
    void aRebuildAfterARandomHistoryEqualsTheRowsKeptAlongTheWay(long seed) {
        Random random = new Random(seed);
        List<ApprovalId> approvals = new ArrayList<>();
        List<RequestId> requests = new ArrayList<>();
        List<TaskId> tasks = new ArrayList<>();
        List<ProjectId> projects = new ArrayList<>();
        List<WorkspaceId> approvalWs = new ArrayList<>();
        List<WorkspaceId> requestWs = new ArrayList<>();
        List<WorkspaceId> taskWs = new ArrayList<>();
        List<WorkspaceId> projectWs = new ArrayList<>();
        int failures = 0;
        for (int step = 0; step < 250; step++) {
            WorkspaceId ws = workspaces.get(random.nextInt(workspaces.size()));
            try {
                switch (random.nextInt(17)) {
                    case 0 -> {
                        approvals.add(kit.approvals().requestForDeliverable(bob, ws, "Draft " + step, Optional.empty(),
                                NewApproval.of("Sign-off " + step, Set.of(carol.userId()))).id());
                        approvalWs.add(ws);
                    }
                    case 1 -> {
                        if (!approvals.isEmpty()) {
                            int i = random.nextInt(approvals.size());
                            kit.approvals().decide(carol, approvalWs.get(i), approvals.get(i),
                                    random.nextBoolean() ? DecisionKind.APPROVE : DecisionKind.REJECT,
                                    Optional.of("because " + step));
                        }
                    }
                    case 2 -> {
                        requests.add(kit.requests().submit(carol, ws, NewRequest.of("Need " + step, "Please")).id());
                        requestWs.add(ws);
                    }
                    case 3 -> {
                        if (!requests.isEmpty()) {
                            int i = random.nextInt(requests.size());
                            var r = kit.requests().get(bob, requestWs.get(i), requests.get(i));
                            RequestStatus to = List.of(RequestStatus.IN_PROGRESS, RequestStatus.DONE,
                                    RequestStatus.WAITING_ON_CLIENT).get(random.nextInt(3));
                            kit.requests().changeStatus(bob, requestWs.get(i), r.id(), to, Optional.empty(),
                                    r.version());
                        }
                    }
                    case 4 -> {
                        var list = kit.tasks().createList(bob, ws, new NewTaskList(Optional.empty(), "L" + step,
                                random.nextBoolean() ? Visibility.TEAM : Visibility.CLIENT));
                        tasks.add(kit.tasks().addTask(bob, ws, list.id(), new NewTask("T" + step, "", TaskSide.TEAM,
                                Optional.empty(), Optional.of(today().plusDays(random.nextInt(7) - 3)),
                                list.visibility())).id());
                        taskWs.add(ws);
                    }
                    case 5 -> {
                        if (!tasks.isEmpty()) {
                            int i = random.nextInt(tasks.size());
                            var t = kit.tasks().get(bob, taskWs.get(i), tasks.get(i));
                            if (t.completed().isEmpty()) {
                                kit.tasks().complete(bob, taskWs.get(i), t.id(), t.version());
                            } else {
                                kit.tasks().uncomplete(bob, taskWs.get(i), t.id(), t.version());
                            }
                        }
                    }
                    case 6 -> {
                        if (!projects.isEmpty()) {
                            int i = random.nextInt(projects.size());
                            kit.projects().addMilestone(bob, projectWs.get(i), projects.get(i), new NewMilestone(
                                    "M" + step, Optional.of(today().plusDays(random.nextInt(5) - 2)), false));
                        }
                    }
                    case 7 -> {
                        if (!projects.isEmpty()) {
                            int i = random.nextInt(projects.size());
                            var p = kit.projects().get(bob, projectWs.get(i), projects.get(i));
                            kit.projects().setHealth(bob, projectWs.get(i), p.id(),
                                    ProjectHealth.values()[random.nextInt(ProjectHealth.values().length)], p.version());
                        }
                    }
                    case 8 -> {
                        projects.add(kit.projects().create(bob, ws, new NewProject("P" + step, "",
                                random.nextBoolean() ? Visibility.TEAM : Visibility.CLIENT, Optional.empty(),
                                Optional.empty(), bob.userId())).id());
                        projectWs.add(ws);
                    }
                    case 9 -> {
                        Actor author = random.nextBoolean() ? carol : bob;
                        var general = kit.conversations().general(author, ws);
                        kit.conversations().post(author, ws, general.id(), NewMessage.of("Hi " + step));
                    }
                    case 10 -> clock.now = clock.now.plus(Duration.ofMinutes(random.nextInt(48 * 60)));
                    case 11 -> kit.projects().sweepOverdue(clock.now, 1000);
                    case 12 -> {
                        Workspace w = kit.workspaces().get(alice, ws);
                        if (w.isArchived()) {
                            kit.workspaces().restore(alice, ws, w.version());
                        } else if (random.nextInt(3) == 0) {
                            kit.workspaces().archive(alice, ws, w.version());
                        }
                    }
                    case 13 -> {
                        if (kit.members().find(bob, ws, erin.userId()).isPresent()) {
                            kit.members().remove(bob, ws, erin.userId());
                        } else {
                            kit.members().add(bob, ws, erin.userId(), WorkspaceRole.CLIENT_VIEWER);
                        }
                    }
                    case 14 -> {
                        boolean bobLeads = kit.members().find(alice, ws, bob.userId())
                                .filter(m -> m.role() == WorkspaceRole.LEAD).isPresent();
                        if (bobLeads) {
                            kit.members().handOverLead(alice, ws, bob.userId(), tom.userId());
                        } else {
                            kit.members().handOverLead(alice, ws, tom.userId(), bob.userId());
                        }
                    }
                    case 15 -> {
                        Actor visitor = random.nextBoolean() ? carol : erin;
                        kit.insights().recordVisit(visitor, ws);
                    }
                    default -> {
                        // invoices fall due far outside the history's span: the records have no sweep
                        LocalDate due = today().plusDays(random.nextBoolean() ? -400 : 400);
                        String status = List.of("OPEN", "PAID", "VOID").get(random.nextInt(3));
                        kit.records().upsert(bob, ws, NewLinkedRecord.builder(RecordType.INVOICE,
                                "INV-" + random.nextInt(5), "Invoice", status).dueOn(due).build(), OptionalLong.empty());
                        kit.records().upsert(bob, ws, NewLinkedRecord.builder(RecordType.TICKET,
                                "T-" + random.nextInt(5), "Ticket", List.of("OPEN", "PENDING", "CLOSED")
                                        .get(random.nextInt(3))).visibility(random.nextBoolean() ? Visibility.TEAM
                                        : Visibility.CLIENT).build(), OptionalLong.empty());
                    }
                }
            } catch (WorkspaceException expected) {
                failures++; // archived workspaces, stale versions, decided approvals: they change nothing
            }
        }
        // the overdue sweep raises what fell due since the last change, as a host's job would
        kit.projects().sweepOverdue(clock.now, 1000);
        List<WorkspaceSummary> kept = rows();
        assertThat(kept).hasSize(workspaces.size());

        int rebuilt = kit.dashboard().rebuild(alice);

        assertThat(rebuilt).isEqualTo(workspaces.size());
        assertThat(rows()).as("rebuilt after %s failed operations", failures).containsExactlyElementsOf(kept);
    }

    @Test
    void concurrentWritersToOneWorkspaceLeaveCountsEqualToARebuild() {
        WorkspaceId ws = workspaces.get(0);

        Concurrently.Outcomes<String> outcomes = Concurrently.run(i -> {
            if (i % 2 == 0) {
                return kit.requests().submit(carol, ws, NewRequest.of("Need " + i, "Please")).id().value();
            }
            return kit.approvals().requestForDeliverable(bob, ws, "Draft " + i, Optional.empty(),
                    NewApproval.of("Sign-off " + i, Set.of(carol.userId()))).id().value();
        });
        assertThat(outcomes.failures()).isEmpty();
        WorkspaceSummary kept = kit.dashboard().summary(alice, ws).summary();

        kit.dashboard().rebuild(alice.tenantId());

        assertThat(kept.openRequests()).isEqualTo(Concurrently.THREADS / 2);
        assertThat(kept.pendingApprovals()).isEqualTo(Concurrently.THREADS / 2);
        assertThat(kit.dashboard().summary(alice, ws).summary().withUpdatedAt(SAME))
                .isEqualTo(kept.withUpdatedAt(SAME));
    }
}
