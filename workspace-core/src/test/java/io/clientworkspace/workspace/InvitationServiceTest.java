package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.GoneException;
import io.clientworkspace.InvitationId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static io.clientworkspace.member.WorkspaceRole.CLIENT_ADMIN;
import static io.clientworkspace.member.WorkspaceRole.CLIENT_CONTRIBUTOR;
import static io.clientworkspace.member.WorkspaceRole.CLIENT_VIEWER;
import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

class InvitationServiceTest {

    private static final String PREFIX = "cwk_inv_";

    private final Fixture f = Fixture.create();
    private final InvitationService invitations = f.kit.invitations();

    private IssuedInvitation inviteZach(WorkspaceRole role) {
        return invitations.invite(f.bob, f.acme.id(), NewInvitation.of("zach@acme.test", role));
    }

    private Invitation stored(IssuedInvitation issued) {
        return f.stores.invitations().find(f.tenant.id(), f.acme.id(), issued.invitation().id()).orElseThrow();
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Tokens {

        @Test
        void aTokenCarriesAtLeast128RandomBitsBehindAFixedPrefix() {
            String token = inviteZach(CLIENT_VIEWER).token();

            assertThat(token).startsWith(PREFIX).matches("[A-Za-z0-9_-]+");
            byte[] random = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
            assertThat(random.length * 8).isGreaterThanOrEqualTo(128);
        }

        @Test
        void everyTokenIsDifferent() {
            Set<String> tokens = new HashSet<>();
            Set<String> hashes = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                IssuedInvitation issued = invitations.invite(f.bob, f.acme.id(),
                        NewInvitation.of("guest" + i + "@acme.test", CLIENT_VIEWER));
                tokens.add(issued.token());
                hashes.add(issued.invitation().tokenHash());
            }
            assertThat(tokens).hasSize(300);
            assertThat(hashes).hasSize(300);
        }

        @Test
        void theTokenIsStoredOnlyAsItsSha256() throws Exception {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);
            String token = issued.token();
            Invitation stored = stored(issued);

            assertThat(stored.tokenHash()).isNotEqualTo(token).isEqualTo(sha256Hex(token));
            assertThat(stored).isEqualTo(issued.invitation());
            for (RecordComponent component : Invitation.class.getRecordComponents()) {
                assertThat(String.valueOf(component.getAccessor().invoke(stored)))
                        .as("stored field %s", component.getName()).doesNotContain(token.substring(PREFIX.length()));
            }
        }

