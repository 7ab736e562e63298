package io.clientworkspace.spring.web;

import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.handoff.HandoffPlan;
import io.clientworkspace.handoff.HandoffResult;
import io.clientworkspace.handoff.WorkspaceHandoff;
import io.clientworkspace.ProjectId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TaskId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the handoff and audit endpoints. */
public final class OpsDtos {

    private OpsDtos() {
    }

    /** What moves in one workspace. */
    public record WorkspaceHandoffDto(String workspaceId, String name, String slug, boolean lead, boolean joinsAsMember,
                                      List<String> tasks, List<String> requests, List<String> projects) {
        static WorkspaceHandoffDto of(WorkspaceHandoff w) {
            return new WorkspaceHandoffDto(w.workspaceId().value(), w.name(), w.slug(), w.lead(), w.joinsAsMember(),
                    w.tasks().stream().map(TaskId::value).toList(), w.requests().stream().map(RequestId::value).toList(),
                    w.projectsOwned().stream().map(ProjectId::value).toList());
        }
    }

    /** A handoff plan with its fingerprint (send it back to execute exactly this plan) and totals. */
    public record HandoffPlanDto(String from, String to, String fingerprint, int leadRoles, int joins, int tasks,
                                 int requests, int projects, List<WorkspaceHandoffDto> workspaces) {
        static HandoffPlanDto of(HandoffPlan p) {
            return new HandoffPlanDto(p.from().value(), p.to().value(), p.fingerprint(), p.leadRoles(), p.joins(),
                    p.tasks(), p.requests(), p.projects(), p.workspaces().stream().map(WorkspaceHandoffDto::of).toList());
        }
    }

    /** An executed handoff: the plan it executed and when. */
    public record HandoffResultDto(HandoffPlanDto plan, Instant completedAt) {
        static HandoffResultDto of(HandoffResult r) {
            return new HandoffResultDto(HandoffPlanDto.of(r.plan()), r.completedAt());
        }
    }

    /** Body of {@code POST /handoffs}. */
    public record HandoffRequest(@Nullable String from, @Nullable String to, @Nullable String fingerprint) {
    }

    /** One audit entry, with its workspace and chain (sequence, previous hash, hash). */
    public record AuditEntryDto(String id, String workspaceId, long sequence, String actorId, String actorKind,
                                String action, String targetType, String targetId, Instant occurredAt,
                                String visibility, Map<String, String> details, String previousHash, String hash) {
        static AuditEntryDto of(ActivityEntry e) {
            return new AuditEntryDto(e.id().value(), e.workspaceId().value(), e.sequence(), e.actorId().value(),
                    e.actorKind().name(), e.action(), e.targetType(), e.targetId(), e.occurredAt(),
                    e.visibility().name(), e.details(), e.previousHash(), e.hash());
        }
    }
}
