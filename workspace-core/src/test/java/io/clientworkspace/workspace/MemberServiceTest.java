package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.clientworkspace.member.WorkspaceRole.CLIENT_ADMIN;
import static io.clientworkspace.member.WorkspaceRole.CLIENT_CONTRIBUTOR;
import static io.clientworkspace.member.WorkspaceRole.CLIENT_VIEWER;
import static io.clientworkspace.member.WorkspaceRole.LEAD;
import static io.clientworkspace.member.WorkspaceRole.MEMBER;
import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

class MemberServiceTest {

    private final Fixture f = Fixture.create();
    private final MemberService members = f.kit.members();

    private Map<UserId, Membership> membersByUser() {
        return f.members(f.acme.id()).stream().collect(Collectors.toMap(Membership::userId, Function.identity()));
    }

    @Nested
    class Adding {

        @Test
        void theLeadAddsATeamUserFromTheRoster() {
            f.clock.advance(Duration.ofMinutes(5));

            Membership added = members.add(f.bob, f.acme.id(), f.tina.userId(), MEMBER);

            assertThat(added.role()).isEqualTo(MEMBER);
            assertThat(added.joinedAt()).isEqualTo(f.clock.instant());
            assertThat(members.find(f.carol, f.acme.id(), f.tina.userId())).contains(added);
            assertThat(f.events.ofType(MemberEvent.MemberAdded.class)).singleElement()
                    .satisfies(e -> assertThat(e.userId()).isEqualTo(f.tina.userId()));
        }

        @Test
        void aTeamRoleNeedsAPlaceOnTheRoster() {
            for (WorkspaceRole teamRole : List.of(LEAD, MEMBER)) {
                ValidationException e = f.rejects(ValidationException.class,
                        () -> members.add(f.bob, f.acme.id(), UserId.of("mallory"), teamRole));
                assertThat(fieldsOf(e)).containsExactly("userId");
            }
        }

        @ParameterizedTest
        @EnumSource(value = WorkspaceRole.class, names = {"CLIENT_ADMIN", "CLIENT_CONTRIBUTOR", "CLIENT_VIEWER"})
        void aClientRoleNeedsNoRoster(WorkspaceRole role) {
            assertThat(members.add(f.bob, f.acme.id(), f.zach.userId(), role).role()).isEqualTo(role);
        }

        @Test
        void aClientUserTheDirectoryDoesNotKnowIsRefusedAndNothingChanges() {
            Fixture known = Fixture.create(b -> b.userDirectory((tenant, user) -> !user.value().equals("mallory")));
            int before = known.members(known.acme.id()).size();

            ValidationException e = known.rejects(ValidationException.class,
                    () -> known.kit.members().add(known.bob, known.acme.id(), UserId.of("mallory"), CLIENT_VIEWER));

            assertThat(fieldsOf(e)).containsExactly("userId");
            assertThat(e.getMessage()).contains("mallory").contains("invite");
            assertThat(known.members(known.acme.id())).hasSize(before);
        }

        @Test
        void theDirectoryIsAskedAboutTheActorsTenantAndTheAddedUser() {
            List<String> asked = new java.util.ArrayList<>();
            Fixture known = Fixture.create(b -> b.userDirectory((tenant, user) -> asked.add(tenant.value() + "/" + user.value())));
            asked.clear();

            known.kit.members().add(known.bob, known.acme.id(), known.zach.userId(), CLIENT_VIEWER);

            assertThat(asked).containsExactly(known.tenant.id().value() + "/zach");
        }

