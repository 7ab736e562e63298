package io.clientworkspace.tck;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.member.Permission;
import io.clientworkspace.notification.Delivery;
import io.clientworkspace.notification.NotificationKind;
import io.clientworkspace.notification.NotificationMode;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.NotificationSubject;
import io.clientworkspace.notification.PendingNotification;
import io.clientworkspace.notification.QuietHours;
import io.clientworkspace.notification.SubjectType;
import io.clientworkspace.spi.NotificationStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link NotificationStore}: preferences with optimistic versions, the queue's merges (atomic, only
 * into open and unclaimed items), conditional claims, completion and release by the claim holder only, restrictions,
 * tenant scope. Extend it and implement {@link #createStores()}.
 */
public abstract class NotificationStoreContract extends StoreContractSupport {

    private static final Instant T0 = Instant.parse("2031-03-03T09:00:00Z");

    private NotificationStore store;
    private Workspace ws;
    private final UserId carol = UserId.of("carol");

    @BeforeEach
    final void setUpQueue() {
        store = stores().require(NotificationStore.class);
        ws = storedWorkspace();
    }

    private PendingNotification item(TenantId tenant, UserId recipient, String subject, Instant at, Instant due) {
        return new PendingNotification(new NotificationId(data.unique("n")), tenant, recipient, ActorKind.CLIENT,
                ws.id(), NotificationKind.FILE_SHARED, new NotificationSubject(SubjectType.FILE, subject), "brief.pdf",
                EnumSet.of(Permission.VIEW_WORKSPACE), NotificationMode.IMMEDIATE, 1, at, at, due, 0,
                Optional.empty(), Optional.empty(), 0);
    }

    private PendingNotification item(String subject, Instant at) {
        return item(ws.tenantId(), carol, subject, at, at.plus(Duration.ofMinutes(10)));
    }

    private PendingNotification enqueue(PendingNotification item) {
        return inUnitOfWork(() -> store.enqueue(item));
    }

    private List<PendingNotification> claim(Instant now, String token, int limit) {
        return inUnitOfWork(() -> store.claimDue(now, token, now.plus(Duration.ofMinutes(5)), limit));
    }

    private List<PendingNotification> pending() {
        return store.pending(ws.tenantId(), carol, 500);
    }

    // ------------------------------------------------------------------------------------------ preferences

    @Test
    void preferencesAreInsertedAtVersionOneAndFoundAgain() {
        NotificationPreferences prefs = new NotificationPreferences(ws.tenantId(), carol,
                Map.of(NotificationKind.MESSAGE_POSTED, Delivery.OFF),
                Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Zurich"))),
                Locale.forLanguageTag("de-CH"), ZoneId.of("Europe/Zurich"), 0);

        NotificationPreferences saved = inUnitOfWork(() -> store.savePreferences(prefs, 0));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.findPreferences(ws.tenantId(), carol)).contains(saved);
        assertThat(saved.delivery(NotificationKind.MESSAGE_POSTED)).isEqualTo(Delivery.OFF);
    }

    @Test
    void savingStalePreferencesIsAConflict() {
        NotificationPreferences prefs = NotificationPreferences.defaults(ws.tenantId(), carol, Locale.ENGLISH,
                ZoneId.of("UTC"));
        inUnitOfWork(() -> store.savePreferences(prefs, 0));

        assertConflict(ConflictException.Reason.STALE_VERSION, () -> inUnitOfWork(() -> store.savePreferences(prefs, 0)));
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> inUnitOfWork(() -> store.savePreferences(prefs, 2)));
        assertThat(inUnitOfWork(() -> store.savePreferences(prefs, 1)).version()).isEqualTo(2);
    }

    @Test
    void preferencesAreScopedByTenant() {
        inUnitOfWork(() -> store.savePreferences(NotificationPreferences.defaults(ws.tenantId(), carol, Locale.ENGLISH,
                ZoneId.of("UTC")), 0));

        assertThat(store.findPreferences(storedTenant().id(), carol)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ queue

    @Test
    void aChangeToAnOpenItemMergesIntoIt() {
        PendingNotification first = enqueue(item("f1", T0));

        PendingNotification merged = enqueue(item("f1", T0.plus(Duration.ofMinutes(3))));

        assertThat(merged.id()).isEqualTo(first.id());
        assertThat(merged.count()).isEqualTo(2);
        assertThat(merged.firstAt()).isEqualTo(T0);
        assertThat(merged.lastAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(pending()).singleElement().isEqualTo(merged);
    }

    @Test
    void aChangeToAnotherSubjectIsANewItem() {
        enqueue(item("f1", T0));
        enqueue(item("f2", T0));

        assertThat(pending()).hasSize(2);
    }

    @Test
    void aChangeAfterAnItemIsDueIsANewItem() {
        enqueue(item("f1", T0));

        enqueue(item("f1", T0.plus(Duration.ofMinutes(10))));

        assertThat(pending()).hasSize(2).allSatisfy(p -> assertThat(p.count()).isEqualTo(1));
    }

    @Test
    void aChangeNeverMergesIntoAClaimedItem() {
        PendingNotification first = enqueue(item(ws.tenantId(), carol, "f1", T0, T0));
        claim(T0, "run-1", 10);

        enqueue(item(ws.tenantId(), carol, "f1", T0.plus(Duration.ofSeconds(1)), T0.plus(Duration.ofMinutes(10))));

        assertThat(pending()).hasSize(2).filteredOn(p -> p.id().equals(first.id())).singleElement()
                .satisfies(p -> assertThat(p.count()).isEqualTo(1));
    }

    @Test
    void concurrentChangesToOneItemAreAllCounted() {
        enqueue(item("f1", T0));

        var outcomes = Concurrently.run(i -> enqueue(item("f1", T0.plusSeconds(i + 1))));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(pending()).singleElement().satisfies(p -> assertThat(p.count()).isEqualTo(1 + Concurrently.THREADS));
    }

    @Test
    void onlyDueItemsAreClaimedEarliestFirst() {
        enqueue(item(ws.tenantId(), carol, "late", T0, T0.plusSeconds(20)));
        enqueue(item(ws.tenantId(), carol, "early", T0, T0.plusSeconds(10)));
        enqueue(item(ws.tenantId(), carol, "future", T0, T0.plusSeconds(60)));

        List<PendingNotification> claimed = claim(T0.plusSeconds(30), "run-1", 10);

        assertThat(claimed).extracting(p -> p.subject().id()).containsExactly("early", "late");
        assertThat(claimed).allSatisfy(p -> assertThat(p.claimToken()).contains("run-1"));
    }

    @Test
    void aClaimedItemIsNotClaimedAgainUntilItsLeaseExpires() {
        enqueue(item(ws.tenantId(), carol, "f1", T0, T0));
        claim(T0, "run-1", 10);

        assertThat(claim(T0.plusSeconds(1), "run-2", 10)).isEmpty();
        assertThat(claim(T0.plus(Duration.ofMinutes(6)), "run-3", 10)).singleElement()
                .satisfies(p -> assertThat(p.claimToken()).contains("run-3"));
    }

    @Test
    void concurrentClaimsNeverShareAnItem() {
        IntStream.range(0, 40).forEach(i -> enqueue(item(ws.tenantId(), carol, "f" + i, T0, T0)));

        var outcomes = Concurrently.run(i -> claim(T0, "run-" + i, 7));

        assertThat(outcomes.failures()).isEmpty();
        List<NotificationId> claimed = outcomes.successes().stream().flatMap(List::stream)
                .map(PendingNotification::id).toList();
        assertThat(claimed).doesNotHaveDuplicates();
    }

    @Test
    void completingRemovesOnlyItemsStillHeldByTheClaim() {
        PendingNotification a = enqueue(item(ws.tenantId(), carol, "a", T0, T0));
        claim(T0, "run-1", 10);
        claim(T0.plus(Duration.ofMinutes(6)), "run-2", 10);

        assertThat(inUnitOfWork(() -> store.complete(ws.tenantId(), "run-1", List.of(a.id())))).isZero();
        assertThat(inUnitOfWork(() -> store.complete(ws.tenantId(), "run-2", List.of(a.id())))).isEqualTo(1);
        assertThat(pending()).isEmpty();
    }

    @Test
    void completingIsScopedByTenant() {
        PendingNotification a = enqueue(item(ws.tenantId(), carol, "a", T0, T0));
        claim(T0, "run-1", 10);

        assertThat(inUnitOfWork(() -> store.complete(storedTenant().id(), "run-1", List.of(a.id())))).isZero();
        assertThat(pending()).hasSize(1);
    }

    @Test
    void releasingAFailureCountsAnAttemptAndMovesTheDueTime() {
        PendingNotification a = enqueue(item(ws.tenantId(), carol, "a", T0, T0));
        claim(T0, "run-1", 10);

        int released = inUnitOfWork(() -> store.release(ws.tenantId(), "run-1", List.of(a.id()), T0.plusSeconds(60), true));

        assertThat(released).isEqualTo(1);
        assertThat(pending()).singleElement().satisfies(p -> {
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.dueAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(p.claimToken()).isEmpty();
            assertThat(p.claimedUntil()).isEmpty();
        });
        assertThat(claim(T0.plusSeconds(59), "run-2", 10)).isEmpty();
        assertThat(claim(T0.plusSeconds(60), "run-3", 10)).hasSize(1);
    }

    @Test
    void releasingADeferralCountsNoAttempt() {
        PendingNotification a = enqueue(item(ws.tenantId(), carol, "a", T0, T0));
        claim(T0, "run-1", 10);

        inUnitOfWork(() -> store.release(ws.tenantId(), "run-1", List.of(a.id()), T0.plusSeconds(60), false));

        assertThat(pending()).singleElement().satisfies(p -> assertThat(p.attempts()).isZero());
    }

    @Test
    void restrictingASubjectAddsThePermissionToItsItemsOnly() {
        enqueue(item("f1", T0));
        enqueue(item("f2", T0));

        int changed = inUnitOfWork(() -> store.restrict(ws.tenantId(), ws.id(),
                new NotificationSubject(SubjectType.FILE, "f1"), Permission.VIEW_INTERNAL));

        assertThat(changed).isEqualTo(1);
        assertThat(pending()).extracting(p -> p.subject().id(), PendingNotification::requires).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("f1", Set.of(Permission.VIEW_WORKSPACE, Permission.VIEW_INTERNAL)),
                org.assertj.core.groups.Tuple.tuple("f2", Set.of(Permission.VIEW_WORKSPACE)));
    }

    @Test
    void aChangeIsNotMergedIntoAnItemRestrictedSinceButStartsANewOne() {
        PendingNotification restricted = enqueue(item("f1", T0));
        inUnitOfWork(() -> store.restrict(ws.tenantId(), ws.id(), new NotificationSubject(SubjectType.FILE, "f1"),
                Permission.VIEW_INTERNAL));

        PendingNotification later = enqueue(item("f1", T0.plusSeconds(5)));

        assertThat(later.id()).isNotEqualTo(restricted.id());
        assertThat(later.requires()).doesNotContain(Permission.VIEW_INTERNAL);
        assertThat(later.count()).isEqualTo(1);
    }

    @Test
    void theRestrictedItemKeepsItsRequiredPermission() {
        PendingNotification restricted = enqueue(item("f1", T0));
        inUnitOfWork(() -> store.restrict(ws.tenantId(), ws.id(), new NotificationSubject(SubjectType.FILE, "f1"),
                Permission.VIEW_INTERNAL));

        enqueue(item("f1", T0.plusSeconds(5)));

        assertThat(store.pending(ws.tenantId(), restricted.recipient(), 10))
                .filteredOn(p -> p.id().equals(restricted.id()))
                .singleElement().satisfies(p -> assertThat(p.requires()).contains(Permission.VIEW_INTERNAL));
    }

    @Test
    void aRolledBackEnqueueLeavesNothing() {
        try {
            inUnitOfWork(() -> {
                store.enqueue(item("f1", T0));
                throw new IllegalStateException("the operation failed");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }

        assertThat(pending()).isEmpty();
    }

    @Test
    void pendingItemsAreScopedByTenantAndRecipient() {
        enqueue(item("f1", T0));
        enqueue(item(ws.tenantId(), UserId.of("dave"), "f1", T0, T0.plusSeconds(600)));

        assertThat(pending()).hasSize(1);
        assertThat(store.pending(storedTenant().id(), carol, 500)).isEmpty();
    }
}
