package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ActivityId;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainAnchor;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.support.TamperingActivityStore;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

class ActivityFeedTest {

    private final Fixture f = Fixture.create();
    private final ActivityFeed activity = f.kit.activity();

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What one appended entry must say. */
    private record Expected(String action, Actor actor, String targetType, String targetId, Visibility visibility) {
    }

    /** One mutation and the entries it must append, in order. */
    private record Step(String name, Consumer<Fixture> operation, Function<Fixture, List<Expected>> expected) {
    }

    @Nested
    class Recording {

        private final Map<String, IssuedInvitation> invitations = new LinkedHashMap<>();

        private List<Step> steps() {
            String ws = f.acme.id().value();
            return List.of(
                    new Step("rename", x -> x.kit.workspaces().rename(x.bob, x.acme.id(), "Acme Corporation", x.acme().version()),
                            x -> List.of(new Expected("workspace.renamed", x.bob, "workspace", ws, Visibility.CLIENT))),
                    new Step("change the branding", x -> x.kit.workspaces().updateBranding(x.bob, x.acme.id(),
                            Branding.none().withAccentColor("#12AB3f"), x.acme().version()),
                            x -> List.of(new Expected("workspace.branding-changed", x.bob, "workspace", ws, Visibility.CLIENT))),
                    new Step("change the external reference", x -> x.kit.workspaces().setExternalRef(x.bob, x.acme.id(),
                            Optional.of("crm-acme-2"), x.acme().version()),
                            x -> List.of(new Expected("workspace.external-ref-changed", x.bob, "workspace", ws, Visibility.TEAM))),
                    new Step("add a member", x -> x.kit.members().add(x.bob, x.acme.id(), x.tina.userId(), WorkspaceRole.MEMBER),
                            x -> List.of(new Expected("member.added", x.bob, "membership", "tina", Visibility.CLIENT))),
                    new Step("change a role", x -> x.kit.members().changeRole(x.bob, x.acme.id(), x.dave.userId(),
                            WorkspaceRole.CLIENT_CONTRIBUTOR),
                            x -> List.of(new Expected("member.role-changed", x.bob, "membership", "dave", Visibility.CLIENT))),
                    new Step("hand over the lead", x -> x.kit.members().handOverLead(x.bob, x.acme.id(), x.bob.userId(), x.tom.userId()),
                            x -> List.of(new Expected("member.role-changed", x.bob, "membership", "tom", Visibility.CLIENT),
                                    new Expected("member.role-changed", x.bob, "membership", "bob", Visibility.CLIENT))),
                    new Step("invite", x -> invitations.put("zach", x.kit.invitations().invite(x.tom, x.acme.id(),
                            NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER))),
                            x -> List.of(new Expected("invitation.created", x.tom, "invitation",
                                    invitations.get("zach").invitation().id().value(), Visibility.TEAM))),
                    new Step("accept an invitation", x -> x.kit.invitations().accept(x.zach, invitations.get("zach").token()),
                            x -> List.of(new Expected("invitation.accepted", x.zach, "invitation",
                                            invitations.get("zach").invitation().id().value(), Visibility.TEAM),
                                    new Expected("member.added", x.zach, "membership", "zach", Visibility.CLIENT))),
                    new Step("invite by a client admin", x -> invitations.put("yara", x.kit.invitations().invite(x.carol,
                            x.acme.id(), NewInvitation.of("yara@acme.test", WorkspaceRole.CLIENT_VIEWER))),
                            x -> List.of(new Expected("invitation.created", x.carol, "invitation",
                                    invitations.get("yara").invitation().id().value(), Visibility.TEAM))),
                    new Step("revoke an invitation", x -> x.kit.invitations().revoke(x.tom, x.acme.id(),
                            invitations.get("yara").invitation().id()),
                            x -> List.of(new Expected("invitation.revoked", x.tom, "invitation",
                                    invitations.get("yara").invitation().id().value(), Visibility.TEAM))),
                    new Step("remove a member", x -> x.kit.members().remove(x.tom, x.acme.id(), x.dave.userId()),
                            x -> List.of(new Expected("member.removed", x.tom, "membership", "dave", Visibility.CLIENT))),
                    new Step("leave", x -> x.kit.members().remove(x.erin, x.acme.id(), x.erin.userId()),
                            x -> List.of(new Expected("member.removed", x.erin, "membership", "erin", Visibility.CLIENT))),
                    new Step("archive", x -> x.kit.workspaces().archive(x.tom, x.acme.id(), x.acme().version()),
                            x -> List.of(new Expected("workspace.archived", x.tom, "workspace", ws, Visibility.CLIENT))),
                    new Step("restore", x -> x.kit.workspaces().restore(x.alice, x.acme.id(), x.acme().version()),
                            x -> List.of(new Expected("workspace.restored", x.alice, "workspace", ws, Visibility.CLIENT))));
        }