        @Test
        void someoneWhoIsAlreadyAMemberCannotBeAddedAgain() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> members.add(f.bob, f.acme.id(), f.dave.userId(), CLIENT_ADMIN));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        }

        @Test
        void aTenantAdminAddsMembersWithoutBeingOne() {
            members.add(f.alice, f.acme.id(), f.tina.userId(), LEAD);

            assertThat(f.roleOf(f.acme.id(), f.tina)).contains(LEAD);
        }
    }

    @Nested
    class WhoManagesMembers {

        @Test
        void clientsCannotManageMembers() {
            for (Actor client : List.of(f.carol, f.erin, f.dave)) {
                AccessDeniedException e = f.rejects(AccessDeniedException.class,
                        () -> members.add(client, f.acme.id(), f.zach.userId(), CLIENT_VIEWER));
                assertThat(e.required()).isEqualTo(Permission.MANAGE_MEMBERS.name());
                f.rejects(AccessDeniedException.class,
                        () -> members.changeRole(client, f.acme.id(), f.dave.userId(), CLIENT_CONTRIBUTOR));
                f.rejects(AccessDeniedException.class, () -> members.remove(client, f.acme.id(), f.tom.userId()));
                f.rejects(AccessDeniedException.class,
                        () -> members.handOverLead(client, f.acme.id(), f.bob.userId(), f.tom.userId()));
            }
        }

        @Test
        void aClientAdminCannotRemoveAnotherClient() {
            f.rejects(AccessDeniedException.class, () -> members.remove(f.carol, f.acme.id(), f.dave.userId()));
        }

        @Test
        void aTeamMemberWithoutManageMembersCannotManageMembers() {
            f.rejects(AccessDeniedException.class, () -> members.add(f.tom, f.acme.id(), f.zach.userId(), CLIENT_VIEWER));
            f.rejects(AccessDeniedException.class, () -> members.remove(f.tom, f.acme.id(), f.dave.userId()));
        }

        @Test
        void whoCannotSeeTheWorkspaceIsToldItDoesNotExist() {
            f.rejects(NotFoundException.class, () -> members.add(f.tina, f.acme.id(), f.tina.userId(), MEMBER));
            f.rejects(NotFoundException.class, () -> members.list(f.zach, f.acme.id(), PageRequest.first()));
        }
    }

    @Nested
    class ChangingRoles {

        @Test
        void aClientRoleChangesToAnotherClientRole() {
            Membership changed = members.changeRole(f.bob, f.acme.id(), f.dave.userId(), CLIENT_CONTRIBUTOR);

            assertThat(changed.role()).isEqualTo(CLIENT_CONTRIBUTOR);
            assertThat(changed.version()).isEqualTo(1);
            assertThat(f.events.ofType(MemberEvent.MemberRoleChanged.class)).singleElement().satisfies(e -> {
                assertThat(e.oldRole()).isEqualTo(CLIENT_VIEWER);
                assertThat(e.newRole()).isEqualTo(CLIENT_CONTRIBUTOR);
            });
        }

        @Test
        void aTeamRoleChangesToAnotherTeamRole() {
            assertThat(members.changeRole(f.bob, f.acme.id(), f.tom.userId(), LEAD).role()).isEqualTo(LEAD);
        }

        @Test
        void aClientMemberCannotBeGivenATeamRole() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> members.changeRole(f.bob, f.acme.id(), f.dave.userId(), MEMBER));
            assertThat(fieldsOf(e)).containsExactly("role");
        }

        @Test
        void aTeamMemberCannotBeGivenAClientRole() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> members.changeRole(f.bob, f.acme.id(), f.tom.userId(), CLIENT_ADMIN));
            assertThat(fieldsOf(e)).containsExactly("role");
        }

        @Test
        void changingToTheSameRoleChangesNothing() {
            Membership same = members.changeRole(f.bob, f.acme.id(), f.dave.userId(), CLIENT_VIEWER);

            assertThat(same.version()).isZero();
            assertThat(f.events.all()).isEmpty();
        }

        @Test
        void theRoleOfSomeoneWhoIsNotAMemberIsNotFound() {
            NotFoundException e = f.rejects(NotFoundException.class,
                    () -> members.changeRole(f.bob, f.acme.id(), f.zach.userId(), CLIENT_ADMIN));
            assertThat(e.resourceType()).isEqualTo("member");
        }

        @Test
        void theLastLeadCannotBeDemoted() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> members.changeRole(f.alice, f.acme.id(), f.bob.userId(), MEMBER));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.LAST_LEAD);
        }

        @Test
        void aLeadCanBeDemotedWhileAnotherLeadRemains() {
            members.changeRole(f.bob, f.acme.id(), f.tom.userId(), LEAD);

            members.changeRole(f.tom, f.acme.id(), f.bob.userId(), MEMBER);

            assertThat(f.roleOf(f.acme.id(), f.bob)).contains(MEMBER);
            assertThat(f.stores.memberships().countByRole(f.tenant.id(), f.acme.id(), LEAD)).isEqualTo(1);
        }
    }

    @Nested
    class Removing {

        @Test
        void theLeadRemovesAMember() {
            members.remove(f.bob, f.acme.id(), f.dave.userId());

            assertThat(f.roleOf(f.acme.id(), f.dave)).isEmpty();
            assertThat(f.kit.authorizer().permissions(f.dave, f.acme.id())).isEmpty();
            assertThat(f.events.ofType(MemberEvent.MemberRemoved.class)).singleElement()
                    .satisfies(e -> assertThat(e.role()).isEqualTo(CLIENT_VIEWER));
        }

        @Test
        void anyMemberCanLeave() {
            for (Actor leaving : List.of(f.dave, f.erin, f.carol, f.tom)) {
                members.remove(leaving, f.acme.id(), leaving.userId());

                assertThat(f.roleOf(f.acme.id(), leaving)).as("%s", leaving).isEmpty();
                f.rejects(NotFoundException.class, () -> f.kit.workspaces().get(leaving, f.acme.id()));
            }
        }

        @Test
        void theLastLeadCannotBeRemoved() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> members.remove(f.alice, f.acme.id(), f.bob.userId()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.LAST_LEAD);
        }

        @Test
        void theLastLeadCannotLeave() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> members.remove(f.bob, f.acme.id(), f.bob.userId()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.LAST_LEAD);
        }

        @Test
        void removingSomeoneWhoIsNotAMemberIsNotFound() {
            f.rejects(NotFoundException.class, () -> members.remove(f.bob, f.acme.id(), f.zach.userId()));
        }
    }

    @Nested
    class HandingOverTheLead {

        @Test
        void handingOverSwapsExactlyTheTwoRolesAndNothingElse() {
            Map<UserId, Membership> before = membersByUser();

            members.handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.tom.userId());

            Map<UserId, Membership> after = membersByUser();
            assertThat(after.get(f.bob.userId()).role()).isEqualTo(MEMBER);
            assertThat(after.get(f.tom.userId()).role()).isEqualTo(LEAD);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.keySet().stream().filter(u -> !u.equals(f.bob.userId()) && !u.equals(f.tom.userId()))
                    .forEach(u -> assertThat(after.get(u)).isEqualTo(before.get(u)));
            assertThat(f.acme()).isEqualTo(f.acme);
            assertThat(f.events.ofType(MemberEvent.MemberRoleChanged.class)).hasSize(2);
        }

        @Test
        void theNewLeadCanManageAndTheOldLeadCannot() {
            members.handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.tom.userId());

            assertThat(f.kit.authorizer().can(f.tom, f.acme.id(), Permission.MANAGE_MEMBERS)).isTrue();
            assertThat(f.kit.authorizer().can(f.bob, f.acme.id(), Permission.MANAGE_MEMBERS)).isFalse();
        }

        @Test
        void onlyALeadCanBeHandedOverFrom() {
            members.add(f.bob, f.acme.id(), f.tina.userId(), MEMBER);

            ValidationException e = f.rejects(ValidationException.class,
                    () -> members.handOverLead(f.bob, f.acme.id(), f.tom.userId(), f.tina.userId()));
            assertThat(fieldsOf(e)).containsExactly("fromLead");
        }

        @Test
        void onlyATeamMemberCanTakeOverTheLead() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> members.handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.carol.userId()));
            assertThat(fieldsOf(e)).containsExactly("toMember");
        }

        @Test
        void theLeadCannotHandOverToItself() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> members.handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.bob.userId()));
            assertThat(fieldsOf(e)).containsExactly("toMember");
        }

        @Test
        void theLeadCannotBeHandedToSomeoneOutsideTheWorkspace() {
            f.rejects(NotFoundException.class,
                    () -> members.handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.tina.userId()));
        }

        @Test
        void aTeamMemberWithoutManageMembersCannotTakeTheLead() {
            f.rejects(AccessDeniedException.class,
                    () -> members.handOverLead(f.tom, f.acme.id(), f.bob.userId(), f.tom.userId()));
        }
    }

    @Nested
    class ClientsAcrossWorkspaces {

        @Test
        void oneClientUserBelongsToSeveralWorkspacesWithDifferentRoles() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));
            members.add(f.bob, initech.id(), f.carol.userId(), CLIENT_VIEWER);

            assertThat(f.kit.workspaces().list(f.carol, PageRequest.first()).items())
                    .extracting(Workspace::slug).containsExactly("acme", "initech");
            assertThat(f.kit.authorizer().can(f.carol, f.acme.id(), Permission.UPLOAD_FILES)).isTrue();
            assertThat(f.kit.authorizer().can(f.carol, initech.id(), Permission.UPLOAD_FILES)).isFalse();
        }

        @Test
        void aMembershipOfTheOtherKindGrantsNothing() {
            members.add(f.bob, f.acme.id(), f.tina.userId(), CLIENT_ADMIN);

            assertThat(f.kit.authorizer().permissions(f.tina, f.acme.id())).isEmpty();
            f.rejects(NotFoundException.class, () -> f.kit.workspaces().get(f.tina, f.acme.id()));
            assertThat(f.kit.authorizer().permissions(f.client("bob"), f.acme.id())).isEmpty();
        }
    }

    @Nested
    class Reading {

        @Test
        void everyMemberSeesTheMemberList() {
            Page<Membership> page = members.list(f.dave, f.acme.id(), PageRequest.first());

            assertThat(page.items()).extracting(m -> m.userId().value())
                    .containsExactly("bob", "carol", "dave", "erin", "tom");
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        void theMemberListPagesByUserId() {
            Page<Membership> first = members.list(f.carol, f.acme.id(), PageRequest.first(2));
            Page<Membership> second = members.list(f.carol, f.acme.id(), PageRequest.after(first.nextCursor().orElseThrow(), 2));
            Page<Membership> third = members.list(f.carol, f.acme.id(), PageRequest.after(second.nextCursor().orElseThrow(), 2));

            assertThat(first.items()).extracting(m -> m.userId().value()).containsExactly("bob", "carol");
            assertThat(second.items()).extracting(m -> m.userId().value()).containsExactly("dave", "erin");
            assertThat(third.items()).extracting(m -> m.userId().value()).containsExactly("tom");
            assertThat(third.hasNext()).isFalse();
        }

        @Test
        void theMemberListRefusesAForeignCursor() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> members.list(f.carol, f.acme.id(), PageRequest.after("d3M6YWNtZQ", 2)));
            assertThat(fieldsOf(e)).containsExactly("cursor");
        }

        @Test
        void findingSomeoneWhoIsNotAMemberFindsNothing() {
            assertThat(members.find(f.bob, f.acme.id(), f.zach.userId())).isEmpty();
        }
    }
}
