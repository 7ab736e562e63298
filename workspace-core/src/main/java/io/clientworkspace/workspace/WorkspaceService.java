package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.InputValidator;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Creates, finds, lists, renames, brands, archives and restores workspaces.
 *
 * <p>Team users whose tenant role is {@link TenantRole#TENANT_ADMIN} or
 * {@link TenantRole#ACCOUNT_MANAGER} create workspaces; the creator (or the chosen team user) becomes
 * the first {@link WorkspaceRole#LEAD}. Every change takes the version the caller last read and fails
 * with a stale-version {@link ConflictException} if someone else changed the workspace since.
 *
 * <p>The external reference (the host's own id for the client account) is the team's: every workspace a
 * client actor gets from this service has an empty {@link Workspace#externalRef()}, and a lookup by
 * external reference answers a client exactly as for a reference that does not exist.
 */
public final class WorkspaceService {

    private static final int MAX_NAME = 120;
    private static final String CURSOR_KIND = "ws";

    private final Kernel kernel;
    private final Authorizer authorizer;
    private final WorkspaceAccess access;

    WorkspaceService(Kernel kernel, Authorizer authorizer, WorkspaceAccess access) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.access = requireNonNull(access, "access must not be null");
    }

    /**
     * Creates a workspace in the actor's tenant, with its first lead.
     *
     * @throws ValidationException      on a bad name, slug, external reference or branding, or a lead not on the team
     * @throws AccessDeniedException    if the actor may not create workspaces
     * @throws ConflictException        if the slug or external reference is taken in the tenant
     */
    public Workspace create(Actor actor, NewWorkspace request) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(request, "request must not be null");
        if (authorizer.tenantRole(actor).filter(TenantRole::canCreateWorkspaces).isEmpty()) {
            throw new AccessDeniedException(actor, "TENANT_ADMIN or ACCOUNT_MANAGER", "create a workspace");
        }
        kernel.validate(request);
        UserId lead = request.lead().orElse(actor.userId());
        if (kernel.stores().team().find(actor.tenantId(), lead).isEmpty()) {
            throw new ValidationException(FieldError.of("lead", "'" + lead + "' is not on the tenant's team"));
        }
        return kernel.write(changes -> {
            Workspace created = kernel.stores().workspaces().insert(new Workspace(
                    WorkspaceId.of(kernel.newId()), actor.tenantId(), request.slug(), request.name().strip(),
                    request.externalRef().map(String::strip), request.branding(), WorkspaceStatus.ACTIVE,
                    changes.now(), changes.now(), 0));
            kernel.stores().memberships().insert(new Membership(actor.tenantId(), created.id(), lead,
                    WorkspaceRole.LEAD, changes.now(), 0));
            changes.record(actor, actor.tenantId(), created.id(), "workspace.created", "workspace",
                    created.id().value(), Visibility.CLIENT, Map.of("name", created.name(), "slug", created.slug()));
            changes.record(actor, actor.tenantId(), created.id(), "member.added", "membership", lead.value(),
                    Visibility.CLIENT, Map.of("role", WorkspaceRole.LEAD.name()));
            changes.publish(new WorkspaceEvent.WorkspaceCreated(actor.tenantId(), created.id(), created.slug(),
                    created.name(), actor, changes.now()));
            changes.publish(new MemberEvent.MemberAdded(actor.tenantId(), created.id(), lead, WorkspaceRole.LEAD,
                    actor, changes.now()));
            return created;
        });
    }

    /** The workspace, if the actor may see it (absent ids and invisible workspaces look the same). */
    public Optional<Workspace> find(Actor actor, WorkspaceId id) {
        return access.findVisible(actor, id).map(w -> shown(actor, w));
    }

    /** The workspace, or {@link io.clientworkspace.NotFoundException} if it is absent or invisible to the actor. */
    public Workspace get(Actor actor, WorkspaceId id) {
        return shown(actor, access.visible(actor, id));
    }

    /** The workspace with this slug in the actor's tenant, if the actor may see it. */
    public Optional<Workspace> findBySlug(Actor actor, String slug) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(slug, "slug must not be null");
        return kernel.stores().workspaces().findBySlug(actor.tenantId(), slug)
                .filter(w -> authorizer.grant(actor, w.id()).canView()).map(w -> shown(actor, w));
    }

    /**
     * The workspace linked to the host's account id in the actor's tenant, if the actor may see it. Team
     * only: a client actor always gets an empty answer, as for a reference that does not exist.
     */
    public Optional<Workspace> findByExternalRef(Actor actor, String externalRef) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        if (actor.kind() != ActorKind.TEAM) {
            return Optional.empty();
        }
        return kernel.stores().workspaces().findByExternalRef(actor.tenantId(), externalRef)
                .filter(w -> authorizer.grant(actor, w.id()).canView());
    }

    /**
     * The workspaces the actor may see, by slug, one page at a time: every workspace of the tenant for
     * a tenant admin, otherwise those it is a member of (with a role of its own kind). Archived
     * workspaces are included; check {@link Workspace#status()}.
     */
    public Page<Workspace> list(Actor actor, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(page, "page must not be null");
        Optional<String> after = Cursors.decode(CURSOR_KIND, page.cursor());
        if (actor.kind() == ActorKind.TEAM && authorizer.tenantRole(actor).isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        boolean admin = authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
        List<Workspace> rows = admin
                ? kernel.stores().workspaces().list(actor.tenantId(), after, page.limit() + 1)
                // Only memberships of the actor's own kind grant anything; the store filters them in the
                // same query, so a page costs one statement whatever it holds.
                : kernel.stores().workspaces().listForMember(actor.tenantId(), actor.userId(),
                        rolesOfKind(actor.kind()), after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), w -> Cursors.encode(CURSOR_KIND, w.slug())).map(w -> shown(actor, w));
    }

    /** Renames the workspace; needs {@link Permission#EDIT_WORKSPACE}. */
    public Workspace rename(Actor actor, WorkspaceId id, String newName, long expectedVersion) {
        String name = InputValidator.requireText("name", newName, MAX_NAME);
        return change(actor, id, expectedVersion, Permission.EDIT_WORKSPACE, "rename the workspace",
                (current, changes) -> {
                    Workspace renamed = kernel.stores().workspaces().update(current.withName(name, changes.now()));
                    changes.record(actor, actor.tenantId(), id, "workspace.renamed", "workspace", id.value(),
                            Visibility.CLIENT, Map.of("from", current.name(), "to", name));
                    changes.publish(new WorkspaceEvent.WorkspaceUpdated(actor.tenantId(), id, renamed, actor, changes.now()));
                    return renamed;
                });
    }

    /** Replaces the workspace's branding; needs {@link Permission#EDIT_WORKSPACE}. */
    public Workspace updateBranding(Actor actor, WorkspaceId id, Branding branding, long expectedVersion) {
        requireNonNull(branding, "branding must not be null");
        kernel.validate(branding);
        return change(actor, id, expectedVersion, Permission.EDIT_WORKSPACE, "change the workspace's branding",
                (current, changes) -> {
                    Workspace branded = kernel.stores().workspaces().update(current.withBranding(branding, changes.now()));
                    changes.record(actor, actor.tenantId(), id, "workspace.branding-changed", "workspace", id.value(),
                            Visibility.CLIENT, Map.of());
                    changes.publish(new WorkspaceEvent.WorkspaceUpdated(actor.tenantId(), id, branded, actor, changes.now()));
                    return branded;
                });
    }

    /**
     * Links the workspace to the host's account id, or unlinks it when empty; needs
     * {@link Permission#EDIT_WORKSPACE}. The reference must stay unique per tenant. The workspace keeps its
     * version and {@code updatedAt}, so that clients, who never see the reference, cannot tell it changed;
     * {@code expectedVersion} is still checked.
     */
    public Workspace setExternalRef(Actor actor, WorkspaceId id, Optional<String> externalRef, long expectedVersion) {
        requireNonNull(externalRef, "externalRef must not be null");
        Optional<String> ref = externalRef.map(r -> InputValidator.requireText("externalRef", r, 200));
        return change(actor, id, expectedVersion, Permission.EDIT_WORKSPACE, "change the external reference",
                (current, changes) -> {
                    // Not a new version: clients see the version (their ETag) and updatedAt, never the reference.
                    Workspace linked = kernel.stores().workspaces().setExternalRef(actor.tenantId(), id, ref);
                    changes.record(actor, actor.tenantId(), id, "workspace.external-ref-changed", "workspace",
                            id.value(), Visibility.TEAM, Map.of("externalRef", ref.orElse("")));
                    changes.publish(new WorkspaceEvent.WorkspaceUpdated(actor.tenantId(), id, linked, actor, changes.now()));
                    return linked;
                });
    }

    /** Archives the workspace, making it read-only; needs {@link Permission#ARCHIVE_WORKSPACE}. */
    public Workspace archive(Actor actor, WorkspaceId id, long expectedVersion) {
        return change(actor, id, expectedVersion, Permission.ARCHIVE_WORKSPACE, "archive the workspace",
                (current, changes) -> {
                    Workspace archived = kernel.stores().workspaces()
                            .update(current.withStatus(WorkspaceStatus.ARCHIVED, changes.now()));
                    changes.record(actor, actor.tenantId(), id, "workspace.archived", "workspace", id.value(),
                            Visibility.CLIENT, Map.of());
                    changes.publish(new WorkspaceEvent.WorkspaceArchived(actor.tenantId(), id, actor, changes.now()));
                    return archived;
                });
    }

    /** Restores an archived workspace; needs {@link Permission#ARCHIVE_WORKSPACE}. */
    public Workspace restore(Actor actor, WorkspaceId id, long expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(id, "id must not be null");
        access.require(actor, id, Permission.ARCHIVE_WORKSPACE, "restore the workspace");
        return kernel.write(changes -> {
            Workspace current = kernel.stores().workspaces().findForUpdate(actor.tenantId(), id)
                    .orElseThrow(() -> WorkspaceAccess.notFound(id));
            checkVersion(current, expectedVersion);
            if (!current.isArchived()) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Workspace '" + id + "' is not archived; there is nothing to restore");
            }
            Workspace restored = kernel.stores().workspaces()
                    .update(current.withStatus(WorkspaceStatus.ACTIVE, changes.now()));
            changes.record(actor, actor.tenantId(), id, "workspace.restored", "workspace", id.value(),
                    Visibility.CLIENT, Map.of());
            changes.publish(new WorkspaceEvent.WorkspaceRestored(actor.tenantId(), id, actor, changes.now()));
            return shown(actor, restored);
        });
    }

    private interface Change {
        Workspace apply(Workspace current, Changes changes);
    }

    private Workspace change(Actor actor, WorkspaceId id, long expectedVersion, Permission permission, String action,
                             Change change) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(id, "id must not be null");
        return kernel.write(changes -> {
            Workspace current = access.requireWritable(actor, id, permission, action);
            checkVersion(current, expectedVersion);
            return shown(actor, change.apply(current, changes));
        });
    }

    /** The workspace as the actor may see it: without the team's external reference for a client. */
    private static Workspace shown(Actor actor, Workspace workspace) {
        return actor.kind() == ActorKind.TEAM || workspace.externalRef().isEmpty() ? workspace
                : workspace.withExternalRef(Optional.empty(), workspace.updatedAt());
    }

    private static Set<WorkspaceRole> rolesOfKind(ActorKind kind) {
        EnumSet<WorkspaceRole> roles = EnumSet.noneOf(WorkspaceRole.class);
        for (WorkspaceRole role : WorkspaceRole.values()) {
            if (role.kind() == kind) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static void checkVersion(Workspace current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion("workspace", current.id().value(), expectedVersion);
        }
    }
}
