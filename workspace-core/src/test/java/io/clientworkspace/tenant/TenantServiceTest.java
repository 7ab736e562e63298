package io.clientworkspace.tenant;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.member.Permission;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

class TenantServiceTest {

    private final Fixture f = Fixture.create();
    private final TenantService tenants = f.kit.tenants();

    @Nested
    class Creating {

        @Test
        void aNewTenantHasItsFirstAdminOnTheRoster() {
            Tenant created = tenants.create("Contoso", UserId.of("connie"));
            Actor connie = Actor.team(created.id(), "connie");

            assertThat(created.name()).isEqualTo("Contoso");
            assertThat(created.createdAt()).isEqualTo(f.clock.instant());
            assertThat(created.version()).isZero();
            assertThat(tenants.find(created.id())).contains(created);
            assertThat(tenants.findTeamMember(connie, connie.userId())).get()
                    .extracting(TeamMember::role).isEqualTo(TenantRole.TENANT_ADMIN);
        }

        @Test
        void theNameIsStrippedOfSurroundingWhitespace() {
            assertThat(tenants.create("  Contoso  ", UserId.of("connie")).name()).isEqualTo("Contoso");
        }

        @Test
        void aNameOf120CharactersIsAccepted() {
            assertThat(tenants.create("n".repeat(120), UserId.of("connie")).name()).hasSize(120);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "Bad\nName", "Bell\u0007", "Tab\tName"})
        void aBlankOrControlCharacterNameIsRefused(String name) {
            ValidationException e = f.rejects(ValidationException.class, () -> tenants.create(name, UserId.of("connie")));
            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aNameOf121CharactersIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> tenants.create("n".repeat(121), UserId.of("connie")));
            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void anUnknownTenantIsNotFound() {
            assertThat(tenants.find(TenantId.of("no-such-tenant"))).isEmpty();
        }
    }

    @Nested
    class Listing {

        @Test
        void pagesWalkEveryTenantOnceInIdOrder() {
            for (int i = 0; i < 4; i++) {
                f.clock.advance(Duration.ofMinutes(1));
                tenants.create("Tenant " + i, UserId.of("admin" + i));
            }
            List<Tenant> seen = new ArrayList<>();
            Page<Tenant> page = tenants.list(PageRequest.first(2));
            seen.addAll(page.items());
            while (page.hasNext()) {
                assertThat(page.items()).hasSize(2);
                page = tenants.list(PageRequest.after(page.nextCursor().orElseThrow(), 2));
                seen.addAll(page.items());
            }

            assertThat(seen).hasSize(5).doesNotHaveDuplicates()
                    .isSortedAccordingTo(Comparator.comparing(Tenant::id))
                    .contains(f.tenant);
        }

        @Test
        void aCursorThatThisListDidNotHandOutIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> tenants.list(PageRequest.after("not-a-cursor!", 2)));
            assertThat(fieldsOf(e)).containsExactly("cursor");
        }
    }

    @Nested
    class Renaming {

        @Test
        void aTenantAdminRenamesTheTenant() {
            Tenant renamed = tenants.rename(f.alice, "Northwind & Co", 0);

            assertThat(renamed.name()).isEqualTo("Northwind & Co");
            assertThat(renamed.version()).isEqualTo(1);
            assertThat(tenants.get(f.tom)).isEqualTo(renamed);
            assertThat(f.events.ofType(TenantEvent.TenantRenamed.class)).singleElement()
                    .satisfies(e -> assertThat(e.oldName()).isEqualTo("Northwind Agency"));
        }

        @Test
        void anAccountManagerMayNotRenameTheTenant() {
            AccessDeniedException e = f.rejects(AccessDeniedException.class, () -> tenants.rename(f.bob, "Mine", 0));
            assertThat(e.required()).isEqualTo("TENANT_ADMIN");
        }

        @Test
        void aClientMayNotEvenSeeTheTenant() {
            NotFoundException e = f.rejects(NotFoundException.class, () -> tenants.rename(f.carol, "Mine", 0));
            assertThat(e.resourceType()).isEqualTo("tenant");
        }

        @Test
        void aTeamActorOffTheRosterIsDenied() {
            f.rejects(AccessDeniedException.class, () -> tenants.rename(f.mallory, "Mine", 0));
        }

        @Test
        void aStaleVersionIsRefused() {
            tenants.rename(f.alice, "First", 0);

            ConflictException e = f.rejects(ConflictException.class, () -> tenants.rename(f.alice, "Second", 0));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", "Line\nBreak"})
        void aBadNameIsRefused(String name) {
            ValidationException e = f.rejects(ValidationException.class, () -> tenants.rename(f.alice, name, 0));
            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aNameOf121CharactersIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> tenants.rename(f.alice, "x".repeat(121), 0));
            assertThat(fieldsOf(e)).containsExactly("name");
        }
    }

    @Nested
    class Roster {

        @Test
        void aTenantAdminAddsATeamMember() {
            TeamMember added = tenants.addTeamMember(f.alice, UserId.of("nina"), TenantRole.ACCOUNT_MANAGER);

            assertThat(added.role()).isEqualTo(TenantRole.ACCOUNT_MANAGER);
            assertThat(added.addedAt()).isEqualTo(f.clock.instant());
            assertThat(tenants.findTeamMember(f.tom, UserId.of("nina"))).contains(added);
        }

        @Test
        void someoneAlreadyOnTheRosterCannotBeAddedTwice() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> tenants.addTeamMember(f.alice, f.tom.userId(), TenantRole.ACCOUNT_MANAGER));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        }

        @Test
        void onlyATenantAdminManagesTheRoster() {
            for (Actor notAdmin : List.of(f.bob, f.tom, f.mallory)) {
                f.rejects(AccessDeniedException.class,
                        () -> tenants.addTeamMember(notAdmin, UserId.of("nina"), TenantRole.TEAM_MEMBER));
                f.rejects(AccessDeniedException.class,
                        () -> tenants.changeTeamRole(notAdmin, f.tina.userId(), TenantRole.TENANT_ADMIN));
                f.rejects(AccessDeniedException.class, () -> tenants.removeTeamMember(notAdmin, f.tina.userId()));
            }
        }

        @Test
        void clientsCannotTouchTheRoster() {
            f.rejects(NotFoundException.class,
                    () -> tenants.addTeamMember(f.carol, UserId.of("nina"), TenantRole.TENANT_ADMIN));
            f.rejects(NotFoundException.class,
                    () -> tenants.changeTeamRole(f.carol, f.carol.userId(), TenantRole.TENANT_ADMIN));
            f.rejects(NotFoundException.class, () -> tenants.removeTeamMember(f.carol, f.tom.userId()));
            f.rejects(NotFoundException.class, () -> tenants.team(f.carol, PageRequest.first()));
        }

        @Test
        void anAdminOfAnotherTenantCannotTouchThisRoster() {
            Fixture.OtherTenant globex = f.otherTenant();
            tenants.addTeamMember(globex.admin(), UserId.of("tom"), TenantRole.TENANT_ADMIN);

            assertThat(tenants.findTeamMember(f.alice, f.tom.userId())).get()
                    .extracting(TeamMember::role).isEqualTo(TenantRole.TEAM_MEMBER);
            assertThat(f.kit.authorizer().permissions(f.tom, f.acme.id())).doesNotContain(Permission.EDIT_WORKSPACE);
        }

        @Test
        void aTenantAdminChangesATeamRole() {
            TeamMember changed = tenants.changeTeamRole(f.alice, f.tina.userId(), TenantRole.ACCOUNT_MANAGER);

            assertThat(changed.role()).isEqualTo(TenantRole.ACCOUNT_MANAGER);
            assertThat(changed.version()).isEqualTo(1);
        }

        @Test
        void changingToTheSameRoleChangesNothing() {
            TeamMember same = tenants.changeTeamRole(f.alice, f.tina.userId(), TenantRole.TEAM_MEMBER);

            assertThat(same.version()).isZero();
            assertThat(f.events.all()).isEmpty();
        }

        @Test
        void changingTheRoleOfSomeoneOffTheRosterIsNotFound() {
            NotFoundException e = f.rejects(NotFoundException.class,
                    () -> tenants.changeTeamRole(f.alice, UserId.of("nobody"), TenantRole.TEAM_MEMBER));
            assertThat(e.resourceType()).isEqualTo("team member");
        }

        @Test
        void theLastTenantAdminCannotBeDemoted() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> tenants.changeTeamRole(f.alice, f.alice.userId(), TenantRole.ACCOUNT_MANAGER));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.LAST_TENANT_ADMIN);
        }

        @Test
        void theLastTenantAdminCannotBeRemoved() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> tenants.removeTeamMember(f.alice, f.alice.userId()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.LAST_TENANT_ADMIN);
        }

        @Test
        void aTenantAdminStepsDownOnceAnotherAdminExists() {
            tenants.changeTeamRole(f.alice, f.bob.userId(), TenantRole.TENANT_ADMIN);

            tenants.changeTeamRole(f.alice, f.alice.userId(), TenantRole.TEAM_MEMBER);

            assertThat(tenants.findTeamMember(f.bob, f.alice.userId())).get()
                    .extracting(TeamMember::role).isEqualTo(TenantRole.TEAM_MEMBER);
            f.rejects(AccessDeniedException.class, () -> tenants.rename(f.alice, "Mine", 0));
        }

        @Test
        void aTenantAdminLeavesOnceAnotherAdminExists() {
            tenants.changeTeamRole(f.alice, f.bob.userId(), TenantRole.TENANT_ADMIN);

            tenants.removeTeamMember(f.alice, f.alice.userId());

            assertThat(tenants.findTeamMember(f.bob, f.alice.userId())).isEmpty();
        }

        @Test
        void aRemovedTeamMemberKeepsItsMembershipButMayDoNothing() {
            tenants.removeTeamMember(f.alice, f.tom.userId());

            assertThat(tenants.findTeamMember(f.alice, f.tom.userId())).isEmpty();
            assertThat(f.roleOf(f.acme.id(), f.tom)).isPresent();
            assertThat(f.kit.authorizer().permissions(f.tom, f.acme.id())).isEmpty();
            f.rejects(AccessDeniedException.class, () -> tenants.get(f.tom));
        }

        @Test
        void removingSomeoneOffTheRosterIsNotFound() {
            f.rejects(NotFoundException.class, () -> tenants.removeTeamMember(f.alice, UserId.of("nobody")));
        }

        @Test
        void everyoneOnTheRosterReadsTheTenantAndTheRoster() {
            assertThat(tenants.get(f.tom)).isEqualTo(f.tenant);
            assertThat(tenants.team(f.tom, PageRequest.first()).items()).extracting(m -> m.userId().value())
                    .containsExactly("alice", "bob", "tina", "tom");
        }

        @Test
        void aTeamActorOffTheRosterCannotReadIt() {
            f.rejects(AccessDeniedException.class, () -> tenants.get(f.mallory));
            f.rejects(AccessDeniedException.class, () -> tenants.team(f.mallory, PageRequest.first()));
            f.rejects(AccessDeniedException.class, () -> tenants.findTeamMember(f.mallory, f.alice.userId()));
        }

        @Test
        void theRosterPagesByUserId() {
            Page<TeamMember> first = tenants.team(f.alice, PageRequest.first(3));
            Page<TeamMember> second = tenants.team(f.alice, PageRequest.after(first.nextCursor().orElseThrow(), 3));

            assertThat(first.items()).extracting(m -> m.userId().value()).containsExactly("alice", "bob", "tina");
            assertThat(second.items()).extracting(m -> m.userId().value()).containsExactly("tom");
            assertThat(second.nextCursor()).isEqualTo(Optional.empty());
        }

        @Test
        void theRosterRefusesACursorOfAnotherList() {
            tenants.create("Second", UserId.of("sam"));
            String tenantCursor = tenants.list(PageRequest.first(1)).nextCursor().orElseThrow();

            ValidationException e = f.rejects(ValidationException.class,
                    () -> tenants.team(f.alice, PageRequest.after(tenantCursor, 3)));
            assertThat(fieldsOf(e)).containsExactly("cursor");
        }
    }
}
