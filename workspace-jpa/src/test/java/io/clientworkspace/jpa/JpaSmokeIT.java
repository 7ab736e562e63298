package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start, on the JPA stores of each database. */
class JpaSmokeIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void quickStartRunsOnTheJpaStores(TestDatabase db) {
        db.reset();
        WorkspaceKit kit = WorkspaceKit.builder().stores(JpaStores.create(db.emf())).build();
        Tenant agency = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
        IssuedInvitation invite = kit.invitations().invite(alice, acme.id(), NewInvitation.of("carol@acme.test", WorkspaceRole.CLIENT_ADMIN));
        Actor carol = Actor.client(agency.id(), "carol");
        kit.invitations().accept(carol, invite.token());
        assertThat(kit.authorizer().can(carol, acme.id(), Permission.UPLOAD_FILES)).isTrue();
        assertThat(kit.workspaces().list(carol, PageRequest.first()).items()).containsExactly(kit.workspaces().get(carol, acme.id()));
        assertThat(kit.activity().verify(alice, acme.id()).isIntact()).isTrue();
        assertThat(kit.activity().feed(carol, acme.id(), PageRequest.first()).items())
                .extracting(e -> e.action()).containsExactly("member.added", "member.added", "workspace.created");
    }
}
