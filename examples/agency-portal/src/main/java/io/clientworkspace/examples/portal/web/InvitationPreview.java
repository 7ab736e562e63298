package io.clientworkspace.examples.portal.web;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.PortalTenant;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an invitation link offers, shown before the invitee creates an account ("join Initech as
 * Client contributor"). The kit's {@code InvitationService} only accepts, so this reads the
 * invitation through the store SPI by the token's SHA-256, the form in which the kit stores tokens
 * ({@link Invitation#tokenHash()}). Holding the token is what entitles the visitor to see this.
 */
@Component
public class InvitationPreview {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final WorkspaceKit kit;
    private final PortalTenant tenant;
    private final Clock clock = Clock.systemUTC();

    public InvitationPreview(WorkspaceKit kit, PortalTenant tenant) {
        this.kit = kit;
        this.tenant = tenant;
    }

    /** The invitation behind a token, if there is one. */
    public Optional<Preview> find(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Optional<Invitation> invitation = kit.stores().invitations().findByTokenHash(tenant.id(), sha256(token.strip()));
        return invitation.flatMap(i -> kit.stores().workspaces().find(tenant.id(), i.workspaceId())
                .map(w -> new Preview(i, w, state(i, w))));
    }

    private State state(Invitation invitation, Workspace workspace) {
        if (invitation.status() == InvitationStatus.ACCEPTED) {
            return State.USED;
        }
        if (invitation.status() == InvitationStatus.REVOKED) {
            return State.REVOKED;
        }
        if (!invitation.isOpen(clock.instant())) {
            return State.EXPIRED;
        }
        return workspace.isArchived() ? State.ARCHIVED : State.OPEN;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Whether the invitation can still be accepted, and if not why. */
    public enum State { OPEN, USED, REVOKED, EXPIRED, ARCHIVED }

    /** An invitation with its workspace. */
    public record Preview(Invitation invitation, Workspace workspace, State state) {

        public String workspaceName() {
            return workspace.branding().displayName().orElse(workspace.name());
        }

        public String roleLabel() {
            return Labels.role(invitation.role());
        }

        public String accent() {
            return workspace.branding().accentColor().orElse("#2563EB");
        }
    }
}
