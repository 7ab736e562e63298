package io.clientworkspace.tenant;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Memberships only for real users: the kit's behaviour with and without a {@link UserDirectory}. */
class UserDirectoryTest {

    private static final UserId MALLORY = UserId.of("mallory");

    private final WorkspaceKit withoutDirectory = WorkspaceKit.inMemory();

    @Test
    void withoutADirectoryAClientUserCannotBeAddedDirectly() {
        Tenant agency = withoutDirectory.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = withoutDirectory.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));

        assertThatThrownBy(() -> withoutDirectory.members().add(alice, acme.id(), MALLORY, WorkspaceRole.CLIENT_ADMIN))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("userId");
                    assertThat(e.getMessage()).contains("invite 'mallory'").contains("UserDirectory");
                });
        assertThat(withoutDirectory.members().find(alice, acme.id(), MALLORY)).isEmpty();
    }

    @Test
    void withoutADirectoryAClientUserStillJoinsThroughAnInvitation() {
        Tenant agency = withoutDirectory.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = withoutDirectory.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        IssuedInvitation issued = withoutDirectory.invitations().invite(alice, acme.id(),
                NewInvitation.of("carol@acme.test", WorkspaceRole.CLIENT_ADMIN));

        Membership joined = withoutDirectory.invitations().accept(Actor.client(agency.id(), "carol"), issued.token());

        assertThat(joined.role()).isEqualTo(WorkspaceRole.CLIENT_ADMIN);
    }

    @Test
    void withoutADirectoryTeamUsersJoinTheRosterAndWorkspacesAsBefore() {
        Tenant agency = withoutDirectory.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = withoutDirectory.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));

        withoutDirectory.tenants().addTeamMember(alice, UserId.of("bob"), TenantRole.TEAM_MEMBER);
        Membership added = withoutDirectory.members().add(alice, acme.id(), UserId.of("bob"), WorkspaceRole.MEMBER);

        assertThat(added.role()).isEqualTo(WorkspaceRole.MEMBER);
    }

    @Test
    void withADirectoryTheRosterTakesOnlyUsersItKnows() {
        WorkspaceKit kit = WorkspaceKit.builder().userDirectory((tenant, user) -> Set.of("alice", "bob").contains(user.value())).build();
        Tenant agency = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");

        assertThatThrownBy(() -> kit.tenants().addTeamMember(alice, MALLORY, TenantRole.TEAM_MEMBER))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("userId"));
        kit.tenants().addTeamMember(alice, UserId.of("bob"), TenantRole.TEAM_MEMBER);

        assertThat(kit.tenants().team(alice, io.clientworkspace.PageRequest.first()).items())
                .extracting(t -> t.userId().value()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void withADirectoryAKnownClientUserIsAddedDirectly() {
        WorkspaceKit kit = WorkspaceKit.builder().userDirectory((tenant, user) -> user.value().equals("carol")).build();
        Tenant agency = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));

        Membership added = kit.members().add(alice, acme.id(), UserId.of("carol"), WorkspaceRole.CLIENT_VIEWER);

        assertThat(added.userId()).isEqualTo(UserId.of("carol"));
    }
}
