package io.clientworkspace.template;

import io.clientworkspace.Actor;
import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Events about workspace templates. Defining, revising and retiring happen at tenant level (no workspace, so no
 * activity entry; still delivered to listeners); making a workspace from a template is recorded in the new
 * workspace's log, for the team only. Every event is {@link Visibility#TEAM}.
 */
public sealed interface TemplateEvent extends DomainEvent {

    /** The template. */
    TemplateId templateId();

    /** Version 1 of a template was stored. No activity. */
    record TemplateDefined(TenantId tenantId, TemplateId templateId, String key, String name, Actor actor,
                           Instant occurredAt) implements TemplateEvent {
        public TemplateDefined {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(templateId, "templateId must not be null");
            requireNonNull(key, "key must not be null");
            requireNonNull(name, "name must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.empty();
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of();
        }
    }

    /** A new version of a template was stored. No activity. */
    record TemplateRevised(TenantId tenantId, TemplateId templateId, String key, String name, int version, Actor actor,
                           Instant occurredAt) implements TemplateEvent {
        public TemplateRevised {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(templateId, "templateId must not be null");
            requireNonNull(key, "key must not be null");
            requireNonNull(name, "name must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.empty();
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of();
        }
    }

    /** A template was retired (every version). No activity. */
    record TemplateRetired(TenantId tenantId, TemplateId templateId, String key, int version, Actor actor,
                           Instant occurredAt) implements TemplateEvent {
        public TemplateRetired {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(templateId, "templateId must not be null");
            requireNonNull(key, "key must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.empty();
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of();
        }
    }

    /**
     * A workspace was made from a template version. Activity (team-only) in the new workspace:
     * {@code workspace.created-from-template} on the template with its key and version (never the external
     * reference, which stays the team's).
     */
    record WorkspaceCreatedFromTemplate(TenantId tenantId, WorkspaceId workspace, TemplateId templateId, String key,
                                        int version, Actor actor, Instant occurredAt) implements TemplateEvent {
        public WorkspaceCreatedFromTemplate {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(templateId, "templateId must not be null");
            requireNonNull(key, "key must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("workspace.created-from-template", "template", templateId.value(),
                    Map.of("key", key, "version", Integer.toString(version))));
        }
    }
}
