package io.clientworkspace.project;

import io.clientworkspace.Actor;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskListId;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Events about projects, milestones, status updates and onboarding facts. Each carries the effective visibility of
 * its item (a milestone: its project's), so internal items never reach clients; contract and first-delivery facts
 * are team-only. No activity entry holds a description or a status update's text: only ids, names, titles, health
 * and dates.
 */
public sealed interface ProjectEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    /** An activity entry on {@code targetType}/{@code targetId}. */
    private static ActivityDescription entry(String action, String targetType, String targetId,
                                             Map<String, String> details) {
        return new ActivityDescription(action, targetType, targetId, details);
    }

    /** The details map of the given key/value pairs, skipping empty optionals. */
    private static Map<String, String> details(Object... keysAndValues) {
        Map<String, String> details = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof Optional<?> optional) {
                String key = (String) keysAndValues[i];
                optional.ifPresent(v -> details.put(key, v.toString()));
                continue;
            }
            details.put((String) keysAndValues[i], value.toString());
        }
        return details;
    }

    /** Changed field names as one sorted, comma-separated value. */
    private static String joined(Set<String> changed) {
        return String.join(",", new TreeSet<>(changed));
    }

    /**
     * A project was created. Activity: {@code project.created} with its name.
     */
    record ProjectCreated(TenantId tenantId, WorkspaceId workspace, ProjectId projectId, String name,
                          Visibility visibility, Actor actor, Instant occurredAt) implements ProjectEvent {
        public ProjectCreated {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(name, "name must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("project.created", "project", projectId.value(), details("name", name)));
        }
    }

    /**
     * A project's details changed. Activity: {@code project.updated} with its name and the changed fields
     * (e.g. {@code description,targetDate}).
     */
    record ProjectUpdated(TenantId tenantId, WorkspaceId workspace, ProjectId projectId, String name,
                          Set<String> changed, Visibility visibility, Actor actor,
                          Instant occurredAt) implements ProjectEvent {
        public ProjectUpdated {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(name, "name must not be null");
            changed = Set.copyOf(requireNonNull(changed, "changed must not be null"));
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("project.updated", "project", projectId.value(), details("name", name, "changed", joined(changed))));
        }
    }

    /**
     * A project's health changed, set by the team or by a client-visible status update. Activity:
     * {@code project.health-changed} with from, to and the status update, if one set it.
     */
    record ProjectHealthChanged(TenantId tenantId, WorkspaceId workspace, ProjectId projectId, String name,
                                ProjectHealth from, ProjectHealth to, Optional<StatusUpdateId> statusUpdate,
                                Visibility visibility, Actor actor, Instant occurredAt) implements ProjectEvent {
        public ProjectHealthChanged {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(name, "name must not be null");
            requireNonNull(from, "from must not be null");
            requireNonNull(to, "to must not be null");
            requireNonNull(statusUpdate, "statusUpdate must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("project.health-changed", "project", projectId.value(),
                    details("name", name, "from", from, "to", to, "statusUpdate", statusUpdate)));
        }
    }

    /**
     * A milestone was added. Activity: {@code milestone.added} with the project, title and due date.
     */
    record MilestoneAdded(TenantId tenantId, WorkspaceId workspace, ProjectId projectId, MilestoneId milestoneId,
                          String title, Optional<LocalDate> dueDate, Visibility visibility, Actor actor,
                          Instant occurredAt) implements ProjectEvent {
        public MilestoneAdded {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(milestoneId, "milestoneId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(dueDate, "dueDate must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("milestone.added", "milestone", milestoneId.value(),
                    details("project", projectId, "title", title, "due", dueDate)));
        }
    }

    /**
     * A milestone's details or linked approval changed. Activity: {@code milestone.updated} with the project,
     * title, due date and the changed fields (never the approval's id: it may be internal).
     */
    record MilestoneUpdated(TenantId tenantId, WorkspaceId workspace, ProjectId projectId, MilestoneId milestoneId,
                            String title, Optional<LocalDate> dueDate, Set<String> changed, Visibility visibility,
                            Actor actor, Instant occurredAt) implements ProjectEvent {
        public MilestoneUpdated {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(milestoneId, "milestoneId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(dueDate, "dueDate must not be null");
            changed = Set.copyOf(requireNonNull(changed, "changed must not be null"));
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("milestone.updated", "milestone", milestoneId.value(),
                    details("project", projectId, "title", title, "due", dueDate, "changed", joined(changed))));
        }
    }

    /**
     * A milestone was marked delivered. Activity: {@code milestone.delivered} with the project and title.
     */
    record MilestoneDelivered(TenantId tenantId, WorkspaceId workspace, ProjectId projectId, MilestoneId milestoneId,
                              String title, Visibility visibility, Actor actor,
                              Instant occurredAt) implements ProjectEvent {
        public MilestoneDelivered {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(milestoneId, "milestoneId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("milestone.delivered", "milestone", milestoneId.value(), details("project", projectId, "title", title)));
        }
    }

    /**
     * A milestone's delivery was undone. Activity: {@code milestone.undelivered} with the project and title.
     */
    record MilestoneUndelivered(TenantId tenantId, WorkspaceId workspace, ProjectId projectId,
                                MilestoneId milestoneId, String title, Visibility visibility, Actor actor,
                                Instant occurredAt) implements ProjectEvent {
        public MilestoneUndelivered {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(milestoneId, "milestoneId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("milestone.undelivered", "milestone", milestoneId.value(), details("project", projectId, "title", title)));
        }
    }

    /**
     * The overdue sweep found a milestone past due and not delivered (raised once per due date; its actor is
     * the system actor {@code workspace}). Activity: {@code milestone.overdue} with the project, title and due date.
     */
    record MilestoneOverdue(TenantId tenantId, WorkspaceId workspace, ProjectId projectId, MilestoneId milestoneId,
                            String title, LocalDate dueDate, Visibility visibility, Actor actor,
                            Instant occurredAt) implements ProjectEvent {
        public MilestoneOverdue {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(milestoneId, "milestoneId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(dueDate, "dueDate must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("milestone.overdue", "milestone", milestoneId.value(),
                    details("project", projectId, "title", title, "due", dueDate)));
        }
    }

    /**
     * A status update was posted. Activity: {@code status-update.posted} with the project and health (never
     * its text).
     */
    record StatusUpdatePosted(TenantId tenantId, WorkspaceId workspace, ProjectId projectId,
                              StatusUpdateId statusUpdateId, ProjectHealth health, Visibility visibility, Actor actor,
                              Instant occurredAt) implements ProjectEvent {
        public StatusUpdatePosted {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(statusUpdateId, "statusUpdateId must not be null");
            requireNonNull(health, "health must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("status-update.posted", "status-update", statusUpdateId.value(),
                    details("project", projectId, "health", health)));
        }
    }

    /**
     * The actor acknowledged a status update (the first time only). Activity:
     * {@code status-update.acknowledged} with the project.
     */
    record StatusUpdateAcknowledged(TenantId tenantId, WorkspaceId workspace, ProjectId projectId,
                                    StatusUpdateId statusUpdateId, Visibility visibility, Actor actor,
                                    Instant occurredAt) implements ProjectEvent {
        public StatusUpdateAcknowledged {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(statusUpdateId, "statusUpdateId must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("status-update.acknowledged", "status-update", statusUpdateId.value(), details("project", projectId)));
        }
    }

    /**
     * The host recorded when the workspace's contract was signed. Team only. Activity:
     * {@code onboarding.contract-signed} with the time.
     */
    record ContractSignedRecorded(TenantId tenantId, WorkspaceId workspace, Instant signedAt, Actor actor,
                                  Instant occurredAt) implements ProjectEvent {
        public ContractSignedRecorded {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(signedAt, "signedAt must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("onboarding.contract-signed", "workspace", workspace.value(), details("signedAt", signedAt)));
                }
            
                @Override
                public Visibility visibility() {
                    return Visibility.TEAM;
        }
    }

    /**
     * Every task of the onboarding checklist was done for the first time (never raised again). Client-visible.
     * Activity: {@code onboarding.checklist-completed} on the list.
     */
    record OnboardingChecklistCompleted(TenantId tenantId, WorkspaceId workspace, TaskListId listId, Actor actor,
                                        Instant occurredAt) implements ProjectEvent {
        public OnboardingChecklistCompleted {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("onboarding.checklist-completed", "task-list", listId.value(), Map.of()));
                }
            
                @Override
                public Visibility visibility() {
                    return Visibility.CLIENT;
        }
    }

    /**
     * The workspace's first milestone was delivered (never raised again). Team only. Activity:
     * {@code onboarding.first-milestone-delivered} with the project and title.
     */
    record FirstMilestoneDelivered(TenantId tenantId, WorkspaceId workspace, ProjectId projectId,
                                   MilestoneId milestoneId, String title, Actor actor,
                                   Instant occurredAt) implements ProjectEvent {
        public FirstMilestoneDelivered {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(milestoneId, "milestoneId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("onboarding.first-milestone-delivered", "milestone", milestoneId.value(),
                    details("project", projectId, "title", title)));
                }
            
                @Override
                public Visibility visibility() {
                    return Visibility.TEAM;
        }
    }
}
