package io.clientworkspace;

import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start, line for line (ReadmeTest keeps the two equal). */
class QuickStartTest {

    @Test
    void anAgencyInvitesItsFirstClientIntoAWorkspace() {
        WorkspaceKit kit = WorkspaceKit.inMemory();
        Tenant agency = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
        IssuedInvitation invite = kit.invitations().invite(alice, acme.id(), NewInvitation.of("carol@acme.test", WorkspaceRole.CLIENT_ADMIN));
        Actor carol = Actor.client(agency.id(), "carol");
        kit.invitations().accept(carol, invite.token());
        assertThat(kit.authorizer().can(carol, acme.id(), Permission.UPLOAD_FILES)).isTrue();
        assertThat(kit.workspaces().list(carol, PageRequest.first()).items()).containsExactly(kit.workspaces().get(carol, acme.id()));
    }
}
