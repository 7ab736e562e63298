package io.clientworkspace.tck;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.insight.DailyRollup;
import io.clientworkspace.insight.DurationHistogram;
import io.clientworkspace.insight.InsightMetric;
import io.clientworkspace.insight.InsightScope;
import io.clientworkspace.insight.VisitMark;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The contract of {@link InsightStore}: visits deduplicated per (scope, user) and day, the week's first visit told
 * apart, atomic increments that concurrent callers never lose, rows read by scope, metric and day range, scoped by
 * tenant, and writes that roll back with their unit of work. Extend it and implement {@link #createStores()}.
 */
public abstract class InsightStoreContract extends StoreContractSupport {

    /** A Wednesday. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2031, 3, 5);
    private static final Instant AT = Instant.parse("2031-03-05T10:15:30.123456Z");

    private InsightStore insights() {
        return stores().require(InsightStore.class);
    }

    private VisitMark visit(TenantId tenant, InsightScope scope, UserId user, LocalDate day, Instant at) {
        return inUnitOfWork(() -> insights().markVisit(tenant, scope, user, day, at));
    }

    private List<DailyRollup> rows(TenantId tenant, InsightScope scope, LocalDate from, LocalDate to) {
        return insights().rollups(tenant, scope, EnumSet.allOf(InsightMetric.class), from, to);
    }

    @Test
    void theFirstVisitOfAUserIsNewForTheDayAndTheWeek() {
        Workspace w = storedWorkspace();

        VisitMark mark = visit(w.tenantId(), InsightScope.workspace(w.id()), data.userId(), WEDNESDAY, AT);

        assertThat(mark).isEqualTo(new VisitMark(true, true));
    }

    @Test
    void aSecondVisitOnTheSameDayIsRepeated() {
        Workspace w = storedWorkspace();
        UserId carol = data.userId();
        visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT);

        VisitMark again = visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT.plusSeconds(60));

        assertThat(again).isEqualTo(VisitMark.REPEATED);
    }

    @Test
    void aVisitOnALaterDayOfTheSameWeekIsNewForTheDayOnly() {
        Workspace w = storedWorkspace();
        UserId carol = data.userId();
        visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT);

        VisitMark friday = visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY.plusDays(2),
                AT.plus(Duration.ofDays(2)));

        assertThat(friday).isEqualTo(new VisitMark(true, false));
    }

    @Test
    void aVisitInTheNextIsoWeekIsNewForTheWeek() {
        Workspace w = storedWorkspace();
        UserId carol = data.userId();
        visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY.plusDays(4), AT.plus(Duration.ofDays(4)));

        VisitMark monday = visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY.plusDays(5),
                AT.plus(Duration.ofDays(5)));

        assertThat(monday).isEqualTo(new VisitMark(true, true));
    }

    @Test
    void aDayBeforeTheStoredOneChangesNothing() {
        Workspace w = storedWorkspace();
        UserId carol = data.userId();
        visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT);

        VisitMark earlier = visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY.minusDays(1),
                AT.minus(Duration.ofDays(1)));

        assertThat(earlier).isEqualTo(VisitMark.REPEATED);
        assertThat(insights().lastVisit(w.tenantId(), w.id())).contains(AT);
    }

    @Test
    void visitsAreDeduplicatedPerScope() {
        Workspace w = storedWorkspace();
        UserId carol = data.userId();
        visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT);

        VisitMark inTenant = visit(w.tenantId(), InsightScope.tenant(), carol, WEDNESDAY, AT);
        VisitMark otherUser = visit(w.tenantId(), InsightScope.workspace(w.id()), data.userId(), WEDNESDAY, AT);

        assertThat(inTenant.firstOfDay()).isTrue();
        assertThat(otherUser.firstOfDay()).isTrue();
    }

    @Test
    void ofConcurrentFirstVisitsOfOneUserExactlyOneIsNew() {
        Workspace w = storedWorkspace();
        UserId carol = data.userId();

        Concurrently.Outcomes<VisitMark> outcomes = Concurrently.run(i ->
                visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT.plusMillis(i)));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).filteredOn(VisitMark::firstOfDay).hasSize(1);
    }

    private boolean onTime(TenantId tenant, WorkspaceId workspace, String item, LocalDate dueOn) {
        return inUnitOfWork(() -> insights().markOnTime(tenant, workspace, item, dueOn));
    }

    @Test
    void anOnTimeCompletionIsFirstOnlyOncePerItemAndDueDay() {
        Workspace w = storedWorkspace();

        boolean first = onTime(w.tenantId(), w.id(), "task:t1", WEDNESDAY);
        boolean again = onTime(w.tenantId(), w.id(), "task:t1", WEDNESDAY);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void anotherDueDayItemWorkspaceOrTenantIsAnotherOnTimeCompletion() {
        Workspace w = storedWorkspace();
        Workspace other = storedWorkspace();
        TenantId otherTenant = storedTenant().id();
        onTime(w.tenantId(), w.id(), "task:t1", WEDNESDAY);

        assertThat(onTime(w.tenantId(), w.id(), "task:t1", WEDNESDAY.plusDays(1))).isTrue();
        assertThat(onTime(w.tenantId(), w.id(), "milestone:t1", WEDNESDAY)).isTrue();
        assertThat(onTime(other.tenantId(), other.id(), "task:t1", WEDNESDAY)).isTrue();
        assertThat(onTime(otherTenant, w.id(), "task:t1", WEDNESDAY)).isTrue();
    }

    @Test
    void ofConcurrentOnTimeCompletionsOfOneItemExactlyOneIsFirst() {
        Workspace w = storedWorkspace();

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i ->
                onTime(w.tenantId(), w.id(), "task:t1", WEDNESDAY));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void anOnTimeMarkRollsBackWithItsUnitOfWork() {
        Workspace w = storedWorkspace();

        Throwable thrown = catchThrowable(() -> runInUnitOfWork(() -> {
            insights().markOnTime(w.tenantId(), w.id(), "task:t1", WEDNESDAY);
            throw new IllegalStateException("boom");
        }));

        assertThat(thrown).hasMessageContaining("boom");
        assertThat(onTime(w.tenantId(), w.id(), "task:t1", WEDNESDAY)).isTrue();
    }

    @Test
    void theLastVisitIsTheFirstVisitInstantOfTheLatestDay() {
        Workspace w = storedWorkspace();
        Instant thursday = AT.plus(Duration.ofDays(1));
        visit(w.tenantId(), InsightScope.workspace(w.id()), data.userId(), WEDNESDAY, AT);
        UserId erin = data.userId();
        visit(w.tenantId(), InsightScope.workspace(w.id()), erin, WEDNESDAY.plusDays(1), thursday);
        visit(w.tenantId(), InsightScope.workspace(w.id()), erin, WEDNESDAY.plusDays(1), thursday.plusSeconds(3_600));

        assertThat(insights().lastVisit(w.tenantId(), w.id())).contains(thursday);
    }

    @Test
    void aWorkspaceNeverVisitedHasNoLastVisit() {
        Workspace w = storedWorkspace();
        visit(w.tenantId(), InsightScope.tenant(), data.userId(), WEDNESDAY, AT);

        assertThat(insights().lastVisit(w.tenantId(), w.id())).isEmpty();
    }

    @Test
    void countsAddUp() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.workspace(w.id());
        runInUnitOfWork(() -> insights().count(w.tenantId(), scope, WEDNESDAY, InsightMetric.ITEMS_OVERDUE, 2));
        runInUnitOfWork(() -> insights().count(w.tenantId(), scope, WEDNESDAY, InsightMetric.ITEMS_OVERDUE, 3));

        assertThat(rows(w.tenantId(), scope, WEDNESDAY, WEDNESDAY)).containsExactly(new DailyRollup(w.tenantId(),
                scope, WEDNESDAY, InsightMetric.ITEMS_OVERDUE, 5, 0, List.of()));
    }

    @Test
    void aSampleAddsToTheCountTheSumAndItsBucket() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.workspace(w.id());
        runInUnitOfWork(() -> insights().sample(w.tenantId(), scope, WEDNESDAY, InsightMetric.APPROVAL_TURNAROUND,
                Duration.ofMinutes(90)));
        runInUnitOfWork(() -> insights().sample(w.tenantId(), scope, WEDNESDAY, InsightMetric.APPROVAL_TURNAROUND,
                Duration.ofDays(2).plusMillis(999)));

        DailyRollup row = rows(w.tenantId(), scope, WEDNESDAY, WEDNESDAY).get(0);
        assertThat(row.count()).isEqualTo(2);
        assertThat(row.sum()).isEqualTo(5_400 + 172_800);
        assertThat(row.buckets()).hasSize(DurationHistogram.BUCKETS);
        assertThat(row.buckets().get(DurationHistogram.bucketOf(5_400))).isEqualTo(1);
        assertThat(row.buckets().get(DurationHistogram.bucketOf(172_800))).isEqualTo(1);
        assertThat(row.buckets().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    }

    @Test
    void aDurationRowKeepsItsExactSmallestAndLargestSample() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.workspace(w.id());
        for (Duration d : List.of(Duration.ofHours(5), Duration.ofMinutes(61), Duration.ofDays(21),
                Duration.ofHours(7))) {
            runInUnitOfWork(() -> insights().sample(w.tenantId(), scope, WEDNESDAY, InsightMetric.APPROVAL_TURNAROUND,
                    d));
        }

        DailyRollup row = rows(w.tenantId(), scope, WEDNESDAY, WEDNESDAY).get(0);
        assertThat(row.min()).contains(Duration.ofMinutes(61));
        assertThat(row.max()).contains(Duration.ofDays(21));
    }

    @Test
    void aCountRowHasNoSmallestOrLargestSample() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.workspace(w.id());
        runInUnitOfWork(() -> insights().count(w.tenantId(), scope, WEDNESDAY, InsightMetric.ITEMS_OVERDUE, 2));

        DailyRollup row = rows(w.tenantId(), scope, WEDNESDAY, WEDNESDAY).get(0);
        assertThat(row.min()).isEmpty();
        assertThat(row.max()).isEmpty();
    }

    @Test
    void concurrentSamplesKeepTheExactSmallestAndLargestSample() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.workspace(w.id());

        // thread i samples 100 + 10 i + n seconds: the smallest of all is 100, the largest 100 + 10 (THREADS - 1) + 4
        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> {
            for (int n = 0; n < 5; n++) {
                long seconds = 100 + 10L * i + n;
                runInUnitOfWork(() -> insights().sample(w.tenantId(), scope, WEDNESDAY,
                        InsightMetric.REQUEST_RESOLUTION, Duration.ofSeconds(seconds)));
            }
            return true;
        });

        assertThat(outcomes.failures()).isEmpty();
        DailyRollup row = rows(w.tenantId(), scope, WEDNESDAY, WEDNESDAY).get(0);
        assertThat(row.count()).isEqualTo(5L * Concurrently.THREADS);
        assertThat(row.min()).contains(Duration.ofSeconds(100));
        assertThat(row.max()).contains(Duration.ofSeconds(100 + 10L * (Concurrently.THREADS - 1) + 4));
    }

    @Test
    void aNegativeSampleCountsAsZeroSeconds() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.tenant();
        runInUnitOfWork(() -> insights().sample(w.tenantId(), scope, WEDNESDAY, InsightMetric.REQUEST_RESOLUTION,
                Duration.ofSeconds(-5)));

        DailyRollup row = rows(w.tenantId(), scope, WEDNESDAY, WEDNESDAY).get(0);
        assertThat(row.sum()).isZero();
        assertThat(row.buckets().get(0)).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsAreNeverLost() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.workspace(w.id());

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> {
            for (int n = 0; n < 5; n++) {
                runInUnitOfWork(() -> insights().count(w.tenantId(), scope, WEDNESDAY, InsightMetric.ITEMS_ON_TIME, 1));
                runInUnitOfWork(() -> insights().sample(w.tenantId(), scope, WEDNESDAY,
                        InsightMetric.REQUEST_FIRST_RESPONSE, Duration.ofMinutes(30)));
            }
            return true;
        });

        assertThat(outcomes.failures()).isEmpty();
        List<DailyRollup> rows = rows(w.tenantId(), scope, WEDNESDAY, WEDNESDAY);
        long expected = 5L * Concurrently.THREADS;
        assertThat(rows).filteredOn(r -> r.metric() == InsightMetric.ITEMS_ON_TIME).singleElement()
                .satisfies(r -> assertThat(r.count()).isEqualTo(expected));
        assertThat(rows).filteredOn(r -> r.metric() == InsightMetric.REQUEST_FIRST_RESPONSE).singleElement()
                .satisfies(r -> {
                    assertThat(r.count()).isEqualTo(expected);
                    assertThat(r.sum()).isEqualTo(expected * 1_800);
                    assertThat(r.buckets().get(DurationHistogram.bucketOf(1_800))).isEqualTo(expected);
                });
    }

    @Test
    void rollupsHoldOnlyTheAskedScopeMetricsAndDaysInDayOrder() {
        Workspace w = storedWorkspace();
        InsightScope scope = InsightScope.workspace(w.id());
        for (int d = -1; d <= 3; d++) {
            LocalDate day = WEDNESDAY.plusDays(d);
            runInUnitOfWork(() -> {
                insights().count(w.tenantId(), scope, day, InsightMetric.ITEMS_OVERDUE, 1);
                insights().count(w.tenantId(), scope, day, InsightMetric.DAILY_ACTIVE_CLIENTS, 1);
                insights().count(w.tenantId(), InsightScope.tenant(), day, InsightMetric.ITEMS_OVERDUE, 1);
            });
        }

        List<DailyRollup> rows = insights().rollups(w.tenantId(), scope, Set.of(InsightMetric.ITEMS_OVERDUE),
                WEDNESDAY, WEDNESDAY.plusDays(2));

        assertThat(rows).extracting(DailyRollup::day)
                .containsExactly(WEDNESDAY, WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(2));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.metric()).isEqualTo(InsightMetric.ITEMS_OVERDUE);
            assertThat(r.scope()).isEqualTo(scope);
        });
    }

    @Test
    void rollupsOfAKindListEveryScopeOfItByKeyThenDay() {
        Workspace w = storedWorkspace();
        InsightScope zed = InsightScope.clientUser(UserId.of("zed"));
        InsightScope amy = InsightScope.clientUser(UserId.of("amy"));
        runInUnitOfWork(() -> {
            insights().sample(w.tenantId(), zed, WEDNESDAY, InsightMetric.APPROVAL_TURNAROUND, Duration.ofHours(1));
            insights().sample(w.tenantId(), amy, WEDNESDAY.plusDays(1), InsightMetric.APPROVAL_TURNAROUND,
                    Duration.ofHours(2));
            insights().sample(w.tenantId(), amy, WEDNESDAY, InsightMetric.APPROVAL_TURNAROUND, Duration.ofHours(3));
            insights().sample(w.tenantId(), InsightScope.workspace(w.id()), WEDNESDAY,
                    InsightMetric.APPROVAL_TURNAROUND, Duration.ofHours(3));
            insights().sample(w.tenantId(), amy, WEDNESDAY, InsightMetric.REQUEST_RESOLUTION, Duration.ofHours(3));
        });

        List<DailyRollup> rows = insights().rollupsOfKind(w.tenantId(), InsightScope.Kind.CLIENT_USER,
                InsightMetric.APPROVAL_TURNAROUND, WEDNESDAY, WEDNESDAY.plusDays(6));

        assertThat(rows).extracting(r -> r.scope().key() + "@" + r.day())
                .containsExactly("amy@" + WEDNESDAY, "amy@" + WEDNESDAY.plusDays(1), "zed@" + WEDNESDAY);
    }

    @Test
    void rowsAndVisitsAreInvisibleFromAnotherTenant() {
        Workspace w = storedWorkspace();
        TenantId other = storedTenant().id();
        UserId carol = data.userId();
        visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT);
        runInUnitOfWork(() -> insights().count(w.tenantId(), InsightScope.tenant(), WEDNESDAY,
                InsightMetric.ITEMS_OVERDUE, 1));

        assertThat(rows(other, InsightScope.tenant(), WEDNESDAY, WEDNESDAY)).isEmpty();
        assertThat(insights().rollupsOfKind(other, InsightScope.Kind.TENANT, InsightMetric.ITEMS_OVERDUE,
                WEDNESDAY, WEDNESDAY)).isEmpty();
        assertThat(insights().lastVisit(other, w.id())).isEmpty();
        assertThat(visit(other, InsightScope.workspace(w.id()), carol, WEDNESDAY, AT).firstOfDay()).isTrue();
    }

    @Test
    void writesRollBackWithTheirUnitOfWork() {
        Workspace w = storedWorkspace();
        UserId carol = data.userId();

        Throwable thrown = catchThrowable(() -> runInUnitOfWork(() -> {
            insights().markVisit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT);
            insights().count(w.tenantId(), InsightScope.tenant(), WEDNESDAY, InsightMetric.ITEMS_OVERDUE, 1);
            insights().sample(w.tenantId(), InsightScope.tenant(), WEDNESDAY, InsightMetric.APPROVAL_TURNAROUND,
                    Duration.ofHours(1));
            throw new IllegalStateException("boom");
        }));

        assertThat(thrown).hasMessageContaining("boom");
        assertThat(rows(w.tenantId(), InsightScope.tenant(), WEDNESDAY, WEDNESDAY)).isEmpty();
        assertThat(insights().lastVisit(w.tenantId(), w.id())).isEmpty();
        assertThat(visit(w.tenantId(), InsightScope.workspace(w.id()), carol, WEDNESDAY, AT).firstOfDay()).isTrue();
    }
}
