package io.clientworkspace.workspace;

import io.clientworkspace.Actor;
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
 * Events about a workspace itself. All are client-visible but a change of the external reference, which
 * clients never see.
 */
public interface WorkspaceEvent extends DomainEvent {

    /** The workspace concerned. */
    WorkspaceId workspace();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    @Override
    default Visibility visibility() {
        return Visibility.CLIENT;
    }

    /** The entry's target: the workspace itself. */
    private static ActivityDescription about(WorkspaceId workspace, String action, Map<String, String> details) {
        return new ActivityDescription(action, "workspace", workspace.value(), details);
    }

    /** A workspace was created. Activity: {@code workspace.created} with its name and slug. */
    record WorkspaceCreated(TenantId tenantId, WorkspaceId workspace, String slug, String name, Actor actor,
                            Instant occurredAt) implements WorkspaceEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(about(workspace, "workspace.created", Map.of("name", name, "slug", slug)));
        }
    }

    /** What about a workspace {@link WorkspaceUpdated} changed, and the action its activity entry names. */
    enum Change {
        /** Its name; client-visible. */
        RENAMED("workspace.renamed"),
        /** Its branding; client-visible. */
        BRANDING_CHANGED("workspace.branding-changed"),
        /** The host's external reference; team-only, clients never see the reference. */
        EXTERNAL_REF_CHANGED("workspace.external-ref-changed");

        private final String action;

        Change(String action) {
            this.action = action;
        }

        /** The activity action, such as {@code workspace.renamed}. */
        public String action() {
            return action;
        }
    }

    /**
     * A workspace's name, branding or external reference changed. Activity: {@code workspace.renamed} (from,
     * to), {@code workspace.branding-changed}, or {@code workspace.external-ref-changed} (the new reference,
     * empty when unlinked), which, like the event, is team-only.
     *
     * <p>A rename or a branding change is client-visible (listeners may forward it to clients), so its
     * snapshots never carry the workspace's external reference, which clients never see: the constructor
     * drops it from both. Only the team-only {@link Change#EXTERNAL_REF_CHANGED} event carries it.
     *
     * @param change   what changed
     * @param previous the workspace before the change
     * @param current  the workspace after it
     */
    record WorkspaceUpdated(TenantId tenantId, WorkspaceId workspace, Change change, Workspace previous,
                            Workspace current, Actor actor, Instant occurredAt) implements WorkspaceEvent {
        public WorkspaceUpdated {
            requireNonNull(change, "change must not be null");
            requireNonNull(previous, "previous must not be null");
            requireNonNull(current, "current must not be null");
            if (change != Change.EXTERNAL_REF_CHANGED) {
                previous = withoutExternalRef(previous);
                current = withoutExternalRef(current);
            }
        }

        private static Workspace withoutExternalRef(Workspace w) {
            return new Workspace(w.id(), w.tenantId(), w.slug(), w.name(), java.util.Optional.empty(), w.branding(),
                    w.status(), w.createdAt(), w.updatedAt(), w.version());
        }

        @Override
        public Visibility visibility() {
            return change == Change.EXTERNAL_REF_CHANGED ? Visibility.TEAM : Visibility.CLIENT;
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(about(workspace, change.action(), switch (change) {
                case RENAMED -> Map.of("from", previous.name(), "to", current.name());
                case BRANDING_CHANGED -> Map.of();
                case EXTERNAL_REF_CHANGED -> Map.of("externalRef", current.externalRef().orElse(""));
            }));
        }
    }

    /** A workspace was archived. Activity: {@code workspace.archived}. */
    record WorkspaceArchived(TenantId tenantId, WorkspaceId workspace, Actor actor, Instant occurredAt)
            implements WorkspaceEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(about(workspace, "workspace.archived", Map.of()));
        }
    }

    /** A workspace was restored from the archive. Activity: {@code workspace.restored}. */
    record WorkspaceRestored(TenantId tenantId, WorkspaceId workspace, Actor actor, Instant occurredAt)
            implements WorkspaceEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(about(workspace, "workspace.restored", Map.of()));
        }
    }
}
