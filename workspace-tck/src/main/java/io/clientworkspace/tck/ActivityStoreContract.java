package io.clientworkspace.tck;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ActivityStore}: an append-only log per (tenant, workspace) whose sequences run
 * 1, 2, 3... without gaps or duplicates even under concurrent appends, every field kept exactly (so
 * hashes still verify), and the newest-first and oldest-first lists with their filters and keys.
 * Extend it and implement {@link #createStores()}.
 */
public abstract class ActivityStoreContract extends StoreContractSupport {

    private static final Set<Visibility> ALL = EnumSet.allOf(Visibility.class);

    private ActivityStore activity() {
        return stores().activity();
    }

    private void append(ActivityEntry entry) {
        runInUnitOfWork(() -> activity().append(entry));
    }

    private List<ActivityEntry> appendChain(Workspace workspace, int count) {
        return appendChain(workspace, count, sequence -> sequence % 3 == 0 ? Visibility.TEAM : Visibility.CLIENT);
    }

    private List<ActivityEntry> appendChain(Workspace workspace, int count,
                                            LongFunction<Visibility> visibility) {
        List<ActivityEntry> chain = data.chain(workspace.tenantId(), workspace.id(), count, visibility);
        chain.forEach(this::append);
        return chain;
    }

    private List<ActivityEntry> newestFirst(Workspace workspace, Set<Visibility> visibilities) {
        return activity().listNewestFirst(workspace.tenantId(), workspace.id(), visibilities, OptionalLong.empty(), 1000);
    }

    private List<ActivityEntry> oldestFirst(Workspace workspace) {
        return activity().listOldestFirst(workspace.tenantId(), workspace.id(), 0, 1000);
    }

    private static List<ActivityEntry> reversed(List<ActivityEntry> entries) {
        List<ActivityEntry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparingLong(ActivityEntry::sequence).reversed());
        return copy;
    }

    private static List<ActivityEntry> only(List<ActivityEntry> entries, Visibility visibility) {
        return entries.stream().filter(e -> e.visibility() == visibility).toList();
    }

    @Test
    void latestOfAnEmptyLogIsEmpty() {
        Workspace workspace = storedWorkspace();

        assertThat(activity().latest(workspace.tenantId(), workspace.id())).isEmpty();
        assertThat(oldestFirst(workspace)).isEmpty();
        assertThat(newestFirst(workspace, ALL)).isEmpty();
    }

    @Test
    void theFirstEntryHasSequenceOne() {
        Workspace workspace = storedWorkspace();
        ActivityEntry first = data.firstEntry(workspace.tenantId(), workspace.id());

        append(first);

        assertThat(activity().latest(workspace.tenantId(), workspace.id())).contains(first);
    }

    @Test
    void aFirstEntryWithAnotherSequenceIsAStaleVersionConflictAndStoresNothing() {
        Workspace workspace = storedWorkspace();

        assertConflict(STALE_VERSION, () -> append(data.anEntry(workspace.tenantId(), workspace.id()).sequence(2).build()));

        assertThat(activity().latest(workspace.tenantId(), workspace.id())).isEmpty();
    }

    @Test
    void appendingTheNextSequenceExtendsTheLog() {
        Workspace workspace = storedWorkspace();
        ActivityEntry first = data.firstEntry(workspace.tenantId(), workspace.id());
        append(first);
        ActivityEntry second = data.entryAfter(first);

        append(second);

        assertThat(oldestFirst(workspace)).containsExactly(first, second);
    }

    @Test
    void appendingAnExistingSequenceIsAStaleVersionConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 3);
        ActivityEntry rival = data.anEntryAfter(chain.get(1)).action("rival.claim").build();

        assertConflict(STALE_VERSION, () -> append(rival));

        assertThat(oldestFirst(workspace)).containsExactlyElementsOf(chain);
    }

    @Test
    void appendingASequenceThatSkipsAheadIsAStaleVersionConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 2);

        assertConflict(STALE_VERSION, () -> append(data.anEntryAfter(chain.get(1)).sequence(4).build()));

        assertThat(oldestFirst(workspace)).containsExactlyElementsOf(chain);
        append(data.entryAfter(chain.get(1)));
        assertThat(activity().latest(workspace.tenantId(), workspace.id())).get()
                .extracting(ActivityEntry::sequence).isEqualTo(3L);
    }

    @Test
    void latestReturnsTheHeadOfTheLog() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 7);

        assertThat(activity().latest(workspace.tenantId(), workspace.id())).contains(chain.get(6));
    }

    @Test
    void storedEntriesKeepEveryFieldExactlySoTheirHashesStillVerify() {
        Workspace workspace = storedWorkspace();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("zeta", "last key first");
        details.put("from", "Ærø \"quoted\" \\ back-slashed {json: [1]}");
        details.put("to", "emoji \uD83D\uDE80 and 日本語");
        details.put("empty", "");
        ActivityEntry first = data.anEntry(workspace.tenantId(), workspace.id())
                .actor(data.userId(), ActorKind.CLIENT)
                .action("file.version-uploaded")
                .target("file", "f-123/ä")
                .occurredAt(Instant.parse("2030-05-06T07:08:09.123456Z"))
                .visibility(Visibility.TEAM)
                .details(details)
                .build();
        ActivityEntry second = data.anEntryAfter(first).occurredAt(Instant.parse("2030-05-06T07:08:09.123457Z")).build();

        append(first);
        append(second);

        List<ActivityEntry> read = oldestFirst(workspace);
        assertThat(read).containsExactly(first, second);
        assertThat(read).allSatisfy(e -> assertThat(ActivityChain.hash(e)).isEqualTo(e.hash()));
        assertThat(read.get(1).previousHash()).isEqualTo(read.get(0).hash());
        assertThat(read.get(0).details()).containsExactlyEntriesOf(new TreeMap<>(details));
    }

    @Test
    void logsArePerWorkspace() {
        Tenant tenant = storedTenant();
        Workspace one = storedWorkspace(tenant);
        Workspace two = storedWorkspace(tenant);
        List<ActivityEntry> chainOne = appendChain(one, 3);

        List<ActivityEntry> chainTwo = appendChain(two, 2);

        assertThat(oldestFirst(one)).containsExactlyElementsOf(chainOne);
        assertThat(oldestFirst(two)).containsExactlyElementsOf(chainTwo);
        assertThat(activity().latest(tenant.id(), two.id())).contains(chainTwo.get(1));
    }

    @Test
    void readsWithAnotherTenantSeeNothing() {
        Workspace workspace = storedWorkspace();
        Tenant other = storedTenant();
        appendChain(workspace, 3);

        assertThat(activity().latest(other.id(), workspace.id())).isEmpty();
        assertThat(activity().listNewestFirst(other.id(), workspace.id(), ALL, OptionalLong.empty(), 10)).isEmpty();
        assertThat(activity().listOldestFirst(other.id(), workspace.id(), 0, 10)).isEmpty();
    }

    @Test
    void findReturnsTheEntryWithThatId() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 5);

        for (ActivityEntry entry : chain) {
            assertThat(activity().find(workspace.tenantId(), workspace.id(), entry.id())).contains(entry);
        }
    }

    @Test
    void findOfAnUnknownIdOrAnotherWorkspacesEntryIsEmpty() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        ActivityEntry entry = appendChain(workspace, 2).get(1);

        assertThat(activity().find(tenant.id(), workspace.id(), io.clientworkspace.ActivityId.of("no-such-entry"))).isEmpty();
        assertThat(activity().find(tenant.id(), other.id(), entry.id())).isEmpty();
        assertThat(activity().find(storedTenant().id(), workspace.id(), entry.id())).isEmpty();
    }

    @Test
    void readsOfAnotherWorkspaceSeeNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        appendChain(workspace, 3);

        assertThat(activity().latest(tenant.id(), other.id())).isEmpty();
        assertThat(newestFirst(other, ALL)).isEmpty();
        assertThat(oldestFirst(other)).isEmpty();
    }

    @Test
    void listNewestFirstOrdersBySequenceDescending() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 6);

        assertThat(newestFirst(workspace, ALL)).containsExactlyElementsOf(reversed(chain));
    }

    @Test
    void listNewestFirstReturnsOnlyTheGivenVisibilities() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 9);

        assertThat(newestFirst(workspace, EnumSet.of(Visibility.CLIENT)))
                .containsExactlyElementsOf(reversed(only(chain, Visibility.CLIENT)));
        assertThat(newestFirst(workspace, EnumSet.of(Visibility.TEAM)))
                .containsExactlyElementsOf(reversed(only(chain, Visibility.TEAM)));
    }

    @Test
    void listNewestFirstWithNoVisibilitiesReturnsNothing() {
        Workspace workspace = storedWorkspace();
        appendChain(workspace, 3);

        assertThat(newestFirst(workspace, EnumSet.noneOf(Visibility.class))).isEmpty();
    }

    @Test
    void listNewestFirstStartsStrictlyBeforeTheGivenSequence() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 6);

        assertThat(activity().listNewestFirst(workspace.tenantId(), workspace.id(), ALL, OptionalLong.of(4), 10))
                .containsExactly(chain.get(2), chain.get(1), chain.get(0));
        assertThat(activity().listNewestFirst(workspace.tenantId(), workspace.id(), ALL, OptionalLong.of(1), 10))
                .isEmpty();
    }

    @Test
    void listNewestFirstCountsTheLimitInMatchingEntries() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 10, sequence -> sequence % 2 == 0 ? Visibility.TEAM : Visibility.CLIENT);

        assertThat(activity().listNewestFirst(workspace.tenantId(), workspace.id(), EnumSet.of(Visibility.CLIENT),
                OptionalLong.empty(), 3))
                .containsExactly(chain.get(8), chain.get(6), chain.get(4));
    }

    @Test
    void walkingNewestFirstPagesYieldsEveryVisibleEntryOnce() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 20);
        Set<Visibility> clientOnly = EnumSet.of(Visibility.CLIENT);

        List<ActivityEntry> walked = new ArrayList<>();
        OptionalLong before = OptionalLong.empty();
        while (true) {
            List<ActivityEntry> page = activity().listNewestFirst(workspace.tenantId(), workspace.id(), clientOnly, before, 4);
            assertThat(page).hasSizeLessThanOrEqualTo(4);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            before = OptionalLong.of(page.get(page.size() - 1).sequence());
        }

        assertThat(walked).containsExactlyElementsOf(reversed(only(chain, Visibility.CLIENT)));
    }

    @Test
    void listOldestFirstStartsStrictlyAfterTheGivenSequence() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 6);

        assertThat(activity().listOldestFirst(workspace.tenantId(), workspace.id(), 3, 10))
                .containsExactlyElementsOf(chain.subList(3, 6));
        assertThat(activity().listOldestFirst(workspace.tenantId(), workspace.id(), 6, 10)).isEmpty();
    }

    @Test
    void listOldestFirstReturnsEveryVisibilityAndAtMostLimitEntries() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 6);

        assertThat(activity().listOldestFirst(workspace.tenantId(), workspace.id(), 0, 4))
                .containsExactlyElementsOf(chain.subList(0, 4));
    }

    @Test
    void walkingOldestFirstPagesYieldsEveryEntryOnce() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 17);

        List<ActivityEntry> walked = new ArrayList<>();
        long after = 0;
        while (true) {
            List<ActivityEntry> page = activity().listOldestFirst(workspace.tenantId(), workspace.id(), after, 5);
            assertThat(page).hasSizeLessThanOrEqualTo(5);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }

        assertThat(walked).containsExactlyElementsOf(chain);
    }

    @Test
    void concurrentAppendsOfOneSequenceLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        List<ActivityEntry> chain = appendChain(workspace, 3);
        List<ActivityEntry> rivals = IntStream.range(0, Concurrently.THREADS)
                .mapToObj(i -> data.anEntryAfter(chain.get(2)).action("rival." + i).build()).toList();

        Concurrently.Outcomes<ActivityEntry> outcomes = Concurrently.run(i -> {
            append(rivals.get(i));
            return rivals.get(i);
        });

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(oldestFirst(workspace)).hasSize(4).endsWith(outcomes.successes().get(0));
    }

    @Test
    void concurrentAppendersThatRetryOnConflictsBuildOneUnbrokenChain() {
        Workspace workspace = storedWorkspace();
        int perThread = 10;

        Concurrently.Outcomes<Integer> outcomes = Concurrently.run(thread -> {
            int conflicts = 0;
            for (int done = 0; done < perThread; ) {
                try {
                    runInUnitOfWork(() -> {
                        ActivityEntry next = activity().latest(workspace.tenantId(), workspace.id())
                                .map(head -> data.anEntryAfter(head))
                                .orElseGet(() -> data.anEntry(workspace.tenantId(), workspace.id()))
                                .action("thread." + thread)
                                .build();
                        activity().append(next);
                    });
                    done++;
                } catch (ConflictException e) {
                    assertConflict(STALE_VERSION, e);
                    if (++conflicts > 10_000) {
                        throw new AssertionError("too many conflicts: appenders starve", e);
                    }
                }
            }
            return conflicts;
        });

        assertThat(outcomes.failures()).isEmpty();
        List<ActivityEntry> log = oldestFirst(workspace);
        assertThat(log).extracting(ActivityEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) perThread * Concurrently.THREADS)
                        .boxed().toList());
        String previous = ActivityChain.GENESIS_HASH;
        for (ActivityEntry entry : log) {
            assertThat(entry.previousHash()).as("entry %d links to its predecessor", entry.sequence()).isEqualTo(previous);
            assertThat(ActivityChain.hash(entry)).isEqualTo(entry.hash());
            previous = entry.hash();
        }
    }

    /** Appends {@code count} entries to the workspace, the last one at {@code headAt}, and returns the head. */
    private ActivityEntry appendEndingAt(Workspace workspace, int count, Instant headAt) {
        ActivityEntry entry = data.anEntry(workspace.tenantId(), workspace.id()).occurredAt(headAt.minusSeconds(count - 1)).build();
        append(entry);
        for (int i = 2; i <= count; i++) {
            entry = data.anEntryAfter(entry).occurredAt(i == count ? headAt : headAt.minusSeconds(count - i)).build();
            append(entry);
        }
        return entry;
    }

    private List<ActivityEntry> allLatestSince(Instant since, int pageSize) {
        List<ActivityEntry> all = new ArrayList<>();
        Optional<ActivityEntry> after = Optional.empty();
        while (true) {
            List<ActivityEntry> page = activity().latestEntriesSince(since, after, pageSize);
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    @Test
    void latestEntriesSinceListsTheHeadOfEachWorkspaceWhoseHeadIsThatRecent() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ActivityEntry moved = appendEndingAt(storedWorkspace(), 3, t.plusSeconds(60));
        ActivityEntry exactlyThen = appendEndingAt(storedWorkspace(), 2, t);
        appendEndingAt(storedWorkspace(), 4, t.minusSeconds(1));
        storedWorkspace();

        assertThat(activity().latestEntriesSince(t, Optional.empty(), 100))
                .containsExactlyInAnyOrder(moved, exactlyThen);
    }

    @Test
    void latestEntriesSinceIsEmptyWhenNoHeadIsThatRecent() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        appendEndingAt(storedWorkspace(), 2, t);

        assertThat(activity().latestEntriesSince(t.plusNanos(1000), Optional.empty(), 100)).isEmpty();
    }

    @Test
    void latestEntriesSincePagesThroughEveryTenantWithoutDuplicatesOrGaps() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<ActivityEntry> heads = new ArrayList<>();
        for (int tenant = 0; tenant < 3; tenant++) {
            Tenant stored = storedTenant();
            for (int workspace = 0; workspace < 4; workspace++) {
                heads.add(appendEndingAt(storedWorkspace(stored), 1 + workspace % 2, t.plusSeconds(tenant * 10L + workspace)));
            }
        }

        List<ActivityEntry> paged = allLatestSince(t, 5);

        assertThat(paged).containsExactlyInAnyOrderElementsOf(heads);
        assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
    }
}
