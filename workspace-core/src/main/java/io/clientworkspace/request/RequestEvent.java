package io.clientworkspace.request;

import io.clientworkspace.Actor;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Events about client requests. Requests are client-visible, so every event is ({@link Visibility#CLIENT});
 * no activity entry carries the description or the answers, only ids, title, statuses and dates.
 */
public sealed interface RequestEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    /** The request. */
    RequestId requestId();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    @Override
    default Visibility visibility() {
        return Visibility.CLIENT;
    }

    private static ActivityDescription request(RequestId id, String action, Map<String, String> details) {
        return new ActivityDescription(action, "request", id.value(), details);
    }

    /**
     * A request was submitted. Activity: {@code request.submitted} with title, priority and, through a form, the
     * form and its version.
     */
    record RequestSubmitted(TenantId tenantId, WorkspaceId workspace, RequestId requestId, String title,
                            Priority priority, Optional<FormRef> form, Actor actor, Instant occurredAt)
            implements RequestEvent {
        public RequestSubmitted {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(requestId, "requestId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(priority, "priority must not be null");
            requireNonNull(form, "form must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            Map<String, String> details = new TreeMap<>(Map.of("title", title, "priority", priority.name()));
            form.ifPresent(f -> {
                details.put("form", f.formId().value());
                details.put("version", Integer.toString(f.version()));
            });
            return List.of(request(requestId, "request.submitted", details));
        }
    }

    /**
     * The status changed. Activity: {@code request.status-changed} (or {@code request.reopened} when it left DONE
     * or DECLINED) with from, to and, when declined, the reason.
     */
    record RequestStatusChanged(TenantId tenantId, WorkspaceId workspace, RequestId requestId, RequestStatus from,
                                RequestStatus to, Optional<String> reason, Actor actor, Instant occurredAt)
            implements RequestEvent {
        public RequestStatusChanged {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(requestId, "requestId must not be null");
            requireNonNull(from, "from must not be null");
            requireNonNull(to, "to must not be null");
            requireNonNull(reason, "reason must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            Map<String, String> details = new TreeMap<>(Map.of("from", from.name(), "to", to.name()));
            reason.ifPresent(r -> details.put("reason", r));
            return List.of(request(requestId, from.isResolved() ? "request.reopened" : "request.status-changed", details));
        }
    }

    /** The assignee changed. Activity: {@code request.assigned} with the assignee ("" when unassigned). */
    record RequestAssigned(TenantId tenantId, WorkspaceId workspace, RequestId requestId, Optional<UserId> assignee,
                           Actor actor, Instant occurredAt) implements RequestEvent {
        public RequestAssigned {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(requestId, "requestId must not be null");
            requireNonNull(assignee, "assignee must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(request(requestId, "request.assigned", Map.of("assignee", assignee.map(UserId::value).orElse(""))));
        }
    }

    /** The due date changed. Activity: {@code request.due-changed} with the due date ("" when cleared). */
    record RequestDueChanged(TenantId tenantId, WorkspaceId workspace, RequestId requestId, Optional<LocalDate> due,
                             Actor actor, Instant occurredAt) implements RequestEvent {
        public RequestDueChanged {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(requestId, "requestId must not be null");
            requireNonNull(due, "due must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(request(requestId, "request.due-changed", Map.of("due", due.map(LocalDate::toString).orElse(""))));
        }
    }
}
