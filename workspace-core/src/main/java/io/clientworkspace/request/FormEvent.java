package io.clientworkspace.request;

import io.clientworkspace.Actor;
import io.clientworkspace.AssignmentId;
import io.clientworkspace.FormId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
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
 * Events about form definitions and form assignments.
 *
 * <p>Definitions belong to the tenant's library or to one workspace; only a workspace's own form has an activity
 * log to write to, so {@link FormChanged} of a library form derives no entry (it is still delivered to listeners),
 * and one of a workspace's form derives a team-only entry. Assignments always happen in a workspace and are
 * visible to its clients.
 */
public sealed interface FormEvent extends DomainEvent {

    /** The form. */
    FormId formId();

    /** What happened to a definition. */
    enum Change {
        /** Version 1 was stored. */
        DEFINED,
        /** A new version was stored. */
        REVISED,
        /** The form was retired. */
        RETIRED
    }

    /**
     * A form was defined, revised or retired. Activity (a workspace's own form only, team-only):
     * {@code form.defined}, {@code form.revised} or {@code form.retired} with key, name and version.
     *
     * @param owner the workspace whose own form it is; empty for the tenant's library
     */
    record FormChanged(TenantId tenantId, Optional<WorkspaceId> owner, FormId formId, Change change, String key,
                       String name, int version, Actor actor, Instant occurredAt) implements FormEvent {
        public FormChanged {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(owner, "owner must not be null");
            requireNonNull(formId, "formId must not be null");
            requireNonNull(change, "change must not be null");
            requireNonNull(key, "key must not be null");
            requireNonNull(name, "name must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return owner;
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            if (owner.isEmpty()) {
                return List.of();
            }
            return List.of(new ActivityDescription("form." + change.name().toLowerCase(java.util.Locale.ROOT), "form",
                    formId.value(), Map.of("key", key, "name", name, "version", Integer.toString(version))));
        }
    }

    /**
     * A form was assigned to a workspace's clients, submitted or cancelled. Activity: {@code form.assigned},
     * {@code form.submitted} (with the resulting request) or {@code form.assignment-cancelled}, with the
     * title, form version and, when set, due date.
     *
     * @param request the request the submission created; empty unless submitted
     */
    record AssignmentChanged(TenantId tenantId, WorkspaceId workspace, AssignmentId assignmentId, FormId formId,
                             int version, AssignmentStatus status, String title, Optional<LocalDate> due,
                             Optional<RequestId> request, Actor actor, Instant occurredAt) implements FormEvent {
        public AssignmentChanged {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(assignmentId, "assignmentId must not be null");
            requireNonNull(formId, "formId must not be null");
            requireNonNull(status, "status must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(due, "due must not be null");
            requireNonNull(request, "request must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.CLIENT;
        }

        @Override
        public List<ActivityDescription> activity() {
            Map<String, String> details = new TreeMap<>(Map.of("title", title, "form", formId.value(),
                    "version", Integer.toString(version)));
            due.ifPresent(d -> details.put("due", d.toString()));
            request.ifPresent(r -> details.put("request", r.value()));
            String action = switch (status) {
                case OPEN -> "form.assigned";
                case SUBMITTED -> "form.submitted";
                case CANCELLED -> "form.assignment-cancelled";
            };
            return List.of(new ActivityDescription(action, "form-assignment", assignmentId.value(), details));
        }
    }
}
