package io.clientworkspace.workspace;

import io.clientworkspace.TenantId;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InvitationService#preview}: what an invitation link offers, to whoever holds the token, in the
 * tenant asked about only; every token that matches nothing there answers the same empty.
 */
class InvitationPreviewTest {

    private final Fixture f = Fixture.create();
    private final InvitationService invitations = f.kit.invitations();

    private IssuedInvitation invite() {
        return invitations.invite(f.bob, f.acme.id(), NewInvitation.of("Grace@Acme.test", WorkspaceRole.CLIENT_CONTRIBUTOR));
    }

    @Test
    void showsTheWorkspaceTheRoleAndTheAddressOfAnOpenInvitation() {
        f.kit.workspaces().updateBranding(f.bob, f.acme.id(), Branding.none().withDisplayName("ACME").withAccentColor("#112233"),
                f.acme.version());
        IssuedInvitation issued = invite();

        InvitationPreview preview = invitations.preview(f.tenant.id(), issued.token()).orElseThrow();

        assertThat(preview.workspaceSlug()).isEqualTo("acme");
        assertThat(preview.workspaceName()).isEqualTo("Acme Corp");
        assertThat(preview.displayName()).isEqualTo("ACME");
        assertThat(preview.branding().accentColor()).contains("#112233");
        assertThat(preview.email()).isEqualTo("grace@acme.test");
        assertThat(preview.role()).isEqualTo(WorkspaceRole.CLIENT_CONTRIBUTOR);
        assertThat(preview.expiresAt()).isEqualTo(issued.invitation().expiresAt());
        assertThat(preview.state()).isEqualTo(InvitationPreview.State.OPEN);
    }

    @Test
    void surroundingWhitespaceInTheTokenIsIgnoredAsAcceptingIgnoresIt() {
        IssuedInvitation issued = invite();

        assertThat(invitations.preview(f.tenant.id(), "  " + issued.token() + "\n")).isPresent();
    }

    @Test
    void anAcceptedInvitationReadsAsUsed() {
        IssuedInvitation issued = invite();
        invitations.accept(f.zach, issued.token());

        assertThat(invitations.preview(f.tenant.id(), issued.token()).orElseThrow().state())
                .isEqualTo(InvitationPreview.State.USED);
    }

    @Test
    void aRevokedInvitationReadsAsRevoked() {
        IssuedInvitation issued = invite();
        invitations.revoke(f.bob, f.acme.id(), issued.invitation().id());

        assertThat(invitations.preview(f.tenant.id(), issued.token()).orElseThrow().state())
                .isEqualTo(InvitationPreview.State.REVOKED);
    }

    @Test
    void anInvitationPastItsExpiryReadsAsExpired() {
        IssuedInvitation issued = invite();
        f.clock.advance(Duration.ofDays(8));

        assertThat(invitations.preview(f.tenant.id(), issued.token()).orElseThrow().state())
                .isEqualTo(InvitationPreview.State.EXPIRED);
    }

    @Test
    void anOpenInvitationToAnArchivedWorkspaceReadsAsArchived() {
        IssuedInvitation issued = invite();
        f.kit.workspaces().archive(f.bob, f.acme.id(), f.acme().version());

        assertThat(invitations.preview(f.tenant.id(), issued.token()).orElseThrow().state())
                .isEqualTo(InvitationPreview.State.ARCHIVED);
    }

    @Test
    void anotherTenantsTokenMatchesNothing() {
        Fixture.OtherTenant globex = f.otherTenant();
        IssuedInvitation theirs = invitations.invite(globex.admin(), globex.workspace().id(),
                NewInvitation.of("someone@globex.test", WorkspaceRole.CLIENT_VIEWER));

        assertThat(invitations.preview(f.tenant.id(), theirs.token())).isEmpty();
        assertThat(invitations.preview(globex.tenant().id(), theirs.token())).isPresent();
    }

    @Test
    void aTokenOfATenantThatDoesNotExistMatchesNothing() {
        IssuedInvitation issued = invite();

        assertThat(invitations.preview(TenantId.of("no-such-tenant"), issued.token())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "cwk_inv_", "cwk_inv_notAToken", "' or 1=1 --", "%00", "\u0000"})
    void blankAndUnknownTokensMatchNothing(String token) {
        invite();

        assertThat(invitations.preview(f.tenant.id(), token)).isEmpty();
    }

    @Test
    void aHugeTokenMatchesNothing() {
        IssuedInvitation issued = invite();

        assertThat(invitations.preview(f.tenant.id(), issued.token() + "x".repeat(1_000_000))).isEmpty();
        assertThat(invitations.preview(f.tenant.id(), "x".repeat(201))).isEmpty();
    }

    @Test
    void theTokensHashIsNotAToken() {
        IssuedInvitation issued = invite();

        assertThat(invitations.preview(f.tenant.id(), issued.invitation().tokenHash())).isEmpty();
    }

    @Test
    void previewingChangesNothing() {
        IssuedInvitation issued = invite();
        var before = f.snapshot();
        f.events.clear();

        invitations.preview(f.tenant.id(), issued.token());

        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.events.all()).isEmpty();
    }
}
