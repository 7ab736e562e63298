package io.clientworkspace.member;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.clientworkspace.member.Permission.INVITE_CLIENTS;
import static io.clientworkspace.member.Permission.UPLOAD_FILES;
import static io.clientworkspace.member.Permission.VIEW_INTERNAL;
import static io.clientworkspace.member.Permission.VIEW_WORKSPACE;
import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerTest {

    /**
     * The default matrix as the issue and the README state it, cell by cell; "*" marks a team-only
     * permission. Columns: TENANT_ADMIN, LEAD, MEMBER, CLIENT_ADMIN, CLIENT_CONTRIBUTOR, CLIENT_VIEWER.
     */
    private static final String DEFAULT_TABLE = """
            VIEW_WORKSPACE         | x | x | x | x | x | x
            VIEW_INTERNAL *        | x | x | x | . | . | .
            EDIT_WORKSPACE *       | x | x | . | . | . | .
            MANAGE_MEMBERS *       | x | x | . | . | . | .
            INVITE_CLIENTS         | x | x | . | x | . | .
            UPLOAD_FILES           | x | x | x | x | x | .
            DELETE_FILES           | x | x | x | x | . | .
            REQUEST_APPROVALS      | x | x | x | . | . | .
            DECIDE_APPROVALS       | x | x | x | x | x | .
            POST_MESSAGES          | x | x | x | x | x | .
            POST_INTERNAL_NOTES *  | x | x | x | . | . | .
            SUBMIT_REQUESTS        | x | x | x | x | x | .
            MANAGE_REQUESTS *      | x | x | x | . | . | .
            MANAGE_PROJECTS *      | x | x | x | . | . | .
            COMPLETE_TASKS         | x | x | x | x | x | .
            EXPORT                 | x | x | . | x | . | .
            ARCHIVE_WORKSPACE *    | x | x | . | . | . | .
            VIEW_DASHBOARD *       | x | x | x | . | . | .
            VIEW_BILLING           | x | x | x | x | . | .
            MANAGE_RECORDS *       | x | x | x | . | . | .
            """;

    private record Row(boolean teamOnly, List<Boolean> cells) {
    }

    private static Map<Permission, Row> table() {
        Map<Permission, Row> rows = new LinkedHashMap<>();
        for (String line : DEFAULT_TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|");
            String head = cells[0].strip();
            List<Boolean> ticks = new ArrayList<>();
            for (int i = 1; i < cells.length; i++) {
                ticks.add(cells[i].strip().equals("x"));
            }
            rows.put(Permission.valueOf(head.replace("*", "").strip()), new Row(head.endsWith("*"), ticks));
        }
        return rows;
    }

    private final Fixture f = Fixture.create();
    private final Authorizer authorizer = f.kit.authorizer();

    /** The fixture's actor holding each column's role in acme, in table order. */
    private List<Actor> columnActors() {
        return List.of(f.alice, f.bob, f.tom, f.carol, f.erin, f.dave);
    }

    @Nested
    class TheDefaultMatrix {

        @Test
        void theTableCoversEveryPermissionOnce() {
            assertThat(table().keySet()).containsExactlyInAnyOrder(Permission.values());
        }

        @ParameterizedTest
        @EnumSource(Permission.class)
        void theMatrixGrantsExactlyTheTablesRow(Permission permission) {
            Row row = table().get(permission);
            WorkspaceRole[] roles = WorkspaceRole.values();
            assertThat(row.cells().get(0)).as("tenant admins hold everything").isTrue();
            for (int i = 0; i < roles.length; i++) {
                assertThat(PermissionMatrix.defaults().grants(roles[i], permission))
                        .as("%s / %s", permission, roles[i]).isEqualTo(row.cells().get(i + 1));
            }
            assertThat(permission.teamOnly()).as("team-only marker").isEqualTo(row.teamOnly());
        }

        @ParameterizedTest
        @EnumSource(Permission.class)
        void theAuthorizerAnswersTheTablesRowForRealActors(Permission permission) {
            Row row = table().get(permission);
            List<Actor> actors = columnActors();
            for (int i = 0; i < actors.size(); i++) {
                assertThat(authorizer.can(actors.get(i), f.acme.id(), permission))
                        .as("%s may %s", actors.get(i), permission).isEqualTo(row.cells().get(i));
                assertThat(authorizer.permissions(actors.get(i), f.acme.id()).contains(permission))
                        .as("%s's permissions include %s", actors.get(i), permission).isEqualTo(row.cells().get(i));
            }
        }

        @Test
        void noClientRoleHoldsATeamOnlyPermission() {
            for (WorkspaceRole role : WorkspaceRole.values()) {
                if (role.isClientRole()) {
                    assertThat(PermissionMatrix.defaults().permissionsOf(role)).noneMatch(Permission::teamOnly);
                }
            }
        }
    }

    @Nested
    class Grants {

        @Test
        void aTenantAdminHoldsNothingInAnotherTenantsWorkspaceOrAMadeUpId() {
            Fixture.OtherTenant other = f.otherTenant();

            assertThat(authorizer.permissions(f.alice, other.workspace().id())).isEmpty();
            assertThat(authorizer.can(f.alice, WorkspaceId.of("no-such-workspace"), VIEW_WORKSPACE)).isFalse();
            assertThat(authorizer.can(f.alice, f.acme.id(), VIEW_WORKSPACE)).isTrue();
        }

        @Test
        void aTenantAdminHoldsEveryPermissionWithoutBeingAMember() {
            AccessGrant grant = authorizer.grant(f.alice, f.acme.id());

            assertThat(grant.permissions()).containsExactlyInAnyOrder(Permission.values());
            assertThat(grant.tenantRole()).contains(TenantRole.TENANT_ADMIN);
            assertThat(grant.workspaceRole()).isEmpty();
        }

        @Test
        void aGrantSaysWhy() {
            AccessGrant carol = authorizer.grant(f.carol, f.acme.id());
            AccessGrant tom = authorizer.grant(f.tom, f.acme.id());

            assertThat(carol.tenantRole()).isEmpty();
            assertThat(carol.workspaceRole()).contains(WorkspaceRole.CLIENT_ADMIN);
            assertThat(tom.tenantRole()).contains(TenantRole.TEAM_MEMBER);
            assertThat(tom.workspaceRole()).contains(WorkspaceRole.MEMBER);
        }

        @Test
        void aTeamActorOffTheRosterGetsNothingEvenWithAMembership() {
            f.kit.tenants().removeTeamMember(f.alice, f.tom.userId());

            assertThat(authorizer.permissions(f.tom, f.acme.id())).isEmpty();
            assertThat(authorizer.permissions(f.mallory, f.acme.id())).isEmpty();
            assertThat(authorizer.grant(f.mallory, f.acme.id())).isEqualTo(AccessGrant.none());
            assertThat(authorizer.tenantRole(f.mallory)).isEmpty();
        }

        @Test
        void teamUsersWhoAreNotMembersGetNothing() {
            assertThat(authorizer.permissions(f.tina, f.acme.id())).isEmpty();
            f.kit.tenants().changeTeamRole(f.alice, f.tina.userId(), TenantRole.ACCOUNT_MANAGER);
            assertThat(authorizer.permissions(f.tina, f.acme.id())).isEmpty();
        }

        @Test
        void clientsWhoAreNotMembersGetNothing() {
            assertThat(authorizer.permissions(f.zach, f.acme.id())).isEmpty();
            assertThat(authorizer.can(f.zach, f.acme.id(), VIEW_WORKSPACE)).isFalse();
        }

        @Test
        void aMembershipCountsOnlyForActorsOfItsOwnKind() {
            f.kit.members().add(f.bob, f.acme.id(), f.tina.userId(), WorkspaceRole.CLIENT_ADMIN);

            assertThat(authorizer.permissions(f.tina, f.acme.id())).isEmpty();
            assertThat(authorizer.permissions(f.client("bob"), f.acme.id())).isEmpty();
            assertThat(authorizer.tenantRole(f.client("alice"))).isEmpty();
            assertThat(authorizer.permissions(f.client("alice"), f.acme.id())).isEmpty();
        }

        @Test
        void aClientOfAnotherTenantGetsNothingHere() {
            Fixture.OtherTenant globex = f.otherTenant();

            assertThat(authorizer.permissions(globex.client("carol"), f.acme.id())).isEmpty();
            assertThat(authorizer.permissions(f.carol, globex.workspace().id())).isEmpty();
        }

        @Test
        void aTenantAdminsAllPowerSurvivesAReplacedMatrix() {
            Map<WorkspaceRole, Set<Permission>> minimal = new EnumMap<>(WorkspaceRole.class);
            for (WorkspaceRole role : WorkspaceRole.values()) {
                minimal.put(role, Set.of(VIEW_WORKSPACE));
            }
            f.kit.accessPolicies().replaceMatrix(f.alice, PermissionMatrix.of(minimal));

            assertThat(authorizer.permissions(f.alice, f.acme.id())).containsExactlyInAnyOrder(Permission.values());
            assertThat(authorizer.permissions(f.bob, f.acme.id())).containsExactly(VIEW_WORKSPACE);
        }
    }

    @Nested
    class ReplacingTheMatrix {

        private final PermissionMatrix noUploadsForClientAdmins = PermissionMatrix.defaults()
                .with(WorkspaceRole.CLIENT_ADMIN, Set.of(VIEW_WORKSPACE, INVITE_CLIENTS));

        @Test
        void aReplacedMatrixTakesEffectAtOnce() {
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).isTrue();

            f.kit.accessPolicies().replaceMatrix(f.alice, noUploadsForClientAdmins);

            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).isFalse();
            assertThat(f.kit.accessPolicies().matrix(f.tom)).isEqualTo(noUploadsForClientAdmins);
            assertThat(f.events.ofType(MemberEvent.PermissionMatrixChanged.class)).hasSize(1);
        }

        @Test
        void resettingGoesBackToTheDefaultAtOnce() {
            f.kit.accessPolicies().replaceMatrix(f.alice, noUploadsForClientAdmins);
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).isFalse();

            PermissionMatrix reset = f.kit.accessPolicies().resetMatrix(f.alice);

            assertThat(reset).isEqualTo(PermissionMatrix.defaults());
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).isTrue();
        }

        @Test
        void aMatrixIsPerTenant() {
            Fixture.OtherTenant globex = f.otherTenant();
            f.kit.members().add(globex.admin(), globex.workspace().id(), globex.client("gina").userId(),
                    WorkspaceRole.CLIENT_ADMIN);

            f.kit.accessPolicies().replaceMatrix(f.alice, noUploadsForClientAdmins);

            assertThat(f.kit.accessPolicies().matrix(globex.admin())).isEqualTo(PermissionMatrix.defaults());
            assertThat(authorizer.can(globex.client("gina"), globex.workspace().id(), UPLOAD_FILES)).isTrue();
        }

        @Test
        void onlyATenantAdminReplacesOrResetsTheMatrix() {
            for (Actor actor : List.of(f.bob, f.tom, f.mallory)) {
                AccessDeniedException e = f.rejects(AccessDeniedException.class,
                        () -> f.kit.accessPolicies().replaceMatrix(actor, noUploadsForClientAdmins));
                assertThat(e.required()).isEqualTo("TENANT_ADMIN");
                f.rejects(AccessDeniedException.class, () -> f.kit.accessPolicies().resetMatrix(actor));
            }
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).isTrue();
        }

        @Test
        void aClientCannotReplaceOrResetTheMatrixOfATenantItCannotSee() {
            f.rejects(NotFoundException.class, () -> f.kit.accessPolicies().replaceMatrix(f.carol, noUploadsForClientAdmins));
            f.rejects(NotFoundException.class, () -> f.kit.accessPolicies().resetMatrix(f.carol));
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).isTrue();
        }

        @Test
        void onlyTheTeamReadsTheMatrix() {
            assertThat(f.kit.accessPolicies().matrix(f.tom)).isEqualTo(PermissionMatrix.defaults());
            f.rejects(AccessDeniedException.class, () -> f.kit.accessPolicies().matrix(f.mallory));
        }

        @Test
        void aClientReadsNoMatrixOfATenantItCannotSee() {
            f.rejects(NotFoundException.class, () -> f.kit.accessPolicies().matrix(f.carol));
        }

        @Test
        void aMatrixGrantingATeamOnlyPermissionToAClientRoleIsInvalid() {
            ValidationException e = f.rejects(ValidationException.class, () -> PermissionMatrix.defaults()
                    .with(WorkspaceRole.CLIENT_VIEWER, Set.of(VIEW_WORKSPACE, VIEW_INTERNAL)));
            assertThat(fieldsOf(e)).containsExactly("matrix.CLIENT_VIEWER");
        }

        @Test
        void aMatrixWhereARoleLacksViewWorkspaceIsInvalid() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> PermissionMatrix.defaults().with(WorkspaceRole.MEMBER, Set.of(UPLOAD_FILES)));
            assertThat(fieldsOf(e)).containsExactly("matrix.MEMBER");
        }

        @Test
        void aMatrixMissingARoleIsInvalid() {
            Map<WorkspaceRole, Set<Permission>> partial = new EnumMap<>(PermissionMatrix.defaults().asMap());
            partial.remove(WorkspaceRole.CLIENT_CONTRIBUTOR);

            ValidationException e = f.rejects(ValidationException.class, () -> PermissionMatrix.of(partial));
            assertThat(fieldsOf(e)).containsExactly("matrix.CLIENT_CONTRIBUTOR");
        }

        @Test
        void everyBrokenRoleIsReported() {
            Map<WorkspaceRole, Set<Permission>> broken = new EnumMap<>(PermissionMatrix.defaults().asMap());
            broken.put(WorkspaceRole.LEAD, EnumSet.of(UPLOAD_FILES));
            broken.put(WorkspaceRole.CLIENT_ADMIN, EnumSet.of(VIEW_WORKSPACE, Permission.MANAGE_MEMBERS));

            ValidationException e = f.rejects(ValidationException.class, () -> PermissionMatrix.of(broken));
            assertThat(fieldsOf(e)).containsExactlyInAnyOrder("matrix.LEAD", "matrix.CLIENT_ADMIN");
        }
    }

    @Nested
    class Caching {

        @Test
        void equalAnswersAreOneSharedInstanceSoThatACacheOfManyUsersStaysSmall() {
            f.kit.members().add(f.bob, f.acme.id(), f.zach.userId(), WorkspaceRole.CLIENT_VIEWER);

            AccessGrant dave = authorizer.grant(f.dave, f.acme.id());
            AccessGrant zach = authorizer.grant(f.zach, f.acme.id());

            assertThat(zach).isEqualTo(dave).isSameAs(dave);
            assertThat(authorizer.grant(f.tina, f.acme.id())).isSameAs(AccessGrant.none());
        }

        @Test
        void addingAMemberIsSeenAtOnce() {
            assertThat(authorizer.can(f.tina, f.acme.id(), VIEW_WORKSPACE)).isFalse();

            f.kit.members().add(f.bob, f.acme.id(), f.tina.userId(), WorkspaceRole.MEMBER);

            assertThat(authorizer.can(f.tina, f.acme.id(), VIEW_WORKSPACE)).isTrue();
        }

        @Test
        void changingARoleIsSeenAtOnce() {
            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).isFalse();

            f.kit.members().changeRole(f.bob, f.acme.id(), f.dave.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);

            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).isTrue();
        }

        @Test
        void removingAMemberIsSeenAtOnce() {
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isTrue();

            f.kit.members().remove(f.bob, f.acme.id(), f.dave.userId());

            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isFalse();
        }

        @Test
        void acceptingAnInvitationIsSeenAtOnce() {
            assertThat(authorizer.can(f.zach, f.acme.id(), VIEW_WORKSPACE)).isFalse();
            IssuedInvitation invite = f.kit.invitations().invite(f.bob, f.acme.id(),
                    NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));

            f.kit.invitations().accept(f.zach, invite.token());

            assertThat(authorizer.can(f.zach, f.acme.id(), VIEW_WORKSPACE)).isTrue();
        }

        @Test
        void handingOverTheLeadIsSeenAtOnce() {
            assertThat(authorizer.can(f.tom, f.acme.id(), Permission.MANAGE_MEMBERS)).isFalse();
            assertThat(authorizer.can(f.bob, f.acme.id(), Permission.MANAGE_MEMBERS)).isTrue();

            f.kit.members().handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.tom.userId());

            assertThat(authorizer.can(f.tom, f.acme.id(), Permission.MANAGE_MEMBERS)).isTrue();
            assertThat(authorizer.can(f.bob, f.acme.id(), Permission.MANAGE_MEMBERS)).isFalse();
        }

        @Test
        void leavingTheRosterIsSeenAtOnceInEveryWorkspace() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));
            f.kit.members().add(f.bob, initech.id(), f.tom.userId(), WorkspaceRole.MEMBER);
            assertThat(authorizer.can(f.tom, f.acme.id(), VIEW_INTERNAL)).isTrue();
            assertThat(authorizer.can(f.tom, initech.id(), VIEW_INTERNAL)).isTrue();

            f.kit.tenants().removeTeamMember(f.alice, f.tom.userId());

            assertThat(authorizer.can(f.tom, f.acme.id(), VIEW_INTERNAL)).isFalse();
            assertThat(authorizer.can(f.tom, initech.id(), VIEW_INTERNAL)).isFalse();
            assertThat(authorizer.tenantRole(f.tom)).isEmpty();
        }

        @Test
        void joiningTheRosterIsSeenAtOnce() {
            f.kit.tenants().removeTeamMember(f.alice, f.tom.userId());
            assertThat(authorizer.can(f.tom, f.acme.id(), VIEW_WORKSPACE)).isFalse();

            f.kit.tenants().addTeamMember(f.alice, f.tom.userId(), TenantRole.TEAM_MEMBER);

            assertThat(authorizer.can(f.tom, f.acme.id(), VIEW_WORKSPACE)).isTrue();
        }

        @Test
        void aPromotionToTenantAdminIsSeenAtOnce() {
            assertThat(authorizer.permissions(f.tina, f.acme.id())).isEmpty();

            f.kit.tenants().changeTeamRole(f.alice, f.tina.userId(), TenantRole.TENANT_ADMIN);

            assertThat(authorizer.permissions(f.tina, f.acme.id())).containsExactlyInAnyOrder(Permission.values());
        }

        @Test
        void aChangeBehindTheKitsBackIsSeenOnlyOnceTheCachedAnswerExpires() {
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isTrue();
            Membership dave = f.stores.memberships().find(f.tenant.id(), f.acme.id(), f.dave.userId()).orElseThrow();

            f.stores.memberships().delete(f.tenant.id(), f.acme.id(), f.dave.userId(), dave.version());

            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).as("cached").isTrue();
            f.ticker.advance(Duration.ofSeconds(29));
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).as("still cached after 29s").isTrue();
            f.ticker.advance(Duration.ofSeconds(2));
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).as("expired after 31s").isFalse();
        }

        @Test
        void invalidateAllDropsEveryCachedAnswerAtOnce() {
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isTrue();
            assertThat(authorizer.tenantRole(f.tom)).contains(TenantRole.TEAM_MEMBER);
            Membership dave = f.stores.memberships().find(f.tenant.id(), f.acme.id(), f.dave.userId()).orElseThrow();
            f.stores.memberships().delete(f.tenant.id(), f.acme.id(), f.dave.userId(), dave.version());
            f.stores.team().delete(f.tenant.id(), f.tom.userId(), 0);

            authorizer.invalidateAll();

            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isFalse();
            assertThat(authorizer.tenantRole(f.tom)).isEmpty();
        }

        @Test
        void aMatrixChangedBehindTheKitsBackIsSeenOnceTheCachedMatrixExpires() {
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).isTrue();

            f.stores.permissionMatrices().save(f.tenant.id(), PermissionMatrix.defaults()
                    .with(WorkspaceRole.CLIENT_ADMIN, Set.of(VIEW_WORKSPACE)));

            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).as("cached").isTrue();
            f.ticker.advance(Duration.ofSeconds(31));
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).as("expired").isFalse();
        }

        @Test
        void invalidatingOneTenantLeavesTheOthersCached() {
            Fixture.OtherTenant globex = f.otherTenant();
            WorkspaceId globexWs = globex.workspace().id();
            Actor olga = globex.admin();
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isTrue();
            assertThat(authorizer.can(olga, globexWs, VIEW_WORKSPACE)).isTrue();
            f.stores.memberships().delete(f.tenant.id(), f.acme.id(), f.dave.userId(), 0);
            f.stores.team().update(f.stores.team().find(globex.tenant().id(), olga.userId()).orElseThrow()
                    .withRole(TenantRole.TEAM_MEMBER));

            authorizer.invalidateTenant(f.tenant.id());

            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isFalse();
            assertThat(authorizer.can(olga, globexWs, VIEW_WORKSPACE)).as("other tenant still cached").isTrue();
        }

        @Test
        void cachedAnswersOfOtherMembersSurviveAMembershipChange() {
            assertThat(authorizer.can(f.erin, f.acme.id(), UPLOAD_FILES)).isTrue();
            f.stores.memberships().delete(f.tenant.id(), f.acme.id(), f.erin.userId(), 0);

            f.kit.members().remove(f.bob, f.acme.id(), f.dave.userId());

            assertThat(authorizer.can(f.erin, f.acme.id(), UPLOAD_FILES)).as("erin's answer was not touched").isTrue();
        }
    }
}
