package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of requests and form assignments. Answers are typed by field kind (see {@link Answers}); every
 * change names the version it was made on ({@code expectedVersion} in the body, or If-Match), and a stale one is
 * 409 {@code STALE_VERSION} (412 when sent as If-Match).
 */
public final class RequestDtos {

    private RequestDtos() {
    }

    /** The form version a request or an assignment is bound to. */
    public record FormRefDto(String id, int version) {
        static FormRefDto of(FormRef ref) {
            return new FormRefDto(ref.formId().value(), ref.version());
        }
    }

    /**
     * A request. {@code firstResponseAt} is a team-only field (the response-time metric): it is never sent to
     * clients, and absent until the team first responds. {@code form} is null for a free-form request;
     * {@code answers} maps field ids to typed answers.
     */
    public record RequestDto(String id, String workspaceId, String title, String description, String priority,
                             String status, @Nullable String assignee, @Nullable LocalDate due,
                             @Nullable FormRefDto form,
                             @Schema(description = "answers by field id, typed by field kind")
                             Map<String, Object> answers, List<String> attachments, String submittedBy,
                             Instant submittedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant firstResponseAt,
                             @Nullable Instant resolvedAt, @Nullable String declineReason, long version) {
        static RequestDto of(ClientRequest r, Actor actor) {
            return new RequestDto(r.id().value(), r.workspaceId().value(), r.title(), r.description(),
                    r.priority().name(), r.status().name(), r.assignee().map(UserId::value).orElse(null),
                    r.due().orElse(null), r.form().map(FormRefDto::of).orElse(null), Answers.write(r.answers()),
                    r.attachments().stream().map(FileId::value).toList(), r.submittedBy().value(), r.submittedAt(),
                    actor.isTeam() ? r.firstResponseAt().orElse(null) : null, r.resolvedAt().orElse(null),
                    r.declineReason().orElse(null), r.version());
        }
    }

    /** A form assignment: the pinned form version, the draft answers so far, and once submitted its request. */
    public record AssignmentDto(String id, String workspaceId, FormRefDto form, String title, @Nullable LocalDate due,
                                String status,
                                @Schema(description = "draft answers by field id, typed by field kind")
                                Map<String, Object> draft, String assignedBy, Instant assignedAt,
                                @Nullable String submittedBy, @Nullable Instant submittedAt, @Nullable String requestId,
                                long version) {
        static AssignmentDto of(FormAssignment a) {
            return new AssignmentDto(a.id().value(), a.workspaceId().value(), FormRefDto.of(a.form()), a.title(),
                    a.due().orElse(null), a.status().name(), Answers.write(a.draft()), a.assignedBy().value(),
                    a.assignedAt(), a.submittedBy().map(UserId::value).orElse(null), a.submittedAt().orElse(null),
                    a.request().map(io.clientworkspace.RequestId::value).orElse(null), a.version());
        }
    }

    /**
     * Body of {@code POST /workspaces/{ws}/requests}: free-form (title, description, priority LOW|NORMAL|HIGH|URGENT,
     * attachments as file ids) or through a form ({@code formId} and {@code formVersion} with {@code answers}).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record SubmitRequestRequest(@Nullable String title, @Nullable String description, @Nullable String priority,
                                       @Nullable List<String> attachments, @Nullable String formId,
                                       @Nullable Integer formVersion,
                                       @Schema(description = "answers by field id, typed by field kind")
                                       @Nullable Map<String, JsonInput> answers) implements RejectsUnknownFields {
    }

    /** Body of {@code POST .../requests/{id}/status}: the new status; {@code reason} only (and always) for DECLINED. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ChangeStatusRequest(@Nullable String status, @Nullable String reason, @Nullable Long expectedVersion)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST .../requests/{id}/assignee}: a team member of the workspace, or null to unassign. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AssignRequest(@Nullable String assignee, @Nullable Long expectedVersion) implements RejectsUnknownFields {
    }

    /** Body of {@code PUT .../requests/{id}/due}: an ISO date, or null to clear it. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DueRequest(@Nullable String due, @Nullable Long expectedVersion) implements RejectsUnknownFields {
    }

    /** Body of the changes that need only the version: reopen, cancel. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record VersionRequest(@Nullable Long expectedVersion) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{ws}/form-assignments}: the form (its latest version is pinned). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AssignFormRequest(@Nullable String formId, @Nullable String title, @Nullable String due)
            implements RejectsUnknownFields {
    }

    /** Body of {@code PUT .../form-assignments/{id}/draft} and {@code POST .../submit}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AnswersRequest(@Schema(description = "answers by field id, typed by field kind")
                                 @Nullable Map<String, JsonInput> answers,
                                 @Nullable Long expectedVersion) implements RejectsUnknownFields {
    }

    /**
     * The version a change is made on: {@code expectedVersion} from the body, else the If-Match header; neither is
     * a 400 on {@code expectedVersion}.
     */
    static long expected(@Nullable Long body, @Nullable String ifMatch) {
        if (body != null) {
            return body;
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            return Inputs.ifMatch(ifMatch);
        }
        throw new ValidationException(FieldError.of("expectedVersion",
                "is required: the version you last read (or send it as If-Match)"));
    }

    /** An optional ISO date of a body. */
    static Optional<LocalDate> date(@Nullable String value, String field) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() <= 10) {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new ValidationException(FieldError.of(field, "must be an ISO date such as \"2026-12-31\""));
    }
}