        @Test
        void theTokenAppearsNowhereButInTheIssuedInvitation() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);
            String secret = issued.token().substring(PREFIX.length());

            assertThat(issued.toString()).doesNotContain(secret).contains("***");
            assertThat(f.log(f.acme.id()).toString()).doesNotContain(secret);
            assertThat(f.events.all().toString()).doesNotContain(secret);
            assertThat(invitations.listPending(f.bob, f.acme.id(), PageRequest.first()).toString()).doesNotContain(secret);
        }
    }

    @Nested
    class Inviting {

        @Test
        void anInvitationIsPendingForSevenDaysByDefault() {
            Invitation invitation = inviteZach(CLIENT_CONTRIBUTOR).invitation();

            assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(invitation.role()).isEqualTo(CLIENT_CONTRIBUTOR);
            assertThat(invitation.email()).isEqualTo("zach@acme.test");
            assertThat(invitation.invitedBy()).isEqualTo(f.bob.userId());
            assertThat(invitation.createdAt()).isEqualTo(f.clock.instant());
            assertThat(invitation.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(7)));
        }

        @Test
        void theAddressIsKeptInLowerCase() {
            Invitation invitation = invitations.invite(f.bob, f.acme.id(),
                    NewInvitation.of("Zach.Smith@Acme.TEST", CLIENT_VIEWER)).invitation();

            assertThat(invitation.email()).isEqualTo("zach.smith@acme.test");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "  ", "zach", "zach@", "@acme.test", "zach@acme", "zach smith@acme.test",
                "zach@@acme.test", "zach@acme.test\n", " zach@acme.test", "zach\u0085@acme.test", "zach\u00A0smith@acme.test"})
        void aMalformedAddressIsRefused(String email) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> invitations.invite(f.bob, f.acme.id(), NewInvitation.of(email, CLIENT_VIEWER)));
            assertThat(fieldsOf(e)).isNotEmpty().containsOnly("email");
        }

        @Test
        void anAddressOver254CharactersIsRefused() {
            String email = "z".repeat(245) + "@acme.test";
            ValidationException e = f.rejects(ValidationException.class,
                    () -> invitations.invite(f.bob, f.acme.id(), NewInvitation.of(email, CLIENT_VIEWER)));
            assertThat(fieldsOf(e)).isNotEmpty().containsOnly("email");
        }

        @ParameterizedTest
        @EnumSource(value = WorkspaceRole.class, names = {"LEAD", "MEMBER"})
        void aTeamRoleCannotBeOffered(WorkspaceRole teamRole) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> invitations.invite(f.bob, f.acme.id(), NewInvitation.of("zach@acme.test", teamRole)));
            assertThat(fieldsOf(e)).containsExactly("role");
        }

        @Test
        void aRoleMustBeGiven() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> invitations.invite(f.bob, f.acme.id(), NewInvitation.of("zach@acme.test", null)));
            assertThat(fieldsOf(e)).containsExactly("role");
        }

        @Test
        void theValidityMayRangeFromFiveMinutesToThirtyDays() {
            for (Duration valid : List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(30))) {
                Invitation invitation = invitations.invite(f.bob, f.acme.id(),
                        NewInvitation.of("zach@acme.test", CLIENT_VIEWER).validFor(valid)).invitation();
                assertThat(invitation.expiresAt()).isEqualTo(invitation.createdAt().plus(valid));
            }
        }

        @Test
        void aValidityOutsideFiveMinutesToThirtyDaysIsRefused() {
            List<Duration> bad = List.of(Duration.ZERO, Duration.ofMinutes(-10), Duration.ofMinutes(5).minusSeconds(1),
                    Duration.ofDays(30).plusSeconds(1), Duration.ofDays(365));
            for (Duration validFor : bad) {
                ValidationException e = f.rejects(ValidationException.class, () -> invitations.invite(f.bob, f.acme.id(),
                        NewInvitation.of("zach@acme.test", CLIENT_VIEWER).validFor(validFor)));
                assertThat(fieldsOf(e)).as("%s", validFor).containsExactly("validFor");
            }
        }

        @ParameterizedTest
        @EnumSource(value = WorkspaceRole.class, names = {"CLIENT_ADMIN", "CLIENT_CONTRIBUTOR", "CLIENT_VIEWER"})
        void aClientAdminInvitesWithAnyClientRole(WorkspaceRole role) {
            IssuedInvitation issued = invitations.invite(f.carol, f.acme.id(), NewInvitation.of("zach@acme.test", role));

            assertThat(issued.invitation().role()).isEqualTo(role);
            assertThat(issued.invitation().invitedBy()).isEqualTo(f.carol.userId());
        }

        @Test
        void aClientContributorCannotInvite() {
            AccessDeniedException e = f.rejects(AccessDeniedException.class, () -> invitations.invite(f.erin, f.acme.id(),
                    NewInvitation.of("zach@acme.test", CLIENT_VIEWER)));
            assertThat(e.required()).isEqualTo(Permission.INVITE_CLIENTS.name());
        }

        @Test
        void aClientViewerCannotInvite() {
            f.rejects(AccessDeniedException.class, () -> invitations.invite(f.dave, f.acme.id(),
                    NewInvitation.of("zach@acme.test", CLIENT_VIEWER)));
        }

        @Test
        void aTeamMemberWithoutInviteClientsCannotInvite() {
            f.rejects(AccessDeniedException.class, () -> invitations.invite(f.tom, f.acme.id(),
                    NewInvitation.of("zach@acme.test", CLIENT_VIEWER)));
        }

        @Test
        void aTenantAdminInvitesWithoutBeingAMember() {
            assertThat(invitations.invite(f.alice, f.acme.id(), NewInvitation.of("zach@acme.test", CLIENT_ADMIN))
                    .invitation().role()).isEqualTo(CLIENT_ADMIN);
        }
    }

    @Nested
    class InvitingAboveOnesOwnRole {

        /** A tenant matrix in which contributors may invite, so that the role ceiling is what stops them. */
        private void letContributorsInvite() {
            f.kit.accessPolicies().replaceMatrix(f.alice, PermissionMatrix.defaults().with(CLIENT_CONTRIBUTOR,
                    EnumSet.of(Permission.VIEW_WORKSPACE, Permission.INVITE_CLIENTS, Permission.UPLOAD_FILES)));
            f.events.clear();
        }

        @Test
        void aContributorWhoMayInviteCannotInviteAClientAdmin() {
            letContributorsInvite();

            AccessDeniedException e = f.rejects(AccessDeniedException.class, () -> invitations.invite(f.erin, f.acme.id(),
                    NewInvitation.of("zach@acme.test", CLIENT_ADMIN)));
            assertThat(e.getMessage()).contains("CLIENT_ADMIN").contains("CLIENT_CONTRIBUTOR");
        }

        @Test
        void aContributorWhoMayInviteInvitesUpToItsOwnRole() {
            letContributorsInvite();

            assertThat(invitations.invite(f.erin, f.acme.id(), NewInvitation.of("a@acme.test", CLIENT_CONTRIBUTOR))
                    .invitation().role()).isEqualTo(CLIENT_CONTRIBUTOR);
            assertThat(invitations.invite(f.erin, f.acme.id(), NewInvitation.of("b@acme.test", CLIENT_VIEWER))
                    .invitation().role()).isEqualTo(CLIENT_VIEWER);
        }

        @Test
        void aContributorWhoMayInviteCannotRevokeAClientAdminInvitation() {
            letContributorsInvite();
            IssuedInvitation forAdmin = invitations.invite(f.carol, f.acme.id(), NewInvitation.of("a@acme.test", CLIENT_ADMIN));

            // Not its own invitation: for a client, as unknown as an id never issued.
            f.rejects(NotFoundException.class, () -> invitations.revoke(f.erin, f.acme.id(), forAdmin.invitation().id()));
        }
    }

    @Nested
    class Accepting {

        @Test
        void acceptingCreatesTheMembershipWithTheInvitedRole() {
            IssuedInvitation issued = inviteZach(CLIENT_CONTRIBUTOR);
            f.clock.advance(Duration.ofHours(3));

            Membership membership = invitations.accept(f.zach, issued.token());

            assertThat(membership.userId()).isEqualTo(f.zach.userId());
            assertThat(membership.workspaceId()).isEqualTo(f.acme.id());
            assertThat(membership.role()).isEqualTo(CLIENT_CONTRIBUTOR);
            assertThat(membership.joinedAt()).isEqualTo(f.clock.instant());
            assertThat(f.roleOf(f.acme.id(), f.zach)).contains(CLIENT_CONTRIBUTOR);
            Invitation accepted = stored(issued);
            assertThat(accepted.status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(accepted.acceptedBy()).contains(f.zach.userId());
            assertThat(accepted.resolvedAt()).contains(f.clock.instant());
        }

        @Test
        void aTokenPastedWithSurroundingWhitespaceStillWorks() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);

            assertThat(invitations.accept(f.zach, "  " + issued.token() + "\n").role()).isEqualTo(CLIENT_VIEWER);
        }

        @Test
        void anInvitationCanBeUsedOnlyOnce() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);
            invitations.accept(f.zach, issued.token());

            GoneException e = f.rejects(GoneException.class, () -> invitations.accept(f.client("yara"), issued.token()));
            assertThat(e.reason()).isEqualTo(GoneException.Reason.ALREADY_USED);
            assertThat(e.code()).isEqualTo("gone");
        }

        @Test
        void anInvitationCanBeAcceptedUntilJustBeforeItExpires() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);
            f.clock.advance(Duration.ofDays(7).minusSeconds(1));

            assertThat(invitations.accept(f.zach, issued.token()).role()).isEqualTo(CLIENT_VIEWER);
        }

        @Test
        void anExpiredInvitationIsGone() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);
            f.clock.advance(Duration.ofDays(7));

            GoneException e = f.rejects(GoneException.class, () -> invitations.accept(f.zach, issued.token()));
            assertThat(e.reason()).isEqualTo(GoneException.Reason.EXPIRED);
        }

        @Test
        void aShortLivedInvitationExpiresSooner() {
            IssuedInvitation issued = invitations.invite(f.bob, f.acme.id(),
                    NewInvitation.of("zach@acme.test", CLIENT_VIEWER).validFor(Duration.ofMinutes(30)));
            f.clock.advance(Duration.ofMinutes(31));

            GoneException e = f.rejects(GoneException.class, () -> invitations.accept(f.zach, issued.token()));
            assertThat(e.reason()).isEqualTo(GoneException.Reason.EXPIRED);
        }

        @Test
        void aRevokedInvitationIsGone() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);
            invitations.revoke(f.bob, f.acme.id(), issued.invitation().id());

            GoneException e = f.rejects(GoneException.class, () -> invitations.accept(f.zach, issued.token()));
            assertThat(e.reason()).isEqualTo(GoneException.Reason.REVOKED);
        }

        @Test
        void aForgedTokenIsNotFoundAndNotEchoed() {
            inviteZach(CLIENT_VIEWER);
            String forged = PREFIX + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

            NotFoundException e = f.rejects(NotFoundException.class, () -> invitations.accept(f.zach, forged));
            assertThat(e.resourceType()).isEqualTo("invitation");
            assertThat(e.getMessage()).doesNotContain(forged).doesNotContain("AAAAAAAA");
            assertThat(e.resourceId()).doesNotContain("AAAAAAAA");
        }

        @Test
        void aRandomStringIsNotFound() {
            f.rejects(NotFoundException.class, () -> invitations.accept(f.zach, "hello"));
        }

        @Test
        void aTokenOfAnotherTenantIsNotFound() {
            Fixture.OtherTenant globex = f.otherTenant();
            IssuedInvitation theirs = invitations.invite(globex.admin(), globex.workspace().id(),
                    NewInvitation.of("zach@acme.test", CLIENT_VIEWER));

            NotFoundException e = f.rejects(NotFoundException.class, () -> invitations.accept(f.zach, theirs.token()));
            assertThat(e.getMessage()).doesNotContain(theirs.token());
            assertThat(invitations.accept(globex.client("zach"), theirs.token()).role()).isEqualTo(CLIENT_VIEWER);
        }

        @Test
        void aTeamActorCannotAcceptAnInvitation() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);

            f.rejects(AccessDeniedException.class, () -> invitations.accept(f.tina, issued.token()));
            f.rejects(AccessDeniedException.class, () -> invitations.accept(f.mallory, issued.token()));
            assertThat(stored(issued).status()).isEqualTo(InvitationStatus.PENDING);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "   ", "\t"})
        void aBlankTokenIsRefused(String token) {
            ValidationException e = f.rejects(ValidationException.class, () -> invitations.accept(f.zach, token));
            assertThat(fieldsOf(e)).containsExactly("token");
        }

        @Test
        void aHugeTokenIsRefusedWithoutBeingEchoed() {
            String huge = PREFIX + "x".repeat(10_000);

            ValidationException e = f.rejects(ValidationException.class, () -> invitations.accept(f.zach, huge));
            assertThat(fieldsOf(e)).containsExactly("token");
            assertThat(e.getMessage()).doesNotContain("xxxxxxxx");
        }

        @Test
        void anExistingMemberCannotAcceptAndTheInvitationStaysPending() {
            IssuedInvitation forCarol = invitations.invite(f.bob, f.acme.id(),
                    NewInvitation.of("carol@acme.test", CLIENT_VIEWER));

            ConflictException e = f.rejects(ConflictException.class, () -> invitations.accept(f.carol, forCarol.token()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
            assertThat(stored(forCarol).status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(f.roleOf(f.acme.id(), f.carol)).contains(CLIENT_ADMIN);
            assertThat(invitations.accept(f.zach, forCarol.token()).role()).isEqualTo(CLIENT_VIEWER);
        }

        @Test
        void oneClientJoinsSeveralWorkspacesByInvitation() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));
            IssuedInvitation toAcme = inviteZach(CLIENT_VIEWER);
            IssuedInvitation toInitech = invitations.invite(f.bob, initech.id(), NewInvitation.of("zach@acme.test", CLIENT_ADMIN));

            invitations.accept(f.zach, toAcme.token());
            invitations.accept(f.zach, toInitech.token());

            assertThat(f.kit.workspaces().list(f.zach, PageRequest.first()).items()).extracting(Workspace::slug)
                    .containsExactly("acme", "initech");
        }
    }

    @Nested
    class RevokingAndListing {

        @Test
        void theLeadRevokesAPendingInvitation() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);

            Invitation revoked = invitations.revoke(f.bob, f.acme.id(), issued.invitation().id());

            assertThat(revoked.status()).isEqualTo(InvitationStatus.REVOKED);
            assertThat(revoked.resolvedAt()).contains(f.clock.instant());
        }

        @Test
        void aClientAdminRevokesAnInvitationItSent() {
            IssuedInvitation issued = invitations.invite(f.carol, f.acme.id(), NewInvitation.of("own@acme.test", CLIENT_VIEWER));

            assertThat(invitations.revoke(f.carol, f.acme.id(), issued.invitation().id()).status())
                    .isEqualTo(InvitationStatus.REVOKED);
        }

        @Test
        void aClientAdminCannotRevokeTheTeamsInvitationAndLearnsNothingOfIt() {
            IssuedInvitation teams = inviteZach(CLIENT_VIEWER);

            NotFoundException known = f.rejects(NotFoundException.class,
                    () -> invitations.revoke(f.carol, f.acme.id(), teams.invitation().id()));
            NotFoundException unknown = f.rejects(NotFoundException.class,
                    () -> invitations.revoke(f.carol, f.acme.id(), io.clientworkspace.InvitationId.of("never-issued")));

            assertThat(known.getMessage()).isEqualTo(unknown.getMessage().replace("never-issued", teams.invitation().id().value()));
            assertThat(invitations.listPending(f.bob, f.acme.id(), PageRequest.first()).items())
                    .extracting(Invitation::id).containsExactly(teams.invitation().id());
        }

        @Test
        void whoMayNotInviteMayNotRevoke() {
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);

            f.rejects(AccessDeniedException.class, () -> invitations.revoke(f.dave, f.acme.id(), issued.invitation().id()));
            f.rejects(AccessDeniedException.class, () -> invitations.revoke(f.tom, f.acme.id(), issued.invitation().id()));
        }

        @Test
        void anInvitationThatIsNoLongerPendingCannotBeRevoked() {
            IssuedInvitation revoked = inviteZach(CLIENT_VIEWER);
            invitations.revoke(f.bob, f.acme.id(), revoked.invitation().id());
            IssuedInvitation accepted = invitations.invite(f.bob, f.acme.id(), NewInvitation.of("y@acme.test", CLIENT_VIEWER));
            invitations.accept(f.client("yara"), accepted.token());

            for (IssuedInvitation done : List.of(revoked, accepted)) {
                ConflictException e = f.rejects(ConflictException.class,
                        () -> invitations.revoke(f.bob, f.acme.id(), done.invitation().id()));
                assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
            }
        }

        @Test
        void anUnknownInvitationOrOneOfAnotherWorkspaceIsNotFound() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));
            IssuedInvitation issued = inviteZach(CLIENT_VIEWER);

            f.rejects(NotFoundException.class, () -> invitations.revoke(f.bob, f.acme.id(), InvitationId.of("nope")));
            NotFoundException e = f.rejects(NotFoundException.class,
                    () -> invitations.revoke(f.bob, initech.id(), issued.invitation().id()));
            assertThat(e.resourceType()).isEqualTo("invitation");
        }

        @Test
        void pendingListsLeaveOutAcceptedRevokedAndExpiredInvitations() {
            IssuedInvitation accepted = invitations.invite(f.bob, f.acme.id(), NewInvitation.of("a@acme.test", CLIENT_VIEWER));
            IssuedInvitation revoked = invitations.invite(f.bob, f.acme.id(), NewInvitation.of("r@acme.test", CLIENT_VIEWER));
            IssuedInvitation expiring = invitations.invite(f.bob, f.acme.id(),
                    NewInvitation.of("e@acme.test", CLIENT_VIEWER).validFor(Duration.ofHours(1)));
            IssuedInvitation pending = invitations.invite(f.bob, f.acme.id(), NewInvitation.of("p@acme.test", CLIENT_VIEWER));
            invitations.accept(f.client("ann"), accepted.token());
            invitations.revoke(f.bob, f.acme.id(), revoked.invitation().id());
            assertThat(invitations.listPending(f.bob, f.acme.id(), PageRequest.first()).items()).hasSize(2);

            f.clock.advance(Duration.ofHours(1));

            assertThat(invitations.listPending(f.bob, f.acme.id(), PageRequest.first()).items())
                    .extracting(Invitation::id).containsExactly(pending.invitation().id());
            assertThat(expiring.invitation().status()).isEqualTo(InvitationStatus.PENDING);
        }

        @Test
        void pendingListsPageById() {
            List<InvitationId> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(invitations.invite(f.carol, f.acme.id(), NewInvitation.of("g" + i + "@acme.test", CLIENT_VIEWER))
                        .invitation().id());
            }
            List<InvitationId> seen = new ArrayList<>();
            Page<Invitation> page = invitations.listPending(f.carol, f.acme.id(), PageRequest.first(2));
            seen.addAll(page.items().stream().map(Invitation::id).toList());
            while (page.hasNext()) {
                page = invitations.listPending(f.carol, f.acme.id(), PageRequest.after(page.nextCursor().orElseThrow(), 2));
                seen.addAll(page.items().stream().map(Invitation::id).toList());
            }

            assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());
        }

        @Test
        void aClientAdminListsOnlyTheInvitationsItSentNeverTheTeams() {
            InvitationId own = invitations.invite(f.carol, f.acme.id(), NewInvitation.of("own@acme.test", CLIENT_VIEWER))
                    .invitation().id();
            for (int i = 0; i < 4; i++) {
                invitations.invite(f.bob, f.acme.id(), NewInvitation.of("team" + i + "@acme.test", CLIENT_VIEWER));
            }

            assertThat(invitations.listPending(f.carol, f.acme.id(), PageRequest.first(1)).items())
                    .extracting(Invitation::id).containsExactly(own);
            assertThat(invitations.listPending(f.carol, f.acme.id(), PageRequest.first(1)).hasNext()).isFalse();
            assertThat(invitations.listPending(f.bob, f.acme.id(), PageRequest.first()).items()).hasSize(5);
        }

        @Test
        void onlyWhoMayInviteListsInvitations() {
            inviteZach(CLIENT_VIEWER);

            f.rejects(AccessDeniedException.class, () -> invitations.listPending(f.dave, f.acme.id(), PageRequest.first()));
            f.rejects(AccessDeniedException.class, () -> invitations.listPending(f.tom, f.acme.id(), PageRequest.first()));
            f.rejects(NotFoundException.class, () -> invitations.listPending(f.zach, f.acme.id(), PageRequest.first()));
        }

        @Test
        void aForeignCursorIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> invitations.listPending(f.bob, f.acme.id(), PageRequest.after("d3M6YWNtZQ", 2)));
            assertThat(fieldsOf(e)).containsExactly("cursor");
        }
    }
}
