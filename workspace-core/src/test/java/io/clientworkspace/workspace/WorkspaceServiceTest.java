package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceServiceTest {

    private final Fixture f = Fixture.create();
    private final WorkspaceService workspaces = f.kit.workspaces();

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    @Nested
    class Creating {

        @Test
        void aTenantAdminCreatesAWorkspaceAndBecomesItsLead() {
            Workspace created = workspaces.create(f.alice, NewWorkspace.of("Globex Deal", "globex-deal"));

            assertThat(created.name()).isEqualTo("Globex Deal");
            assertThat(created.slug()).isEqualTo("globex-deal");
            assertThat(created.tenantId()).isEqualTo(f.tenant.id());
            assertThat(created.status()).isEqualTo(WorkspaceStatus.ACTIVE);
            assertThat(created.version()).isZero();
            assertThat(created.createdAt()).isEqualTo(f.clock.instant()).isEqualTo(created.updatedAt());
            assertThat(f.members(created.id())).singleElement()
                    .satisfies(m -> assertThat(m.userId()).isEqualTo(f.alice.userId()))
                    .satisfies(m -> assertThat(m.role()).isEqualTo(WorkspaceRole.LEAD));
        }

        @Test
        void anAccountManagerCreatesAWorkspaceAndBecomesItsLead() {
            Workspace created = workspaces.create(f.bob, NewWorkspace.of("Initech", "initech"));

            assertThat(f.roleOf(created.id(), f.bob)).contains(WorkspaceRole.LEAD);
            assertThat(workspaces.get(f.bob, created.id())).isEqualTo(created);
        }

        @Test
        void aTeamMemberMayNotCreateWorkspaces() {
            AccessDeniedException e = f.rejects(AccessDeniedException.class,
                    () -> workspaces.create(f.tom, NewWorkspace.of("Initech", "initech")));
            assertThat(e.required()).contains("TENANT_ADMIN").contains("ACCOUNT_MANAGER");
        }

        @Test
        void aClientMayNotCreateWorkspaces() {
            f.rejects(AccessDeniedException.class, () -> workspaces.create(f.carol, NewWorkspace.of("Initech", "initech")));
        }

        @Test
        void aTeamActorOffTheRosterMayNotCreateWorkspaces() {
            f.rejects(AccessDeniedException.class,
                    () -> workspaces.create(f.mallory, NewWorkspace.of("Initech", "initech")));
        }

        @Test
        void theLeadOptionMakesAnotherTeamUserTheFirstLead() {
            Workspace created = workspaces.create(f.alice,
                    NewWorkspace.of("Initech", "initech").withLead(f.tina.userId()));

            assertThat(f.members(created.id())).extracting(Membership::userId, Membership::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(f.tina.userId(), WorkspaceRole.LEAD));
        }

        @Test
        void theLeadOptionMustNameSomeoneOnTheRoster() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.create(f.alice, NewWorkspace.of("Initech", "initech").withLead(UserId.of("carol"))));
            assertThat(fieldsOf(e)).containsExactly("lead");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab", "a-b", "acme-2025", "0a", "a--b"})
        void slugsOfLowerCaseLettersDigitsAndInnerDashesAreAccepted(String slug) {
            assertThat(workspaces.create(f.alice, NewWorkspace.of("Initech", slug)).slug()).isEqualTo(slug);
        }

        @Test
        void aSlugOf63CharactersIsAccepted() {
            String slug = repeat("s", 63);
            assertThat(workspaces.create(f.alice, NewWorkspace.of("Initech", slug)).slug()).isEqualTo(slug);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "a", "Acme", "ACME", "ac me", " acme", "-acme", "acme-", "-", "--", "ac_me", "acme.io",
                "acme/x", "../x", "..", "café", "ａｃｍｅ", "acme\n", "x\u0000y"})
        void aSlugOutsideTheRulesIsRefused(String slug) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.create(f.alice, NewWorkspace.of("Initech", slug)));
            assertThat(fieldsOf(e)).isNotEmpty().containsOnly("slug");
        }

        @Test
        void aSlugOf64CharactersIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.create(f.alice, NewWorkspace.of("Initech", repeat("s", 64))));
            assertThat(fieldsOf(e)).isNotEmpty().containsOnly("slug");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "   ", "Acme\u0000Corp", "Acme\nCorp", "Acme\u009BCorp", "Acme\u0085"})
        void aBlankOrControlCharacterNameIsRefused(String name) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.create(f.alice, NewWorkspace.of(name, "initech")));
            assertThat(fieldsOf(e)).isNotEmpty().containsOnly("name");
        }

        @Test
        void aNameOf121CharactersIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.create(f.alice, NewWorkspace.of(repeat("n", 121), "initech")));
            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"", "   ", "crm\n42", "crm\u009B42"})
        void aBlankOrControlCharacterExternalReferenceIsRefused(String ref) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.create(f.alice, NewWorkspace.of("Initech", "initech").withExternalRef(ref)));
            assertThat(fieldsOf(e)).isNotEmpty().containsOnly("externalRef");
        }

        @Test
        void anExternalReferenceOf201CharactersIsRefused() {
            ValidationException e = f.rejects(ValidationException.class, () -> workspaces.create(f.alice,
                    NewWorkspace.of("Initech", "initech").withExternalRef(repeat("r", 201))));
            assertThat(fieldsOf(e)).containsExactly("externalRef");
        }

        @Test
        void everyBadFieldIsReportedAtOnce() {
            ValidationException e = f.rejects(ValidationException.class, () -> workspaces.create(f.alice,
                    NewWorkspace.of("", "Bad Slug").withBranding(Branding.none().withAccentColor("red"))));
            assertThat(fieldsOf(e)).contains("name", "slug", "branding.accentColor").isSorted();
        }

        @Test
        void initialBrandingIsValidated() {
            ValidationException e = f.rejects(ValidationException.class, () -> workspaces.create(f.alice,
                    NewWorkspace.of("Initech", "initech").withBranding(Branding.none().withAccentColor("#1234"))));
            assertThat(fieldsOf(e)).containsExactly("branding.accentColor");
        }

        @Test
        void aSlugIsUniqueWithinTheTenant() {
            ConflictException e = f.rejects(ConflictException.class,
                    () -> workspaces.create(f.alice, NewWorkspace.of("Another Acme", "acme")));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_SLUG);
        }

        @Test
        void anExternalReferenceIsUniqueWithinTheTenant() {
            ConflictException e = f.rejects(ConflictException.class, () -> workspaces.create(f.alice,
                    NewWorkspace.of("Another Acme", "acme-2").withExternalRef("crm-acme")));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_EXTERNAL_REF);
        }

        @Test
        void anotherTenantMayUseTheSameSlugAndExternalReference() {
            Fixture.OtherTenant globex = f.otherTenant();

            assertThat(globex.workspace().slug()).isEqualTo(f.acme.slug());
            assertThat(globex.workspace().externalRef()).isEqualTo(f.acme.externalRef());
            assertThat(workspaces.findBySlug(globex.admin(), "acme")).contains(globex.workspace());
            assertThat(workspaces.findBySlug(f.alice, "acme")).contains(f.acme());
        }

        @Test
        void theNewWorkspaceIsAnnounced() {
            Workspace created = workspaces.create(f.bob, NewWorkspace.of("Initech", "initech"));

            assertThat(f.events.ofType(WorkspaceEvent.WorkspaceCreated.class)).singleElement().satisfies(e -> {
                assertThat(e.workspace()).isEqualTo(created.id());
                assertThat(e.slug()).isEqualTo("initech");
                assertThat(e.actor()).isEqualTo(f.bob);
            });
        }
    }

    @Nested
    class LookingUp {

        @Test
        void membersAndTenantAdminsFindTheWorkspaceBySlug() {
            for (Actor actor : List.of(f.alice, f.bob, f.tom)) {
                assertThat(workspaces.findBySlug(actor, "acme")).as("%s", actor).contains(f.acme());
            }
            // Clients get it without the team's external reference.
            for (Actor actor : List.of(f.carol, f.dave)) {
                assertThat(workspaces.findBySlug(actor, "acme")).as("%s", actor)
                        .contains(f.acme().withExternalRef(Optional.empty(), f.acme().updatedAt()));
            }
        }

        @Test
        void teamMembersAndTenantAdminsFindTheWorkspaceByExternalReferenceAndClientsNever() {
            for (Actor actor : List.of(f.alice, f.bob, f.tom)) {
                assertThat(workspaces.findByExternalRef(actor, "crm-acme")).as("%s", actor).contains(f.acme());
            }
            for (Actor actor : List.of(f.carol, f.dave)) {
                assertThat(workspaces.findByExternalRef(actor, "crm-acme")).as("%s", actor).isEmpty();
            }
        }

        @Test
        void whoMayNotSeeTheWorkspaceFindsNothingBySlugOrExternalReference() {
            Fixture.OtherTenant globex = f.otherTenant();
            for (Actor actor : List.of(f.tina, f.zach, f.mallory, globex.client("carol"))) {
                assertThat(workspaces.findBySlug(actor, "acme")).as("%s", actor).isEmpty();
                assertThat(workspaces.findByExternalRef(actor, "crm-acme")).as("%s", actor).isEmpty();
            }
            assertThat(workspaces.findBySlug(globex.admin(), "acme")).contains(globex.workspace());
        }

        @Test
        void unknownSlugsAndReferencesFindNothing() {
            assertThat(workspaces.findBySlug(f.alice, "nope")).isEmpty();
            assertThat(workspaces.findByExternalRef(f.alice, "crm-nope")).isEmpty();
            assertThat(workspaces.find(f.alice, WorkspaceId.of("nope"))).isEmpty();
        }
    }

    @Nested
    class InvisibleWorkspaces {

        private final WorkspaceId missing = WorkspaceId.of("01950000-0000-7000-8000-000000000000");

        /** Every operation on a workspace by id, as the spec's probes. */
        private Map<String, Consumer<WorkspaceId>> probes(Actor actor) {
            Map<String, Consumer<WorkspaceId>> probes = new LinkedHashMap<>();
            probes.put("get", id -> workspaces.get(actor, id));
            probes.put("rename", id -> workspaces.rename(actor, id, "Mine", 0));
            probes.put("brand", id -> workspaces.updateBranding(actor, id, Branding.none(), 0));
            probes.put("link", id -> workspaces.setExternalRef(actor, id, Optional.of("crm-x"), 0));
            probes.put("archive", id -> workspaces.archive(actor, id, 0));
            probes.put("restore", id -> workspaces.restore(actor, id, 0));
            probes.put("list members", id -> f.kit.members().list(actor, id, PageRequest.first()));
            probes.put("find member", id -> f.kit.members().find(actor, id, f.bob.userId()));
            probes.put("add member", id -> f.kit.members().add(actor, id, actor.userId(), WorkspaceRole.CLIENT_ADMIN));
            probes.put("leave", id -> f.kit.members().remove(actor, id, actor.userId()));
            probes.put("invite", id -> f.kit.invitations().invite(actor, id,
                    NewInvitation.of("x@acme.test", WorkspaceRole.CLIENT_VIEWER)));
            probes.put("list invitations", id -> f.kit.invitations().listPending(actor, id, PageRequest.first()));
            probes.put("feed", id -> f.kit.activity().feed(actor, id, PageRequest.first()));
            probes.put("verify", id -> f.kit.activity().verify(actor, id));
            return probes;
        }

        private Stream<DynamicTest> probe(String who, Actor actor, WorkspaceId hidden) {
            return probes(actor).entrySet().stream().map(p -> DynamicTest.dynamicTest(
                    who + " gets the same not-found from '" + p.getKey() + "' as for an id that does not exist", () -> {
                        NotFoundException forMissing = f.rejects(NotFoundException.class, () -> p.getValue().accept(missing));
                        NotFoundException forHidden = f.rejects(NotFoundException.class, () -> p.getValue().accept(hidden));

                        assertThat(forHidden.resourceType()).isEqualTo(forMissing.resourceType()).isEqualTo("workspace");
                        assertThat(forHidden.resourceId()).isEqualTo(hidden.value());
                        assertThat(forHidden.code()).isEqualTo(forMissing.code());
                        assertThat(forHidden.getMessage())
                                .isEqualTo(forMissing.getMessage().replace(missing.value(), hidden.value()));
                    }));
        }

        @TestFactory
        Stream<DynamicTest> aWorkspaceTheActorMayNotSeeLooksExactlyLikeOneThatDoesNotExist() {
            Fixture.OtherTenant globex = f.otherTenant();
            return Stream.of(
                    probe("a team member who is not a member", f.tina, f.acme.id()),
                    probe("a client who is not a member", f.zach, f.acme.id()),
                    probe("a team actor off the roster", f.mallory, f.acme.id()),
                    probe("a client of another tenant", globex.client("carol"), f.acme.id()),
                    probe("the admin of another tenant", globex.admin(), f.acme.id()),
                    probe("this tenant's admin, for another tenant's workspace", f.alice, globex.workspace().id()),
                    probe("a lead of this tenant, for another tenant's workspace", f.bob, globex.workspace().id())
            ).flatMap(s -> s);
        }

        @Test
        void aClientWithTheSameUserIdAsALeadSeesNothing() {
            Actor bobAsClient = f.client("bob");
            assertThat(workspaces.find(bobAsClient, f.acme.id())).isEmpty();
            f.rejects(NotFoundException.class, () -> workspaces.get(bobAsClient, f.acme.id()));
        }
    }

    @Nested
    class RenamingAndBranding {

        @Test
        void theLeadRenamesTheWorkspace() {
            f.clock.advance(Duration.ofHours(1));

            Workspace renamed = workspaces.rename(f.bob, f.acme.id(), "  Acme Corporation ", 0);

            assertThat(renamed.name()).isEqualTo("Acme Corporation");
            assertThat(renamed.version()).isEqualTo(1);
            assertThat(renamed.updatedAt()).isEqualTo(f.clock.instant());
            assertThat(renamed.createdAt()).isEqualTo(f.acme.createdAt());
            assertThat(f.acme()).isEqualTo(renamed);
            assertThat(f.events.ofType(WorkspaceEvent.WorkspaceUpdated.class)).singleElement()
                    .satisfies(e -> {
                        // A rename is client-visible: the event's snapshot carries no external reference.
                        assertThat(e.current()).usingRecursiveComparison().ignoringFields("externalRef").isEqualTo(renamed);
                        assertThat(e.current().externalRef()).isEmpty();
                    });
        }

        @Test
        void aTenantAdminRenamesAWorkspaceItIsNotAMemberOf() {
            assertThat(workspaces.rename(f.alice, f.acme.id(), "Acme Corporation", 0).name()).isEqualTo("Acme Corporation");
        }

        @Test
        void aTeamMemberMayNotRename() {
            AccessDeniedException e = f.rejects(AccessDeniedException.class,
                    () -> workspaces.rename(f.tom, f.acme.id(), "Mine", 0));
            assertThat(e.required()).isEqualTo(Permission.EDIT_WORKSPACE.name());
        }

        @Test
        void aClientAdminMayNotRename() {
            f.rejects(AccessDeniedException.class, () -> workspaces.rename(f.carol, f.acme.id(), "Mine", 0));
            f.rejects(AccessDeniedException.class,
                    () -> workspaces.updateBranding(f.carol, f.acme.id(), Branding.none().withAccentColor("#000000"), 0));
        }

        @Test
        void aRenameBasedOnAStaleVersionIsRefused() {
            workspaces.rename(f.bob, f.acme.id(), "First", 0);

            ConflictException e = f.rejects(ConflictException.class,
                    () -> workspaces.rename(f.alice, f.acme.id(), "Second", 0));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
            assertThat(f.acme().name()).isEqualTo("First");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "  ", "Acme\u0000", "Acme\r\nCorp", "Acme\u009B"})
        void aBadNewNameIsRefused(String name) {
            ValidationException e = f.rejects(ValidationException.class, () -> workspaces.rename(f.bob, f.acme.id(), name, 0));
            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aNewNameOf121CharactersIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.rename(f.bob, f.acme.id(), repeat("n", 121), 0));
            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void theLeadBrandsTheWorkspace() {
            Branding branding = Branding.none().withDisplayName("ACME").withAccentColor("#12AB3f")
                    .withLogoRef("https://cdn.acme.test/logo.svg");

            Workspace branded = workspaces.updateBranding(f.bob, f.acme.id(), branding, 0);

            assertThat(branded.branding()).isEqualTo(branding);
            assertThat(branded.version()).isEqualTo(1);
            assertThat(f.acme().branding()).isEqualTo(branding);
        }

        @ParameterizedTest
        @ValueSource(strings = {"#12AB3f", "#000000", "#FFFFFF", "#abcdef"})
        void anAccentColourOfSixHexDigitsIsAccepted(String colour) {
            Workspace branded = workspaces.updateBranding(f.bob, f.acme.id(), Branding.none().withAccentColor(colour), 0);
            assertThat(branded.branding().accentColor()).contains(colour);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"red", "#1234", "#GGGGGG", "12AB3F", "#12AB3F0", "#12 AB3", "", "#12AB3", "##12AB3F"})
        void anyOtherAccentColourIsRefused(String colour) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.updateBranding(f.bob, f.acme.id(), Branding.none().withAccentColor(colour), 0));
            assertThat(fieldsOf(e)).containsExactly("accentColor");
        }

        @Test
        void aDisplayNameMustBe1To120NonBlankCharactersWithoutControlCharacters() {
            for (String bad : List.of("", "   ", repeat("d", 121), "ACME\u0007", "ACME\u009B")) {
                ValidationException e = f.rejects(ValidationException.class, () ->
                        workspaces.updateBranding(f.bob, f.acme.id(), Branding.none().withDisplayName(bad), 0));
                assertThat(fieldsOf(e)).as("%s", bad).isNotEmpty().containsOnly("displayName");
            }
        }

        @Test
        void aLogoReferenceMustBe1To500CharactersWithoutWhitespace() {
            for (String bad : List.of("", repeat("l", 501), "logo file.png", "logo\u00A0file.png", "logo\u009B.png")) {
                ValidationException e = f.rejects(ValidationException.class, () ->
                        workspaces.updateBranding(f.bob, f.acme.id(), Branding.none().withLogoRef(bad), 0));
                assertThat(fieldsOf(e)).as("%s", bad).containsExactly("logoRef");
            }
        }

        @Test
        void brandingBasedOnAStaleVersionIsRefused() {
            workspaces.rename(f.bob, f.acme.id(), "Renamed", 0);

            ConflictException e = f.rejects(ConflictException.class,
                    () -> workspaces.updateBranding(f.bob, f.acme.id(), Branding.none().withAccentColor("#000000"), 0));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        }

        @Test
        void theExternalReferenceCanBeRelinkedAndTheLookupFollows() {
            workspaces.setExternalRef(f.bob, f.acme.id(), Optional.of("crm-acme-2"), 0);

            assertThat(workspaces.findByExternalRef(f.bob, "crm-acme-2")).contains(f.acme());
            assertThat(workspaces.findByExternalRef(f.bob, "crm-acme")).isEmpty();
        }

        @Test
        void theExternalReferenceCanBeUnlinked() {
            Workspace unlinked = workspaces.setExternalRef(f.bob, f.acme.id(), Optional.empty(), 0);

            assertThat(unlinked.externalRef()).isEmpty();
            assertThat(workspaces.findByExternalRef(f.bob, "crm-acme")).isEmpty();
        }

        @Test
        void relinkingToAnotherWorkspacesReferenceIsRefused() {
            Workspace initech = workspaces.create(f.bob, NewWorkspace.of("Initech", "initech"));

            ConflictException e = f.rejects(ConflictException.class,
                    () -> workspaces.setExternalRef(f.bob, initech.id(), Optional.of("crm-acme"), 0));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_EXTERNAL_REF);
        }

        @Test
        void aBlankExternalReferenceIsRefused() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.setExternalRef(f.bob, f.acme.id(), Optional.of(" "), 0));
            assertThat(fieldsOf(e)).containsExactly("externalRef");
        }
    }

    /** A change that an archived workspace must refuse. */
    @FunctionalInterface
    interface Mutation {
        void apply(Fixture f, IssuedInvitation pending);
    }

    static Stream<Named<Mutation>> mutationsOfAnArchivedWorkspace() {
        return Stream.of(
                Named.of("rename", (f, inv) -> f.kit.workspaces().rename(f.bob, f.acme.id(), "New", f.acme().version())),
                Named.of("change the branding", (f, inv) -> f.kit.workspaces().updateBranding(f.bob, f.acme.id(),
                        Branding.none().withAccentColor("#000000"), f.acme().version())),
                Named.of("change the external reference", (f, inv) -> f.kit.workspaces().setExternalRef(f.bob,
                        f.acme.id(), Optional.of("crm-new"), f.acme().version())),
                Named.of("archive again", (f, inv) -> f.kit.workspaces().archive(f.bob, f.acme.id(), f.acme().version())),
                Named.of("add a member", (f, inv) -> f.kit.members().add(f.bob, f.acme.id(), f.tina.userId(), WorkspaceRole.MEMBER)),
                Named.of("change a role", (f, inv) -> f.kit.members().changeRole(f.bob, f.acme.id(), f.dave.userId(),
                        WorkspaceRole.CLIENT_CONTRIBUTOR)),
                Named.of("remove a member", (f, inv) -> f.kit.members().remove(f.bob, f.acme.id(), f.dave.userId())),
                Named.of("leave", (f, inv) -> f.kit.members().remove(f.dave, f.acme.id(), f.dave.userId())),
                Named.of("hand over the lead", (f, inv) -> f.kit.members().handOverLead(f.bob, f.acme.id(),
                        f.bob.userId(), f.tom.userId())),
                Named.of("invite", (f, inv) -> f.kit.invitations().invite(f.carol, f.acme.id(),
                        NewInvitation.of("new@acme.test", WorkspaceRole.CLIENT_VIEWER))),
                Named.of("accept an invitation", (f, inv) -> f.kit.invitations().accept(f.zach, inv.token())),
                Named.of("revoke an invitation", (f, inv) -> f.kit.invitations().revoke(f.bob, f.acme.id(),
                        inv.invitation().id())));
    }

    @Nested
    class ArchivingAndRestoring {

        private IssuedInvitation pending;

        @BeforeEach
        void archiveAcmeWithAnInvitationOutstanding() {
            pending = f.kit.invitations().invite(f.bob, f.acme.id(), NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));
            Workspace archived = workspaces.archive(f.bob, f.acme.id(), 0);
            assertThat(archived.status()).isEqualTo(WorkspaceStatus.ARCHIVED);
            assertThat(archived.isArchived()).isTrue();
        }

        @ParameterizedTest
        @MethodSource("io.clientworkspace.workspace.WorkspaceServiceTest#mutationsOfAnArchivedWorkspace")
        void anArchivedWorkspaceRefusesEveryChange(Mutation mutation) {
            ArchivedException e = f.rejects(ArchivedException.class, () -> mutation.apply(f, pending));
            assertThat(e.workspaceId()).isEqualTo(f.acme.id());
            assertThat(e.code()).isEqualTo("archived");
            assertThat(e.getMessage()).contains("archived").contains("restore");
        }

        @ParameterizedTest
        @MethodSource("io.clientworkspace.workspace.WorkspaceServiceTest#mutationsOfAnArchivedWorkspace")
        void restoringMakesEveryChangePossibleAgain(Mutation mutation) {
            workspaces.restore(f.bob, f.acme.id(), f.acme().version());
            long restoredAt = f.head(f.acme.id()).sequence();

            mutation.apply(f, pending);

            assertThat(f.head(f.acme.id()).sequence()).as("activity of the change").isGreaterThan(restoredAt);
        }

        @Test
        void anArchivedWorkspaceStaysReadableAndListed() {
            assertThat(workspaces.get(f.carol, f.acme.id()).status()).isEqualTo(WorkspaceStatus.ARCHIVED);
            assertThat(workspaces.list(f.carol, PageRequest.first()).items())
                    .containsExactly(f.acme().withExternalRef(Optional.empty(), f.acme().updatedAt()));
            assertThat(f.kit.members().list(f.carol, f.acme.id(), PageRequest.first()).items()).hasSize(5);
        }

        @Test
        void restoringAnActiveWorkspaceIsAnInvalidState() {
            Workspace restored = workspaces.restore(f.bob, f.acme.id(), f.acme().version());
            assertThat(restored.status()).isEqualTo(WorkspaceStatus.ACTIVE);

            ConflictException e = f.rejects(ConflictException.class,
                    () -> workspaces.restore(f.bob, f.acme.id(), f.acme().version()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        }

        @Test
        void restoringBasedOnAStaleVersionIsRefused() {
            ConflictException e = f.rejects(ConflictException.class, () -> workspaces.restore(f.bob, f.acme.id(), 0));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        }

        @Test
        void onlyHoldersOfArchiveWorkspaceRestore() {
            f.rejects(AccessDeniedException.class, () -> workspaces.restore(f.tom, f.acme.id(), f.acme().version()));
            f.rejects(AccessDeniedException.class, () -> workspaces.restore(f.carol, f.acme.id(), f.acme().version()));
            assertThat(workspaces.restore(f.alice, f.acme.id(), f.acme().version()).isArchived()).isFalse();
        }
    }

    @Nested
    class Archiving {

        @Test
        void onlyHoldersOfArchiveWorkspaceArchive() {
            AccessDeniedException e = f.rejects(AccessDeniedException.class, () -> workspaces.archive(f.tom, f.acme.id(), 0));
            assertThat(e.required()).isEqualTo(Permission.ARCHIVE_WORKSPACE.name());
            f.rejects(AccessDeniedException.class, () -> workspaces.archive(f.carol, f.acme.id(), 0));
        }

        @Test
        void archivingBasedOnAStaleVersionIsRefused() {
            workspaces.rename(f.bob, f.acme.id(), "Renamed", 0);

            ConflictException e = f.rejects(ConflictException.class, () -> workspaces.archive(f.bob, f.acme.id(), 0));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        }
    }

    @Nested
    class Listing {

        @Test
        void aTenantAdminSeesEveryWorkspaceOfTheTenant() {
            Workspace initech = workspaces.create(f.bob, NewWorkspace.of("Initech", "initech"));
            f.otherTenant();

            assertThat(workspaces.list(f.alice, PageRequest.first()).items()).containsExactly(f.acme(), initech);
        }

        @Test
        void everyoneElseSeesTheWorkspacesTheyAreMembersOf() {
            Workspace initech = workspaces.create(f.bob, NewWorkspace.of("Initech", "initech"));
            Workspace hooli = workspaces.create(f.alice, NewWorkspace.of("Hooli", "hooli"));
            f.kit.members().add(f.alice, hooli.id(), f.carol.userId(), WorkspaceRole.CLIENT_VIEWER);

            assertThat(workspaces.list(f.bob, PageRequest.first()).items()).containsExactly(f.acme(), initech);
            assertThat(workspaces.list(f.tom, PageRequest.first()).items()).containsExactly(f.acme());
            Workspace acmeForClients = f.acme().withExternalRef(Optional.empty(), f.acme().updatedAt());
            assertThat(workspaces.list(f.carol, PageRequest.first()).items()).containsExactly(acmeForClients, hooli);
            assertThat(workspaces.list(f.dave, PageRequest.first()).items()).containsExactly(acmeForClients);
        }

        @Test
        void whoIsInNoWorkspaceSeesAnEmptyList() {
            for (Actor actor : List.of(f.tina, f.zach, f.mallory)) {
                Page<Workspace> page = workspaces.list(actor, PageRequest.first());
                assertThat(page.items()).as("%s", actor).isEmpty();
                assertThat(page.hasNext()).isFalse();
            }
        }

        @Test
        void keysetPagesWalkEveryWorkspaceOnceBySlugEvenWhileWorkspacesAreAdded() {
            Tenant paging = f.kit.tenants().create("Paging Co", UserId.of("pat"));
            Actor pat = Actor.team(paging.id(), "pat");
            for (String slug : List.of("delta", "bravo", "echo", "alpha", "charlie")) {
                workspaces.create(pat, NewWorkspace.of(slug, slug));
            }

            Page<Workspace> first = workspaces.list(pat, PageRequest.first(2));
            workspaces.create(pat, NewWorkspace.of("Aardvark", "aardvark"));
            Page<Workspace> second = workspaces.list(pat, PageRequest.after(first.nextCursor().orElseThrow(), 2));
            Page<Workspace> third = workspaces.list(pat, PageRequest.after(second.nextCursor().orElseThrow(), 2));

            assertThat(first.items()).extracting(Workspace::slug).containsExactly("alpha", "bravo");
            assertThat(second.items()).extracting(Workspace::slug).containsExactly("charlie", "delta");
            assertThat(third.items()).extracting(Workspace::slug).containsExactly("echo");
            assertThat(third.hasNext()).isFalse();
        }

        @Test
        void aClientPagesThroughItsWorkspaces() {
            List<String> slugs = List.of("w1", "w2", "w3", "w4");
            for (String slug : slugs) {
                Workspace w = workspaces.create(f.alice, NewWorkspace.of(slug, slug));
                f.kit.members().add(f.alice, w.id(), f.dave.userId(), WorkspaceRole.CLIENT_VIEWER);
            }

            assertThat(walk(f.dave, 2)).extracting(Workspace::slug).containsExactly("acme", "w1", "w2", "w3", "w4");
        }

        @Test
        void aMembershipOfTheOtherKindNeitherShowsNorCutsAPageShort() {
            for (String slug : List.of("w1", "w2", "w3", "w4", "w5")) {
                Workspace w = workspaces.create(f.alice, NewWorkspace.of(slug, slug));
                boolean odd = Integer.parseInt(slug.substring(1)) % 2 == 1;
                f.kit.members().add(f.alice, w.id(), f.tom.userId(), odd ? WorkspaceRole.MEMBER : WorkspaceRole.CLIENT_VIEWER);
            }

            assertThat(walk(f.tom, 1)).extracting(Workspace::slug).containsExactly("acme", "w1", "w3", "w5");
            assertThat(walk(f.client("tom"), 1)).extracting(Workspace::slug).containsExactly("w2", "w4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage!", "bm90LWEtY3Vyc29y", "d3M6"})
        void aCursorThisListDidNotHandOutIsRefused(String cursor) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.list(f.alice, PageRequest.after(cursor, 2)));
            assertThat(fieldsOf(e)).containsExactly("cursor");
        }

        @Test
        void aCursorOfAnotherListIsRefused() {
            String membersCursor = f.kit.members().list(f.bob, f.acme.id(), PageRequest.first(1)).nextCursor().orElseThrow();

            ValidationException e = f.rejects(ValidationException.class,
                    () -> workspaces.list(f.alice, PageRequest.after(membersCursor, 2)));
            assertThat(fieldsOf(e)).containsExactly("cursor");
        }

        @Test
        void anOverlongCursorOrABadPageSizeIsRefused() {
            assertThat(fieldsOf(f.rejects(ValidationException.class, () -> PageRequest.after(repeat("c", 1025), 2))))
                    .containsExactly("cursor");
            assertThat(fieldsOf(f.rejects(ValidationException.class, () -> PageRequest.first(0)))).containsExactly("limit");
            assertThat(fieldsOf(f.rejects(ValidationException.class, () -> PageRequest.first(501)))).containsExactly("limit");
        }

        private List<Workspace> walk(Actor actor, int size) {
            List<Workspace> all = new ArrayList<>();
            Page<Workspace> page = workspaces.list(actor, PageRequest.first(size));
            all.addAll(page.items());
            while (page.hasNext()) {
                assertThat(page.items()).hasSize(size);
                page = workspaces.list(actor, PageRequest.after(page.nextCursor().orElseThrow(), size));
                all.addAll(page.items());
            }
            return all;
        }
    }

    @Test
    void theTenantRoleDecidesWhoCreatesNotWhoSees() {
        f.kit.tenants().changeTeamRole(f.alice, f.tina.userId(), TenantRole.ACCOUNT_MANAGER);

        Workspace created = workspaces.create(f.tina, NewWorkspace.of("Tina's", "tinas"));

        assertThat(workspaces.list(f.tina, PageRequest.first()).items()).containsExactly(created);
        assertThat(workspaces.find(f.tina, f.acme.id())).isEmpty();
    }
}