        @TestFactory
        Stream<DynamicTest> everyMutationAppendsEntriesNamingActorActionTargetUtcTimeAndVisibility() {
            return steps().stream().map(step -> DynamicTest.dynamicTest(step.name() + " appends its entries", () -> {
                f.clock.advance(Duration.ofMinutes(7));
                ActivityEntry before = f.head(f.acme.id());

                step.operation().accept(f);

                List<ActivityEntry> appended = f.log(f.acme.id()).stream()
                        .filter(e -> e.sequence() > before.sequence()).toList();
                List<Expected> expected = step.expected().apply(f);
                assertThat(appended).hasSameSizeAs(expected);
                String previousHash = before.hash();
                for (int i = 0; i < expected.size(); i++) {
                    ActivityEntry entry = appended.get(i);
                    Expected want = expected.get(i);
                    assertThat(entry.sequence()).isEqualTo(before.sequence() + 1 + i);
                    assertThat(entry.tenantId()).isEqualTo(f.tenant.id());
                    assertThat(entry.workspaceId()).isEqualTo(f.acme.id());
                    assertThat(entry.action()).isEqualTo(want.action());
                    assertThat(entry.actorId()).isEqualTo(want.actor().userId());
                    assertThat(entry.actorKind()).isEqualTo(want.actor().kind());
                    assertThat(entry.targetType()).isEqualTo(want.targetType());
                    assertThat(entry.targetId()).isEqualTo(want.targetId());
                    assertThat(entry.visibility()).isEqualTo(want.visibility());
                    assertThat(entry.occurredAt()).isEqualTo(f.clock.instant());
                    assertThat(ActivityChain.canonicalForm(entry))
                            .contains("\"at\":\"" + DateTimeFormatter.ISO_INSTANT.format(f.clock.instant()) + "\"")
                            .contains("Z\"");
                    assertThat(entry.previousHash()).isEqualTo(previousHash);
                    assertThat(entry.hash()).isEqualTo(ActivityChain.hash(entry));
                    previousHash = entry.hash();
                }
            }));
        }

