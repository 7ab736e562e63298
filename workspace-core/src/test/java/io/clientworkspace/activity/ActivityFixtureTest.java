package io.clientworkspace.activity;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryActivityStore;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.memory.InMemoryTransactions;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity log is the same whether its entries were written by hand ({@code Changes.record}, before
 * issue 11) or derived from the typed domain events: {@value ActivityScenario#RESOURCE} holds what the
 * old code wrote for {@link ActivityScenario}, byte for byte, hashes included.
 */
class ActivityFixtureTest {

    /** Every action the kit records; the scenario touches each of them. */
    static final Set<String> EVERY_ACTION = Set.of(
            "workspace.created", "workspace.renamed", "workspace.branding-changed", "workspace.external-ref-changed",
            "workspace.archived", "workspace.restored",
            "member.added", "member.role-changed", "member.removed",
            "invitation.created", "invitation.accepted", "invitation.revoked",
            "folder.created", "folder.renamed", "folder.moved", "folder.deleted", "folder.made-internal",
            "file.uploaded", "file.version-added", "file.downloaded", "file.trashed", "file.restored",
            "file.shared", "file.withdrawn", "file.purged",
            "approval.requested", "approval.decided", "approval.approved", "approval.rejected",
            "approval.changes-requested", "approval.cancelled", "approval.superseded", "approval.expired");

    @TempDir
    static Path blobs;

    /** One replay of the scenario shared by the tests that only read its entries (it takes seconds). */
    private static List<ActivityEntry> replayed;

    private static synchronized List<ActivityEntry> replayed() {
        if (replayed == null) {
            replayed = ActivityScenario.run(blobs.resolve("replay")).entries();
        }
        return replayed;
    }

    @Test
    void theScenarioWritesByteForByteTheEntriesOfTheFixture() throws IOException {
        String replayed = ActivityScenario.format(replayed());
        String write = System.getProperty(ActivityScenario.WRITE_PROPERTY, "");
        if (!write.isBlank()) {
            Files.writeString(Path.of(write), replayed, StandardCharsets.UTF_8);
        }

        assertThat(replayed).isEqualTo(fixtureText());
    }

    @Test
    void theScenarioWritesEntriesEqualToTheFixturesRecords() {
        assertThat(replayed()).containsExactlyElementsOf(fixture());
    }

    @Test
    void theFixtureTouchesEveryActionTheKitRecords() {
        assertThat(fixture()).extracting(ActivityEntry::action).containsAll(EVERY_ACTION);
        assertThat(EVERY_ACTION).containsAll(fixture().stream().map(ActivityEntry::action).toList());
    }

    @Test
    void chainsWrittenBeforeTheChangeVerifyAfterIt() {
        SwitchableActivityStore activity = new SwitchableActivityStore();
        Stores stores = activity.stores();
        ActivityScenario.Run run = ActivityScenario.run(blobs.resolve("verify"), b -> b.stores(stores));
        InMemoryActivityStore old = new InMemoryActivityStore(new InMemoryTransactions());
        fixture().forEach(old::append);
        activity.switchTo(old);

        assertThat(run.workspaces()).hasSize(2).allSatisfy(ws -> {
            List<ActivityEntry> chain = fixture().stream().filter(e -> e.workspaceId().equals(ws)).toList();
            ChainVerification verification = run.kit().activity().verify(run.admin(), ws);

            assertThat(verification.isIntact()).as(verification.problem().orElse("intact")).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(chain.size()).isGreaterThan(5);
            assertThat(verification.head().hash()).isEqualTo(chain.get(chain.size() - 1).hash());
        });
    }

    @Test
    void theFixturesHashesAreTheHashesOfItsEntries() {
        assertThat(fixture()).isNotEmpty().allSatisfy(e -> assertThat(ActivityChain.hash(e)).isEqualTo(e.hash()));
    }

    private static String fixtureText() {
        try (InputStream in = ActivityFixtureTest.class.getResourceAsStream(ActivityScenario.RESOURCE)) {
            assertThat(in).as("the committed fixture " + ActivityScenario.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ActivityEntry> fixture() {
        return ActivityScenario.parse(fixtureText());
    }

    /** An activity store that can be switched to another one, so that the kit reads a chain written elsewhere. */
    private static final class SwitchableActivityStore implements ActivityStore {

        private final Stores stores;
        private volatile ActivityStore delegate;

        SwitchableActivityStore() {
            Stores base = ActivityScenario.withoutNotifications(InMemoryStores.create());
            this.delegate = base.activity();
            this.stores = base.with(ActivityStore.class, this);
        }

        Stores stores() {
            return stores;
        }

        void switchTo(ActivityStore other) {
            delegate = other;
        }

        @Override
        public void append(ActivityEntry entry) {
            delegate.append(entry);
        }

        @Override
        public Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId) {
            return delegate.latest(tenantId, workspaceId);
        }

        @Override
        public List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, Set<Visibility> visibilities,
                                                   OptionalLong beforeSequence, int limit) {
            return delegate.listNewestFirst(tenantId, workspaceId, visibilities, beforeSequence, limit);
        }

        @Override
        public List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence, int limit) {
            return delegate.listOldestFirst(tenantId, workspaceId, afterSequence, limit);
        }

        @Override
        public List<ActivityEntry> latestEntriesSince(Instant since, Optional<ActivityEntry> after, int limit) {
            return delegate.latestEntriesSince(since, after, limit);
        }
    }
}
