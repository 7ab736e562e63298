package io.clientworkspace.insight;

import io.clientworkspace.ActorKind;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalEvent;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.internal.Projection;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.message.MessageEvent;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.project.ProjectEvent;
import io.clientworkspace.project.TaskEvent;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.RequestEvent;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TaskStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the daily rollups inside each operation's unit of work, from the events of approvals, requests, tasks,
 * milestones and onboarding. Samples land on the UTC day of the operation, in the workspace's scope and the
 * tenant's (approval decisions by a client also in that client user's scope). Stores of features that are absent
 * are simply not read.
 */
final class InsightProjection implements Projection {

    private static final Set<ApprovalStatus> DECIDED = Set.of(ApprovalStatus.APPROVED, ApprovalStatus.REJECTED,
            ApprovalStatus.CHANGES_REQUESTED);

    private final InsightStore store;
    private final Optional<ApprovalStore> approvals;
    private final Optional<RequestStore> requests;
    private final Optional<ConversationStore> conversations;
    private final Optional<TaskStore> tasks;
    private final Optional<MilestoneStore> milestones;
    private final Optional<OnboardingStore> onboarding;

    InsightProjection(InsightStore store, Stores stores) {
        this.store = requireNonNull(store, "store must not be null");
        requireNonNull(stores, "stores must not be null");
        this.approvals = stores.find(ApprovalStore.class);
        this.requests = stores.find(RequestStore.class);
        this.conversations = stores.find(ConversationStore.class);
        this.tasks = stores.find(TaskStore.class);
        this.milestones = stores.find(MilestoneStore.class);
        this.onboarding = stores.find(OnboardingStore.class);
    }

    @Override
    public void project(List<DomainEvent> events, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<RequestId> responded = new HashSet<>();
        for (DomainEvent event : events) {
            if (event instanceof ApprovalEvent.ApprovalResolved resolved) {
                if (DECIDED.contains(resolved.outcome())) {
                    sample(resolved.tenantId(), resolved.workspace(), day, InsightMetric.APPROVAL_TURNAROUND,
                            resolved.turnaround());
                }
            } else if (event instanceof ApprovalEvent.DecisionRecorded decided) {
                if (decided.actor().kind() == ActorKind.CLIENT) {
                    approvals.flatMap(a -> a.find(decided.tenantId(), decided.workspace(), decided.requestId()))
                            .ifPresent(r -> store.sample(decided.tenantId(),
                                    InsightScope.clientUser(decided.actor().userId()), day,
                                    InsightMetric.APPROVAL_TURNAROUND, Duration.between(r.requestedAt(), now)));
                }
            } else if (event instanceof RequestEvent.RequestStatusChanged changed) {
                request(changed.tenantId(), changed.workspace(), changed.requestId()).ifPresent(r -> {
                    firstResponse(r, now, day, responded);
                    if (changed.to().isResolved() && r.resolvedAt().filter(now::equals).isPresent()) {
                        sample(r.tenantId(), r.workspaceId(), day, InsightMetric.REQUEST_RESOLUTION,
                                Duration.between(r.submittedAt(), now));
                    }
                });
            } else if (event instanceof MessageEvent.MessagePosted posted) {
                if (posted.actor().isTeam() && posted.visibility() == Visibility.CLIENT) {
                    conversations.flatMap(c -> c.find(posted.tenantId(), posted.workspace(), posted.conversationId()))
                            .flatMap(c -> c.item())
                            .filter(item -> item.type() == ItemType.REQUEST)
                            .flatMap(item -> request(posted.tenantId(), posted.workspace(), RequestId.of(item.id())))
                            .ifPresent(r -> firstResponse(r, now, day, responded));
                }
            } else if (event instanceof ProjectEvent.OnboardingChecklistCompleted completed) {
                facts(completed.tenantId(), completed.workspace()).flatMap(OnboardingFacts::timeToChecklist)
                        .ifPresent(d -> sample(completed.tenantId(), completed.workspace(), day,
                                InsightMetric.TIME_TO_CHECKLIST, d));
            } else if (event instanceof ProjectEvent.FirstMilestoneDelivered delivered) {
                facts(delivered.tenantId(), delivered.workspace()).flatMap(OnboardingFacts::timeToFirstDelivery)
                        .ifPresent(d -> sample(delivered.tenantId(), delivered.workspace(), day,
                                InsightMetric.TIME_TO_FIRST_DELIVERY, d));
            } else if (event instanceof TaskEvent.TaskOverdue overdue) {
                count(overdue.tenantId(), overdue.workspace(), day, InsightMetric.ITEMS_OVERDUE);
            } else if (event instanceof ProjectEvent.MilestoneOverdue overdue) {
                count(overdue.tenantId(), overdue.workspace(), day, InsightMetric.ITEMS_OVERDUE);
            } else if (event instanceof TaskEvent.TaskCompleted completed) {
                Optional<LocalDate> due = tasks.flatMap(t -> t.find(completed.tenantId(), completed.workspace(),
                        completed.taskId())).flatMap(t -> t.dueDate());
                onTime(completed.tenantId(), completed.workspace(), day, due,
                        "task:" + completed.taskId().value());
            } else if (event instanceof ProjectEvent.MilestoneDelivered delivered) {
                Optional<LocalDate> due = milestones.flatMap(m -> m.find(delivered.tenantId(), delivered.workspace(),
                        delivered.milestoneId())).flatMap(m -> m.dueDate());
                onTime(delivered.tenantId(), delivered.workspace(), day, due,
                        "milestone:" + delivered.milestoneId().value());
            }
        }
    }

    private void firstResponse(ClientRequest r, Instant now, LocalDate day, Set<RequestId> responded) {
        if (r.firstResponseAt().filter(now::equals).isPresent() && responded.add(r.id())) {
            sample(r.tenantId(), r.workspaceId(), day, InsightMetric.REQUEST_FIRST_RESPONSE,
                    Duration.between(r.submittedAt(), now));
        }
    }

    /**
     * Counts an on-time completion once per item and due day (like ITEMS_OVERDUE): completing, reopening and
     * completing the same item again before the same due day adds nothing.
     */
    private void onTime(TenantId tenant, WorkspaceId workspace, LocalDate day, Optional<LocalDate> due,
                        String item) {
        Optional<LocalDate> onTimeFor = due.filter(d -> !day.isAfter(d));
        if (onTimeFor.isPresent() && store.markOnTime(tenant, workspace, item, onTimeFor.get())) {
            count(tenant, workspace, day, InsightMetric.ITEMS_ON_TIME);
        }
    }

    private Optional<ClientRequest> request(TenantId tenant, WorkspaceId workspace, RequestId id) {
        return requests.flatMap(r -> r.find(tenant, workspace, id));
    }

    private Optional<OnboardingFacts> facts(TenantId tenant, WorkspaceId workspace) {
        return onboarding.flatMap(o -> o.find(tenant, workspace));
    }

    private void sample(TenantId tenant, WorkspaceId workspace, LocalDate day, InsightMetric metric, Duration value) {
        store.sample(tenant, InsightScope.workspace(workspace), day, metric, value);
        store.sample(tenant, InsightScope.tenant(), day, metric, value);
    }

    private void count(TenantId tenant, WorkspaceId workspace, LocalDate day, InsightMetric metric) {
        store.count(tenant, InsightScope.workspace(workspace), day, metric, 1);
        store.count(tenant, InsightScope.tenant(), day, metric, 1);
    }

}
