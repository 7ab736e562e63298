package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.GoneException;
import io.clientworkspace.InvitationId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Invites client users into a workspace and lets them accept.
 *
 * <p>A token is 256 bits from {@link SecureRandom}, returned once in the {@link IssuedInvitation} and
 * stored only as its SHA-256 hash. Accepting needs the token and a client actor of the same tenant; it
 * creates the membership and can succeed only once, even when raced. An expired, accepted or revoked
 * invitation answers {@link GoneException}; a token that matches nothing answers
 * {@link NotFoundException} without echoing the token.
 *
 * <p>Holders of {@link Permission#INVITE_CLIENTS} invite and revoke; a client admin may invite only
 * with a client role no higher than its own.
 */
public final class InvitationService {

    static final String TOKEN_PREFIX = "cwk_inv_";
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 200;
    private static final String CURSOR_KIND = "inv";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final MemberService members;
    private final SecureRandom random = new SecureRandom();

    InvitationService(Kernel kernel, WorkspaceAccess access, MemberService members) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.members = requireNonNull(members, "members must not be null");
    }

    /** Creates an invitation and returns it with its token, which is never available again. */
    public IssuedInvitation invite(Actor actor, WorkspaceId workspaceId, NewInvitation request) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(request, "request must not be null");
        kernel.validate(request);
        if (!request.role().isClientRole()) {
            throw new ValidationException(FieldError.of("role",
                    "must be a client role (CLIENT_ADMIN, CLIENT_CONTRIBUTOR or CLIENT_VIEWER); add team users as members directly"));
        }
        Duration validFor = request.validFor().orElse(NewInvitation.DEFAULT_VALIDITY);
        if (validFor.compareTo(NewInvitation.MIN_VALIDITY) < 0 || validFor.compareTo(NewInvitation.MAX_VALIDITY) > 0) {
            throw new ValidationException(FieldError.of("validFor", "must be between 5 minutes and 30 days"));
        }
        String token = newToken();
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.INVITE_CLIENTS, "invite client users");
            requireRoleWithinOwn(actor, workspaceId, request.role());
            Instant now = changes.now();
            Invitation stored = kernel.stores().invitations().insert(new Invitation(
                    InvitationId.of(kernel.newId()), actor.tenantId(), workspaceId,
                    request.email().strip().toLowerCase(Locale.ROOT), request.role(), hash(token), actor.userId(),
                    now, now.plus(validFor), InvitationStatus.PENDING, Optional.empty(), Optional.empty(), 0));
            changes.record(actor, actor.tenantId(), workspaceId, "invitation.created", "invitation",
                    stored.id().value(), Visibility.TEAM, Map.of("email", stored.email(), "role", stored.role().name()));
            changes.publish(new MemberEvent.InvitationCreated(actor.tenantId(), workspaceId, stored.id(),
                    stored.email(), stored.role(), stored.expiresAt(), actor, now));
            return new IssuedInvitation(stored, token);
        });
    }

    /**
     * Accepts an invitation as {@code actor}, a client user of the invitation's tenant, and returns the
     * new membership.
     *
     * @throws NotFoundException     if no invitation of the actor's tenant has this token
     * @throws GoneException         if it expired, was already accepted, or was revoked
     * @throws ConflictException     if the actor is already a member of the workspace
     * @throws ArchivedException   if the workspace is archived
     */
    public Membership accept(Actor actor, String token) {
        requireNonNull(actor, "actor must not be null");
        if (token == null || token.isBlank()) {
            throw new ValidationException(FieldError.of("token", "must not be blank"));
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new ValidationException(FieldError.of("token", "is not an invitation token"));
        }
        if (actor.kind() != ActorKind.CLIENT) {
            throw new AccessDeniedException(actor, "a client user", "accept an invitation (invitations are for client users)");
        }
        String tokenHash = hash(token.strip());
        return kernel.write(changes -> {
            Invitation found = kernel.stores().invitations().findByTokenHash(actor.tenantId(), tokenHash)
                    .orElseThrow(() -> new NotFoundException("invitation", "for the given token"));
            Workspace workspace = kernel.stores().workspaces().findForUpdate(actor.tenantId(), found.workspaceId())
                    .orElseThrow(() -> new NotFoundException("invitation", "for the given token"));
            // Re-read under the workspace lock: a racing accept may have won meanwhile.
            Invitation invitation = kernel.stores().invitations().find(actor.tenantId(), found.workspaceId(), found.id())
                    .orElseThrow(() -> new NotFoundException("invitation", "for the given token"));
            requireOpen(invitation, changes.now());
            if (workspace.isArchived()) {
                throw new ArchivedException(workspace.id());
            }
            if (kernel.stores().memberships().find(actor.tenantId(), workspace.id(), actor.userId()).isPresent()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, actor.userId()
                        + " is already a member of workspace '" + workspace.id() + "'; the invitation stays unused");
            }
            Invitation accepted = kernel.stores().invitations().update(invitation.accepted(actor.userId(), changes.now()));
            Membership membership = kernel.stores().memberships().insert(new Membership(actor.tenantId(),
                    invitation.workspaceId(), actor.userId(), invitation.role(), changes.now(), 0));
            changes.record(actor, actor.tenantId(), invitation.workspaceId(), "invitation.accepted", "invitation",
                    invitation.id().value(), Visibility.TEAM, Map.of("email", invitation.email()));
            changes.publish(new MemberEvent.InvitationAccepted(actor.tenantId(), invitation.workspaceId(),
                    accepted.id(), actor.userId(), actor, changes.now()));
            members.recordAdded(actor, changes, membership);
            return membership;
        });
    }

    /** Revokes a pending invitation; needs {@link Permission#INVITE_CLIENTS}. */
    public Invitation revoke(Actor actor, WorkspaceId workspaceId, InvitationId invitationId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(invitationId, "invitationId must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.INVITE_CLIENTS, "revoke invitations");
            // As in listPending: an actor without VIEW_INTERNAL knows only the invitations it sent itself.
            boolean all = access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
            Invitation invitation = kernel.stores().invitations().find(actor.tenantId(), workspaceId, invitationId)
                    .filter(i -> all || i.invitedBy().equals(actor.userId()))
                    .orElseThrow(() -> new NotFoundException("invitation", invitationId.value()));
            requireRoleWithinOwn(actor, workspaceId, invitation.role());
            if (invitation.status() != InvitationStatus.PENDING) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Invitation '" + invitationId
                        + "' is already " + invitation.status().name().toLowerCase(Locale.ROOT) + " and cannot be revoked");
            }
            Invitation revoked = kernel.stores().invitations().update(invitation.revoked(changes.now()));
            changes.record(actor, actor.tenantId(), workspaceId, "invitation.revoked", "invitation",
                    invitationId.value(), Visibility.TEAM, Map.of("email", invitation.email()));
            changes.publish(new MemberEvent.InvitationRevoked(actor.tenantId(), workspaceId, invitationId, actor,
                    changes.now()));
            return revoked;
        });
    }

    /**
     * Pending, unexpired invitations of the workspace by id; needs {@link Permission#INVITE_CLIENTS}. Invitations
     * are team-only activity: an actor without {@link Permission#VIEW_INTERNAL} (a client admin) sees only the
     * invitations it sent itself, so that its answer never depends on the team's.
     */
    public Page<Invitation> listPending(Actor actor, WorkspaceId workspaceId, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(page, "page must not be null");
        Optional<InvitationId> after = Cursors.decode(CURSOR_KIND, page.cursor()).map(InvitationId::of);
        access.require(actor, workspaceId, Permission.INVITE_CLIENTS, "list invitations");
        boolean all = access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
        int batch = page.limit() + 1;
        List<Invitation> visible = new java.util.ArrayList<>();
        Optional<InvitationId> from = after;
        while (visible.size() < batch) {
            List<Invitation> rows = kernel.stores().invitations()
                    .listPending(actor.tenantId(), workspaceId, kernel.now(), from, batch);
            rows.stream().filter(i -> all || i.invitedBy().equals(actor.userId())).limit(batch - visible.size())
                    .forEach(visible::add);
            if (rows.size() < batch) {
                break;
            }
            from = Optional.of(rows.get(rows.size() - 1).id());
        }
        return Cursors.page(visible, page.limit(), i -> Cursors.encode(CURSOR_KIND, i.id().value()));
    }

    private void requireRoleWithinOwn(Actor actor, WorkspaceId workspaceId, WorkspaceRole role) {
        if (actor.kind() != ActorKind.CLIENT) {
            return;
        }
        AccessGrant grant = access.grant(actor, workspaceId);
        WorkspaceRole own = grant.workspaceRole().orElseThrow();
        if (!role.isClientRoleAtMost(own)) {
            throw new AccessDeniedException(actor, "a role of at least " + role, "invite with role " + role
                    + ", which is above its own role " + own);
        }
    }

    private static void requireOpen(Invitation invitation, Instant now) {
        switch (invitation.status()) {
            case ACCEPTED -> throw new GoneException(GoneException.Reason.ALREADY_USED,
                    "This invitation has already been used; ask for a new one");
            case REVOKED -> throw new GoneException(GoneException.Reason.REVOKED,
                    "This invitation was revoked; ask for a new one");
            case PENDING -> {
                if (!now.isBefore(invitation.expiresAt())) {
                    throw new GoneException(GoneException.Reason.EXPIRED,
                            "This invitation expired at " + invitation.expiresAt() + "; ask for a new one");
                }
            }
        }
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of a token, the only form in which tokens are stored. */
    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
