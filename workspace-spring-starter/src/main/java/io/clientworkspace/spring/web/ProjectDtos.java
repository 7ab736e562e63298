package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.FieldError;
import io.clientworkspace.TaskListId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON shapes of projects, milestones, status updates and the onboarding checklist. Every change names the
 * version it was made on ({@code expectedVersion} in the body, or If-Match), like requests: a stale one is 409
 * {@code STALE_VERSION} (412 when sent as If-Match). Dates are ISO calendar dates ({@code 2026-12-31}), instants
 * ISO instants in UTC.
 */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    /** A project. {@code health}: ON_TRACK, AT_RISK, OFF_TRACK, ON_HOLD or COMPLETED. */
    public record ProjectDto(String id, String workspaceId, String name, String description, String visibility,
                             @Nullable LocalDate startDate, @Nullable LocalDate targetDate, String health, String owner,
                             String createdBy, Instant createdAt, Instant updatedAt, long version) {
        static ProjectDto of(Project p) {
            return new ProjectDto(p.id().value(), p.workspaceId().value(), p.name(), p.description(),
                    p.visibility().name(), p.startDate().orElse(null), p.targetDate().orElse(null), p.health().name(),
                    p.owner().value(), p.createdBy().value(), p.createdAt(), p.updatedAt(), p.version());
        }
    }

    /**
     * A milestone. {@code approval} is the approval that signs it off, shown only to callers who may see that
     * approval (null otherwise, and when none is linked); {@code deliveredAt}/{@code deliveredBy} are set while it is
     * delivered.
     */
    public record MilestoneDto(String id, String workspaceId, String projectId, String title, @Nullable LocalDate dueDate,
                               boolean requiresApproval, @Nullable String approval, boolean delivered,
                               @Nullable Instant deliveredAt, @Nullable String deliveredBy, Instant createdAt,
                               Instant updatedAt, long version) {
        static MilestoneDto of(Milestone m) {
            return new MilestoneDto(m.id().value(), m.workspaceId().value(), m.projectId().value(), m.title(),
                    m.dueDate().orElse(null), m.requiresApproval(), m.approval().map(ApprovalId::value).orElse(null),
                    m.delivered().isPresent(), m.delivered().map(d -> d.at()).orElse(null),
                    m.delivered().map(d -> d.by().value()).orElse(null), m.createdAt(), m.updatedAt(), m.version());
        }
    }

    /** A status update: the weekly post (health, summary, done, next, risks); TEAM visibility for an internal one. */
    public record StatusUpdateDto(String id, String workspaceId, String projectId, String health, String summary,
                                  String done, String next, String risks, String visibility, String author,
                                  Instant postedAt, long version) {
        static StatusUpdateDto of(StatusUpdate s) {
            return new StatusUpdateDto(s.id().value(), s.workspaceId().value(), s.projectId().value(), s.health().name(),
                    s.summary(), s.done(), s.next(), s.risks(), s.visibility().name(), s.author().value(), s.postedAt(),
                    s.version());
        }
    }

    /** Who saw a status update, and when (the first time). */
    public record AcknowledgementDto(String statusUpdateId, String user, Instant at) {
        static AcknowledgementDto of(Acknowledgement a) {
            return new AcknowledgementDto(a.statusUpdateId().value(), a.user().value(), a.at());
        }
    }

    /** How far a task list is done, counting only the tasks the caller may see; {@code percent} rounded down. */
    public record ProgressDto(int done, int total, int percent) {
        static ProgressDto of(ChecklistProgress p) {
            return new ProgressDto(p.done(), p.total(), p.percent());
        }
    }

    /**
     * The team's onboarding facts (time-to-onboard). Durations are ISO-8601 ({@code PT72H}), null until both of
     * their instants are known.
     */
    public record OnboardingFactsDto(@Nullable Instant contractSignedAt, @Nullable Instant checklistCompletedAt,
                                     @Nullable Instant firstMilestoneDeliveredAt, @Nullable Duration timeToChecklist,
                                     @Nullable Duration timeToFirstDelivery) {
        static OnboardingFactsDto of(OnboardingFacts f) {
            return new OnboardingFactsDto(f.contractSignedAt().orElse(null), f.checklistCompletedAt().orElse(null),
                    f.firstMilestoneDeliveredAt().orElse(null), f.timeToChecklist().orElse(null),
                    f.timeToFirstDelivery().orElse(null));
        }
    }

    /**
     * The workspace's onboarding: its checklist (a task list: {@code GET /task-lists/{checklistId}/tasks}; null
     * while it does not exist: a read never creates it, a team member's first checklist item does) and its progress, for everyone who may see the workspace;
     * {@code facts} only for the team (a client's JSON has no {@code facts} key at all).
     */
    public record OnboardingDto(String workspaceId, @Nullable String checklistId, ProgressDto progress,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable OnboardingFactsDto facts) {
        static OnboardingDto of(String workspaceId, Optional<TaskListId> checklist, ChecklistProgress progress,
                                Optional<OnboardingFacts> facts) {
            return new OnboardingDto(workspaceId, checklist.map(TaskListId::value).orElse(null),
                    ProgressDto.of(progress), facts.map(OnboardingFactsDto::of).orElse(null));
        }
    }

    /**
     * Body of {@code POST .../projects}: {@code name} required; {@code visibility} CLIENT (default) or TEAM
     * (internal); {@code owner} a team member of the workspace (default: the caller).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateProjectRequest(@Nullable String name, @Nullable String description, @Nullable String visibility,
                                       @Nullable String startDate, @Nullable String targetDate, @Nullable String owner)
            implements RejectsUnknownFields {
    }

    /**
     * Body of {@code PATCH .../projects/{id}}: every field optional, absent fields stay as they are;
     * {@code startDate}/{@code targetDate} null clears the date.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UpdateProjectRequest(@Nullable String name, @Nullable String description, @Nullable String visibility,
                                       @Schema(type = "string", format = "date", nullable = true,
                                               description = "an ISO date; null clears it, absent keeps it")
                                       @Nullable JsonNode startDate,
                                       @Schema(type = "string", format = "date", nullable = true,
                                               description = "an ISO date; null clears it, absent keeps it")
                                       @Nullable JsonNode targetDate,
                                       @Nullable String owner, @Nullable Long expectedVersion)
            implements RejectsUnknownFields {
    }

    /** Body of {@code PUT .../projects/{id}/health}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record HealthRequest(@Nullable String health, @Nullable Long expectedVersion) implements RejectsUnknownFields {
    }

    /** Body of {@code POST .../projects/{id}/milestones}: {@code title} required. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateMilestoneRequest(@Nullable String title, @Nullable String dueDate,
                                         @Nullable Boolean requiresApproval) implements RejectsUnknownFields {
    }

    /** Body of {@code PATCH .../milestones/{id}}: absent fields stay as they are; {@code dueDate} null clears it. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UpdateMilestoneRequest(@Nullable String title,
                                         @Schema(type = "string", format = "date", nullable = true,
                                                 description = "an ISO date; null clears it, absent keeps it")
                                         @Nullable JsonNode dueDate,
                                         @Nullable Boolean requiresApproval, @Nullable Long expectedVersion)
            implements RejectsUnknownFields {
    }

    /** Body of {@code PUT .../milestones/{id}/approval}: an approval id of the workspace, or null to unlink. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record LinkApprovalRequest(@Nullable String approval, @Nullable Long expectedVersion)
            implements RejectsUnknownFields {
    }

    /** Body of the changes that need only the version (delivery, completion, deletion); If-Match does as well. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ExpectedVersionRequest(@Nullable Long expectedVersion) implements RejectsUnknownFields {
    }

    /**
     * Body of {@code POST .../projects/{id}/status-updates}: {@code health} and {@code summary} required;
     * {@code visibility} CLIENT (default; sets the project's health) or TEAM (internal; leaves it).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record PostStatusRequest(@Nullable String health, @Nullable String summary, @Nullable String done,
                                    @Nullable String next, @Nullable String risks, @Nullable String visibility)
            implements RejectsUnknownFields {
    }

    /** Body of {@code PUT .../onboarding/contract-signed}: when the contract was signed (an ISO instant). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ContractSignedRequest(@Nullable Instant signedAt) implements RejectsUnknownFields {
    }

    /** The version a change is made on, from the body or If-Match (see {@link RequestDtos#expected}). */
    static long expected(@Nullable Long body, @Nullable String ifMatch) {
        return RequestDtos.expected(body, ifMatch);
    }

    /**
     * A field of a PATCH body that may be cleared: absent ({@code null} here) keeps {@code current}, JSON null clears
     * it, a string is parsed.
     */
    static <T> Optional<T> patched(@Nullable JsonNode value, Optional<T> current, String field,
                                   Function<String, Optional<T>> parse) {
        if (value == null) {
            return current;
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new ValidationException(FieldError.of(field, "must be a string or null"));
        }
        return parse.apply(value.asString());
    }

    /** {@link #patched} for an ISO date. */
    static Optional<LocalDate> patchedDate(@Nullable JsonNode value, Optional<LocalDate> current, String field) {
        return patched(value, current, field, text -> RequestDtos.date(text, field).or(() -> {
            throw new ValidationException(FieldError.of(field, "must be an ISO date such as \"2026-12-31\" or null"));
        }));
    }

    /** A user id of a body, or a field error on {@code field}. */
    static UserId user(String value, String field) {
        try {
            return UserId.of(value);
        } catch (ValidationException e) {
            throw new ValidationException(FieldError.of(field, "is not a valid user id"));
        }
    }
}