        @Test
        void creatingAWorkspaceStartsItsChainWithTheCreationAndTheFirstLead() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));

            assertThat(f.log(initech.id())).extracting(ActivityEntry::sequence, ActivityEntry::action, ActivityEntry::targetId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L, "workspace.created", initech.id().value()),
                            org.assertj.core.groups.Tuple.tuple(2L, "member.added", "bob"));
            assertThat(f.log(initech.id()).get(0).previousHash()).isEqualTo(ActivityChain.GENESIS_HASH);
        }

        @Test
        void renamingRecordsTheOldAndTheNewName() {
            f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme Corporation", 0);

            assertThat(f.head(f.acme.id()).details()).containsEntry("from", "Acme Corp").containsEntry("to", "Acme Corporation");
        }

        @Test
        void aNoOpRoleChangeRecordsNothing() {
            ActivityEntry before = f.head(f.acme.id());

            f.kit.members().changeRole(f.bob, f.acme.id(), f.dave.userId(), WorkspaceRole.CLIENT_VIEWER);

            assertThat(f.head(f.acme.id())).isEqualTo(before);
        }

        @Test
        void logsOfDifferentWorkspacesAreSeparateChains() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));
            long acmeHead = f.head(f.acme.id()).sequence();

            f.kit.workspaces().rename(f.bob, initech.id(), "Initech 2", 0);

            assertThat(f.head(f.acme.id()).sequence()).isEqualTo(acmeHead);
            assertThat(f.head(initech.id()).sequence()).isEqualTo(3);
        }
    }

    @Nested
    class Feed {

        /** Interleaves team-only entries (invitations, the external reference) with client-visible ones. */
        private void mixTeamAndClientEntries() {
            for (int i = 0; i < 4; i++) {
                IssuedInvitation issued = f.kit.invitations().invite(f.bob, f.acme.id(),
                        NewInvitation.of("guest" + i + "@acme.test", WorkspaceRole.CLIENT_VIEWER));
                f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme " + i, f.acme().version());
                f.kit.invitations().revoke(f.bob, f.acme.id(), issued.invitation().id());
                f.kit.workspaces().setExternalRef(f.bob, f.acme.id(), Optional.of("crm-" + i), f.acme().version());
            }
            IssuedInvitation accepted = f.kit.invitations().invite(f.carol, f.acme.id(),
                    NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));
            f.kit.invitations().accept(f.zach, accepted.token());
        }

        private List<ActivityEntry> walk(Actor actor, int size) {
            List<ActivityEntry> all = new ArrayList<>();
            Page<ActivityEntry> page = activity.feed(actor, f.acme.id(), PageRequest.first(size));
            all.addAll(page.items());
            while (page.hasNext()) {
                assertThat(page.items()).as("a page before the last is full").hasSize(size);
                page = activity.feed(actor, f.acme.id(), PageRequest.after(page.nextCursor().orElseThrow(), size));
                all.addAll(page.items());
            }
            return all;
        }

        private List<ActivityEntry> newestFirst(List<ActivityEntry> entries) {
            return entries.stream().sorted(Comparator.comparingLong(ActivityEntry::sequence).reversed()).toList();
        }

        @Test
        void theTeamSeesTheWholeLogNewestFirst() {
            mixTeamAndClientEntries();
            List<ActivityEntry> log = newestFirst(f.log(f.acme.id()));

            assertThat(walk(f.tom, 3)).isEqualTo(log);
            assertThat(walk(f.alice, 50)).isEqualTo(log);
        }

        @Test
        void clientsNeverSeeTeamEntriesOnAnyPage() {
            mixTeamAndClientEntries();
            List<ActivityEntry> clientVisible = newestFirst(f.log(f.acme.id())).stream()
                    .filter(ActivityEntry::isClientVisible).map(ActivityEntry::withoutChain).toList();
            assertThat(f.log(f.acme.id())).anyMatch(e -> e.action().startsWith("invitation."));

            for (Actor client : List.of(f.carol, f.erin, f.dave, f.zach)) {
                for (int size : new int[] {1, 2, 3, 7, 500}) {
                    List<ActivityEntry> seen = walk(client, size);
                    assertThat(seen).as("%s in pages of %s", client, size).isEqualTo(clientVisible);
                    assertThat(seen).noneMatch(e -> e.visibility() == Visibility.TEAM)
                            .noneMatch(e -> e.action().startsWith("invitation."));
                }
            }
        }

        @Test
        void theLastClientPageSaysNoMoreFollowEvenWhenTeamEntriesAreOlder() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));
            f.kit.invitations().invite(f.bob, initech.id(), NewInvitation.of("a@acme.test", WorkspaceRole.CLIENT_VIEWER));
            f.kit.members().add(f.bob, initech.id(), f.carol.userId(), WorkspaceRole.CLIENT_ADMIN);

            Page<ActivityEntry> first = activity.feed(f.carol, initech.id(), PageRequest.first(3));

            assertThat(first.items()).extracting(ActivityEntry::action)
                    .containsExactly("member.added", "member.added", "workspace.created");
            assertThat(first.hasNext()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage!", "YWN0Og", "YWN0OmFiYw", "YWN0OjA", "YWN0Oi01", "d3M6YWNtZQ"})
        void aCursorThisFeedDidNotHandOutIsRefused(String cursor) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> activity.feed(f.bob, f.acme.id(), PageRequest.after(cursor, 2)));
            assertThat(fieldsOf(e)).containsExactly("cursor");
        }

        @Test
        void theRefusedCursorsAreWhatTheyClaimToBe() {
            assertThat(cursor("act:")).isEqualTo("YWN0Og");
            assertThat(cursor("act:abc")).isEqualTo("YWN0OmFiYw");
            assertThat(cursor("act:0")).isEqualTo("YWN0OjA");
            assertThat(cursor("act:-5")).isEqualTo("YWN0Oi01");
            assertThat(cursor("ws:acme")).isEqualTo("d3M6YWNtZQ");
        }

        @Test
        void whoCannotSeeTheWorkspaceCannotReadItsFeed() {
            f.rejects(NotFoundException.class, () -> activity.feed(f.zach, f.acme.id(), PageRequest.first()));
            f.rejects(NotFoundException.class, () -> activity.feed(f.tina, f.acme.id(), PageRequest.first()));
        }
    }

    @Nested
    class Verifying {

        @Test
        void anUntouchedLogIsIntact() {
            f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme Corporation", 0);
            List<ActivityEntry> log = f.log(f.acme.id());

            ChainVerification result = activity.verify(f.bob, f.acme.id());

            assertThat(result.isIntact()).isTrue();
            assertThat(result.firstBrokenSequence()).isEmpty();
            assertThat(result.problem()).isEmpty();
            assertThat(result.entriesChecked()).isEqualTo(log.size());
            assertThat(result.head()).isEqualTo(new ChainAnchor(log.size(), log.get(log.size() - 1).hash()));
        }

        @Test
        void aLongLogIsVerifiedAcrossBatches() {
            for (int i = 0; i < 520; i++) {
                f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme " + i, f.acme().version());
            }

            ChainVerification result = activity.verify(f.alice, f.acme.id());

            assertThat(result.isIntact()).isTrue();
            assertThat(result.entriesChecked()).isEqualTo(f.log(f.acme.id()).size()).isGreaterThan(500);
        }

        @Test
        void theTeamMayVerify() {
            assertThat(activity.verify(f.tom, f.acme.id()).isIntact()).isTrue();
            assertThat(activity.verify(f.alice, f.acme.id()).isIntact()).isTrue();
        }

        @Test
        void clientsCannotVerify() {
            for (Actor client : List.of(f.carol, f.erin, f.dave)) {
                AccessDeniedException e = f.rejects(AccessDeniedException.class, () -> activity.verify(client, f.acme.id()));
                assertThat(e.required()).isEqualTo(Permission.VIEW_INTERNAL.name());
            }
            f.rejects(NotFoundException.class, () -> activity.verify(f.zach, f.acme.id()));
        }

        @Test
        void anAnchorFromAnEarlierVerificationStillHoldsAsTheLogGrows() {
            ChainAnchor earlier = activity.verify(f.bob, f.acme.id()).head();
            f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme Corporation", 0);

            ChainVerification result = activity.verify(f.bob, f.acme.id(), Optional.of(earlier));

            assertThat(result.isIntact()).isTrue();
            assertThat(result.head().sequence()).isEqualTo(earlier.sequence() + 1);
        }

        @Test
        void anAnchorOfAnEmptyLogAlwaysHolds() {
            ChainAnchor empty = new ChainAnchor(0, ActivityChain.GENESIS_HASH);

            assertThat(activity.verify(f.bob, f.acme.id(), Optional.of(empty)).isIntact()).isTrue();
        }

        @Test
        void anAnchorThatDisagreesWithItsEntryBreaksTheChainThere() {
            ChainAnchor forged = new ChainAnchor(3, "f".repeat(64));

            ChainVerification result = activity.verify(f.bob, f.acme.id(), Optional.of(forged));

            assertThat(result.isIntact()).isFalse();
            assertThat(result.firstBrokenSequence()).hasValue(3);
        }

        @Test
        void anAnchorBeyondTheEndOfTheLogRevealsAShortenedLog() {
            long head = f.head(f.acme.id()).sequence();

            ChainVerification result = activity.verify(f.bob, f.acme.id(), Optional.of(new ChainAnchor(head + 2, "a".repeat(64))));

            assertThat(result.isIntact()).isFalse();
            assertThat(result.firstBrokenSequence()).hasValue(head + 1);
            assertThat(result.problem()).get().asString().contains("removed");
        }
    }

    /**
     * Tampering with the stored log, through a store that reads back edited rows. The log of "ledger"
     * has exactly {@value #LOG_SIZE} entries.
     */
    @Nested
    class Tampering {

        private static final int LOG_SIZE = 10;

        private final TamperingActivityStore store = new TamperingActivityStore();
        private final Fixture t = Fixture.create(store.stores(), b -> { });
        private final WorkspaceId ledger = buildLedger();

        private WorkspaceId buildLedger() {
            Workspace w = t.kit.workspaces().create(t.alice, NewWorkspace.of("Ledger", "ledger"));
            t.kit.members().add(t.alice, w.id(), t.tom.userId(), WorkspaceRole.MEMBER);
            t.kit.members().add(t.alice, w.id(), t.carol.userId(), WorkspaceRole.CLIENT_ADMIN);
            t.clock.advance(Duration.ofMinutes(1));
            t.kit.invitations().invite(t.carol, w.id(), NewInvitation.of("dave@acme.test", WorkspaceRole.CLIENT_VIEWER));
            t.kit.workspaces().rename(t.alice, w.id(), "Ledger 2", 0);
            t.clock.advance(Duration.ofMinutes(1));
            t.kit.members().changeRole(t.alice, w.id(), t.carol.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
            t.kit.workspaces().updateBranding(t.alice, w.id(), Branding.none().withAccentColor("#000000"), 1);
            t.kit.workspaces().setExternalRef(t.alice, w.id(), Optional.of("crm-ledger"), 2);
            t.kit.members().add(t.alice, w.id(), t.dave.userId(), WorkspaceRole.CLIENT_VIEWER);
            assertThat(t.log(w.id())).hasSize(LOG_SIZE);
            assertThat(t.kit.activity().verify(t.alice, w.id()).isIntact()).isTrue();
            return w.id();
        }

        private ChainVerification verify() {
            return t.kit.activity().verify(t.alice, ledger);
        }

        private ChainVerification verify(ChainAnchor anchor) {
            return t.kit.activity().verify(t.alice, ledger, Optional.of(anchor));
        }

        private void assertBrokenAt(ChainVerification result, long sequence) {
            assertThat(result.isIntact()).isFalse();
            assertThat(result.firstBrokenSequence()).hasValue(sequence);
            assertThat(result.problem()).isPresent();
        }

        private static String flipFirstHexDigit(String hex) {
            return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
        }

        /** One edit per field of an entry: every field is covered by the hash or by the chain checks. */
        private static Map<String, UnaryOperator<Object>> fieldEdits() {
            Map<String, UnaryOperator<Object>> edits = new LinkedHashMap<>();
            edits.put("id", v -> ActivityId.of("forged-" + v));
            edits.put("tenantId", v -> TenantId.of("another-tenant"));
            edits.put("workspaceId", v -> WorkspaceId.of("another-workspace"));
            edits.put("sequence", v -> (Long) v + 1000);
            edits.put("actorId", v -> UserId.of("mallory"));
            edits.put("actorKind", v -> v == ActorKind.TEAM ? ActorKind.CLIENT : ActorKind.TEAM);
            edits.put("action", v -> "workspace.deleted");
            edits.put("targetType", v -> "forged-type");
            edits.put("targetId", v -> "forged-target");
            edits.put("occurredAt", v -> ((java.time.Instant) v).plusSeconds(1));
            edits.put("visibility", v -> v == Visibility.TEAM ? Visibility.CLIENT : Visibility.TEAM);
            edits.put("details", v -> {
                @SuppressWarnings("unchecked")
                Map<String, String> details = new TreeMap<>((Map<String, String>) v);
                details.put("approvedBy", "mallory");
                return details;
            });
            edits.put("previousHash", v -> flipFirstHexDigit((String) v));
            edits.put("hash", v -> flipFirstHexDigit((String) v));
            return edits;
        }

        /** A copy of {@code entry} with one record component replaced. */
        private static ActivityEntry edited(ActivityEntry entry, String field, UnaryOperator<Object> edit) {
            try {
                RecordComponent[] components = ActivityEntry.class.getRecordComponents();
                Object[] values = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = components[i].getAccessor().invoke(entry);
                    if (components[i].getName().equals(field)) {
                        values[i] = edit.apply(values[i]);
                    }
                }
                return ActivityEntry.class.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The sequences {@code from..to}. */
        private static Stream<Long> sequences(long from, long to) {
            return LongStream.rangeClosed(from, to).boxed();
        }

        @Test
        void everyFieldOfAnEntryHasAnEdit() {
            assertThat(fieldEdits().keySet()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(ActivityEntry.class.getRecordComponents()).map(RecordComponent::getName).toList());
        }

        @TestFactory
        Stream<DynamicTest> changingAnyFieldOfAnyEntryBreaksTheChainAtThatEntry() {
            return fieldEdits().entrySet().stream().flatMap(edit -> sequences(1, LOG_SIZE).map(k ->
                    DynamicTest.dynamicTest(edit.getKey() + " of entry " + k, () -> {
                        store.change(k, e -> edited(e, edit.getKey(), edit.getValue()));
                        try {
                            assertBrokenAt(verify(), k);
                        } finally {
                            store.restore();
                        }
                    })));
        }

        @TestFactory
        Stream<DynamicTest> changingAnEntryAndRecomputingItsHashBreaksTheChainAtTheNextEntry() {
            return sequences(1, LOG_SIZE - 1).map(k -> DynamicTest.dynamicTest("entry " + k, () -> {
                store.change(k, e -> rehashed(edited(e, "action", v -> "workspace.deleted")));
                try {
                    assertBrokenAt(verify(), k + 1);
                } finally {
                    store.restore();
                }
            }));
        }

        @Test
        void rewritingTheLastEntryConsistentlyIsCaughtOnlyByAnAnchor() {
            ChainAnchor anchor = verify().head();
            store.change(LOG_SIZE, e -> rehashed(edited(e, "actorId", v -> UserId.of("mallory"))));

            assertThat(verify().isIntact()).as("without an anchor").isTrue();
            assertBrokenAt(verify(anchor), LOG_SIZE);
        }

        private ActivityEntry rehashed(ActivityEntry e) {
            return edited(e, "hash", v -> ActivityChain.hash(e));
        }

        @TestFactory
        Stream<DynamicTest> omittingAnEntryBreaksTheChainWhereItWas() {
            return sequences(1, LOG_SIZE - 1).map(k -> DynamicTest.dynamicTest("entry " + k, () -> {
                store.omit(k);
                try {
                    assertBrokenAt(verify(), k);
                } finally {
                    store.restore();
                }
            }));
        }

        @TestFactory
        Stream<DynamicTest> swappingTwoNeighboursBreaksTheChainAtTheFirstOfThem() {
            return sequences(1, LOG_SIZE - 1).map(k -> DynamicTest.dynamicTest("entries " + k + " and " + (k + 1), () -> {
                store.swap(k);
                try {
                    assertBrokenAt(verify(), k);
                } finally {
                    store.restore();
                }
            }));
        }

        @Test
        void deletingTheLastEntryIsCaughtOnlyByAnAnchorFromAnEarlierVerification() {
            ChainAnchor anchor = verify().head();
            store.omit(LOG_SIZE);

            ChainVerification withoutAnchor = verify();
            ChainVerification withAnchor = verify(anchor);

            assertThat(withoutAnchor.isIntact()).as("a hash chain alone cannot see its end cut off").isTrue();
            assertThat(withoutAnchor.head().sequence()).isEqualTo(LOG_SIZE - 1);
            assertBrokenAt(withAnchor, LOG_SIZE);
        }

        @Test
        void cuttingOffSeveralEntriesIsCaughtByTheAnchorAtTheFirstMissingOne() {
            ChainAnchor anchor = verify().head();
            store.truncateAfter(LOG_SIZE - 3);

            assertThat(verify().isIntact()).as("without an anchor").isTrue();
            assertBrokenAt(verify(anchor), LOG_SIZE - 2);
        }

        @Test
        void theFeedItselfStillReadsWhileTheChainIsBroken() {
            store.omit(3);

            assertThat(t.kit.activity().feed(t.alice, ledger, PageRequest.first()).items()).hasSize(LOG_SIZE - 1);
        }
    }
}
