package io.clientworkspace.workspace;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.tenant.UserDirectory;
import io.clientworkspace.member.WorkspaceRole;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Who is in a workspace: add members, change their roles, remove them, hand the lead over.
 *
 * <p>Team roles ({@link WorkspaceRole#LEAD}, {@link WorkspaceRole#MEMBER}) go only to users on the
 * tenant's team roster; a member's role never switches between team and client kinds. A workspace
 * always keeps at least one lead: a change that would leave none fails with
 * {@link ConflictException.Reason#LAST_LEAD}, also when two such changes race.
 */
public final class MemberService {

    private static final String CURSOR_KIND = "member";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Optional<UserDirectory> directory;

    /** A service without a {@link UserDirectory}: client users join only through invitations. */
    MemberService(Kernel kernel, WorkspaceAccess access) {
        this(kernel, access, Optional.empty());
    }

    /**
     * A service that adds client users directly only when {@code directory} confirms they exist; with an
     * empty directory every direct client addition is refused (client users then join through invitations).
     */
    MemberService(Kernel kernel, WorkspaceAccess access, Optional<UserDirectory> directory) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.directory = requireNonNull(directory, "directory must not be null");
    }

    /**
     * Adds a user with a role; needs {@link Permission#MANAGE_MEMBERS}. A team role needs a place on the
     * tenant's team roster; a client role needs the kit's {@link UserDirectory} to confirm that the user
     * exists, and without a directory is always refused (invite client users instead): a membership for an
     * id nobody holds yet would go to whoever registers that id later. Both refusals are
     * {@link ValidationException}s on {@code userId} and change nothing.
     */
    public Membership add(Actor actor, WorkspaceId workspaceId, UserId userId, WorkspaceRole role) {
        requireArgs(actor, workspaceId, userId);
        requireNonNull(role, "role must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_MEMBERS, "add a member");
            if (!role.isClientRole() && kernel.stores().team().find(actor.tenantId(), userId).isEmpty()) {
                throw new ValidationException(FieldError.of("userId",
                        "'" + userId + "' is not on the tenant's team, so it cannot get the team role " + role));
            }
            if (role.isClientRole()) {
                requireKnownClient(actor, userId);
            }
            Membership added = kernel.stores().memberships().insert(
                    new Membership(actor.tenantId(), workspaceId, userId, role, changes.now(), 0));
            recordAdded(actor, changes, added);
            return added;
        });
    }

    /**
     * Changes a member's role; needs {@link Permission#MANAGE_MEMBERS}. The new role must be of the same
     * kind (team or client); demoting the last lead fails.
     */
    public Membership changeRole(Actor actor, WorkspaceId workspaceId, UserId userId, WorkspaceRole newRole) {
        requireArgs(actor, workspaceId, userId);
        requireNonNull(newRole, "newRole must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_MEMBERS, "change a member's role");
            Membership current = member(actor, workspaceId, userId);
            if (current.role() == newRole) {
                return current;
            }
            if (current.role().kind() != newRole.kind()) {
                throw new ValidationException(FieldError.of("role", "cannot turn a " + current.role().kind()
                        + " member into a " + newRole.kind() + " member; remove and add the user instead"));
            }
            if (current.role() == WorkspaceRole.LEAD) {
                requireAnotherLead(actor, workspaceId);
            }
            return changeRole(actor, changes, current, newRole);
        });
    }

    /**
     * Removes a member. Needs {@link Permission#MANAGE_MEMBERS}, except that any member may remove
     * itself (leave). Removing the last lead fails.
     */
    public void remove(Actor actor, WorkspaceId workspaceId, UserId userId) {
        requireArgs(actor, workspaceId, userId);
        kernel.write(changes -> {
            boolean leaving = actor.userId().equals(userId);
            access.requireWritable(actor, workspaceId, leaving ? Permission.VIEW_WORKSPACE : Permission.MANAGE_MEMBERS,
                    "remove a member");
            Membership current = member(actor, workspaceId, userId);
            if (current.role() == WorkspaceRole.LEAD) {
                requireAnotherLead(actor, workspaceId);
            }
            kernel.stores().memberships().delete(actor.tenantId(), workspaceId, userId, current.version());
            changes.publish(new MemberEvent.MemberRemoved(actor.tenantId(), workspaceId, userId, current.role(), actor,
                    changes.now()));
            return null;
        });
    }

    /**
     * Hands the lead from {@code fromLead} to {@code toMember}: the lead becomes a {@link WorkspaceRole#MEMBER},
     * the team member becomes the {@link WorkspaceRole#LEAD}; nothing else changes. Needs
     * {@link Permission#MANAGE_MEMBERS}.
     */
    public void handOverLead(Actor actor, WorkspaceId workspaceId, UserId fromLead, UserId toMember) {
        requireArgs(actor, workspaceId, fromLead);
        requireNonNull(toMember, "toMember must not be null");
        if (fromLead.equals(toMember)) {
            throw new ValidationException(FieldError.of("toMember", "must be someone other than the current lead"));
        }
        kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_MEMBERS, "hand over the lead");
            Membership from = member(actor, workspaceId, fromLead);
            Membership to = member(actor, workspaceId, toMember);
            if (from.role() != WorkspaceRole.LEAD) {
                throw new ValidationException(FieldError.of("fromLead", "'" + fromLead + "' is not a lead of the workspace"));
            }
            if (to.role() != WorkspaceRole.MEMBER) {
                throw new ValidationException(FieldError.of("toMember",
                        "'" + toMember + "' must be a team MEMBER of the workspace but is " + to.role()));
            }
            changeRole(actor, changes, to, WorkspaceRole.LEAD);
            changeRole(actor, changes, from, WorkspaceRole.MEMBER);
            return null;
        });
    }

    /**
     * Gives a client member the tenant's custom client role {@code clientRole}, or takes it away (empty: the member
     * keeps the custom role's base as its built-in role); needs {@link Permission#MANAGE_MEMBERS}. The membership's
     * {@link Membership#role() role} becomes the custom role's base, and the member holds exactly the custom role's
     * permissions from the commit on. A team member is refused on {@code userId}, an unknown key on
     * {@code clientRole} ({@link ValidationException}); assigning what the member already holds changes nothing.
     * Needs a store set with {@link io.clientworkspace.spi.ClientRoleStore}
     * ({@link io.clientworkspace.FeatureUnavailableException} otherwise).
     */
    public Membership assignClientRole(Actor actor, WorkspaceId workspaceId, UserId userId,
                                       Optional<String> clientRole) {
        requireArgs(actor, workspaceId, userId);
        requireNonNull(clientRole, "clientRole must not be null");
        io.clientworkspace.spi.ClientRoleStore roles = kernel.stores().find(io.clientworkspace.spi.ClientRoleStore.class)
                .orElseThrow(() -> new io.clientworkspace.FeatureUnavailableException("client-roles",
                        io.clientworkspace.spi.ClientRoleStore.class));
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_MEMBERS, "assign a client role");
            Membership current = member(actor, workspaceId, userId);
            if (!current.role().isClientRole()) {
                throw new ValidationException(FieldError.of("userId",
                        "'" + userId + "' is a team member; custom client roles are for client members"));
            }
            Optional<io.clientworkspace.member.ClientRole> role = clientRole.isEmpty() ? Optional.empty()
                    : (io.clientworkspace.member.ClientRole.KEY.matcher(clientRole.get()).matches()
                    ? roles.findForUpdate(actor.tenantId(), clientRole.get()) : Optional.empty());
            if (clientRole.isPresent() && role.isEmpty()) {
                throw new ValidationException(FieldError.of("clientRole",
                        "the tenant has no client role '" + clientRole.get() + "'"));
            }
            WorkspaceRole base = role.map(io.clientworkspace.member.ClientRole::base).orElse(current.role());
            if (current.clientRole().equals(clientRole) && current.role() == base) {
                return current;
            }
            Membership changed = kernel.stores().memberships().update(current.withClientRole(base, clientRole));
            changes.publish(new MemberEvent.ClientRoleAssigned(actor.tenantId(), workspaceId, userId,
                    current.clientRole(), clientRole, base, actor, changes.now()));
            return changed;
        });
    }

    /** One member of the workspace, if the actor may see the workspace. */
    public Optional<Membership> find(Actor actor, WorkspaceId workspaceId, UserId userId) {
        requireArgs(actor, workspaceId, userId);
        access.visible(actor, workspaceId);
        return kernel.stores().memberships().find(actor.tenantId(), workspaceId, userId);
    }

    /** The workspace's members, by user id, one page at a time; needs {@link Permission#VIEW_WORKSPACE}. */
    public Page<Membership> list(Actor actor, WorkspaceId workspaceId, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(page, "page must not be null");
        Optional<UserId> after = Cursors.decode(CURSOR_KIND, page.cursor()).map(UserId::of);
        access.visible(actor, workspaceId);
        List<Membership> rows = kernel.stores().memberships().list(actor.tenantId(), workspaceId, after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), m -> Cursors.encode(CURSOR_KIND, m.userId().value()));
    }

    void recordAdded(Actor actor, Changes changes, Membership added) {
        changes.publish(new MemberEvent.MemberAdded(added.tenantId(), added.workspaceId(), added.userId(),
                added.role(), actor, changes.now()));
    }

    private void requireKnownClient(Actor actor, UserId userId) {
        if (directory.isEmpty()) {
            throw new ValidationException(FieldError.of("userId", "client users cannot be added directly here:"
                    + " invite '" + userId + "' instead (the membership then goes to the account that accepts),"
                    + " or configure a UserDirectory on the kit so that it can confirm the user exists"));
        }
        if (!directory.get().exists(actor.tenantId(), userId)) {
            throw new ValidationException(FieldError.of("userId", "no user '" + userId + "' exists; invite them"
                    + " instead, so that the membership goes to the account that accepts the invitation"));
        }
    }

    private Membership changeRole(Actor actor, Changes changes, Membership current, WorkspaceRole newRole) {
        Membership changed = kernel.stores().memberships().update(current.withRole(newRole));
        changes.publish(new MemberEvent.MemberRoleChanged(actor.tenantId(), current.workspaceId(), current.userId(),
                current.role(), newRole, actor, changes.now()));
        return changed;
    }

    private Membership member(Actor actor, WorkspaceId workspaceId, UserId userId) {
        return kernel.stores().memberships().find(actor.tenantId(), workspaceId, userId)
                .orElseThrow(() -> new NotFoundException("member", userId.value()));
    }

    private void requireAnotherLead(Actor actor, WorkspaceId workspaceId) {
        if (kernel.stores().memberships().countByRole(actor.tenantId(), workspaceId, WorkspaceRole.LEAD) <= 1) {
            throw new ConflictException(ConflictException.Reason.LAST_LEAD, "Workspace '" + workspaceId
                    + "' must keep at least one lead; hand the lead over to another team member first");
        }
    }

    private static void requireArgs(Actor actor, WorkspaceId workspaceId, UserId userId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
    }
}
