package io.clientworkspace.tck;

import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.DownloadRecord;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link DownloadLogStore}: an append-only log per file, tenant and workspace scope on
 * every read, newest first by id with keyset pagination, and nothing lost when many append at once.
 * Extend it and implement {@link #createStores()}.
 */
public abstract class DownloadLogStoreContract extends StoreContractSupport {

    private DownloadLogStore downloads() {
        return stores().require(DownloadLogStore.class);
    }

    private DownloadRecord append(DownloadRecord record) {
        runInUnitOfWork(() -> downloads().append(record));
        return record;
    }

    private FileAsset storedFile(Workspace workspace) {
        FileAsset file = data.file(workspace.tenantId(), workspace.id());
        return inUnitOfWork(() -> stores().require(FileStore.class).insert(file, data.firstVersion(file)));
    }

    private List<DownloadRecord> all(FileAsset file) {
        return downloads().list(file.tenantId(), file.workspaceId(), file.id(), Optional.empty(), 500);
    }

    /** Appends {@code count} downloads of the file in shuffled order; returns them newest (greatest id) first. */
    private List<DownloadRecord> appendShuffled(FileAsset file, int count) {
        List<DownloadRecord> created = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> data.download(file)).toList());
        Collections.shuffle(created);
        created.forEach(this::append);
        created.sort(Comparator.comparing(DownloadRecord::id).reversed());
        return created;
    }

    @Test
    void anAppendedRecordIsListedWithEveryField() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        DownloadRecord byTeam = data.aDownload(file).by(data.userId(), ActorKind.TEAM).versionNumber(1).build();

        append(byTeam);

        assertThat(all(file)).containsExactly(byTeam);
    }

    @Test
    void aFileWithoutDownloadsHasAnEmptyLog() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        append(data.download(storedFile(workspace)));

        assertThat(all(file)).isEmpty();
    }

    @Test
    void repeatedDownloadsByOneUserAreAllKept() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        DownloadRecord first = append(data.download(file));

        DownloadRecord second = append(data.aDownload(file).by(first.userId(), first.actorKind()).at(first.at()).build());

        assertThat(all(file)).containsExactly(second, first);
    }

    @Test
    void listIsNewestFirstById() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        List<DownloadRecord> newestFirst = appendShuffled(file, 6);

        assertThat(all(file)).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void listStartsStrictlyBeforeTheGivenId() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        List<DownloadRecord> newestFirst = appendShuffled(file, 6);

        assertThat(downloads().list(file.tenantId(), file.workspaceId(), file.id(), Optional.of(newestFirst.get(2).id()), 10))
                .containsExactlyElementsOf(newestFirst.subList(3, 6));
    }

    @Test
    void listReturnsAtMostLimitRecords() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        List<DownloadRecord> newestFirst = appendShuffled(file, 6);

        assertThat(downloads().list(file.tenantId(), file.workspaceId(), file.id(), Optional.empty(), 4))
                .containsExactlyElementsOf(newestFirst.subList(0, 4));
    }

    @Test
    void walkingAllPagesYieldsEveryRecordOnceNewestFirst() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        List<DownloadRecord> newestFirst = appendShuffled(file, 11);

        List<DownloadRecord> walked = new ArrayList<>();
        Optional<String> before = Optional.empty();
        while (true) {
            List<DownloadRecord> page = downloads().list(file.tenantId(), file.workspaceId(), file.id(), before, 4);
            assertThat(page).hasSizeLessThanOrEqualTo(4);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            before = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(walked).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void listShowsOnlyTheFilesDownloads() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        FileAsset other = storedFile(workspace);
        List<DownloadRecord> mine = new ArrayList<>();
        List<DownloadRecord> theirs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mine.add(0, append(data.download(file)));
            theirs.add(0, append(data.download(other)));
        }

        assertThat(all(file)).containsExactlyElementsOf(mine);
        assertThat(all(other)).containsExactlyElementsOf(theirs);
    }

    @Test
    void readsWithAnotherTenantOrWorkspaceSeeNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        FileAsset file = storedFile(workspace);
        append(data.download(file));

        for (TenantId t : List.of(tenant.id(), otherTenant.id())) {
            for (WorkspaceId w : List.of(otherWorkspace.id(), workspace.id())) {
                if (t.equals(tenant.id()) && w.equals(workspace.id())) {
                    continue;
                }
                assertThat(downloads().list(t, w, file.id(), Optional.empty(), 10)).isEmpty();
            }
        }
    }

    @Test
    void concurrentAppendsAreAllKept() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        int perThread = 5;

        Concurrently.Outcomes<List<DownloadRecord>> outcomes = Concurrently.run(i -> {
            List<DownloadRecord> appended = new ArrayList<>();
            for (int n = 0; n < perThread; n++) {
                appended.add(append(data.download(file)));
            }
            return appended;
        });

        assertThat(outcomes.failures()).isEmpty();
        List<DownloadRecord> expected = new ArrayList<>(outcomes.successes().stream().flatMap(List::stream).toList());
        expected.sort(Comparator.comparing(DownloadRecord::id).reversed());
        assertThat(all(file)).hasSize(Concurrently.THREADS * perThread).containsExactlyElementsOf(expected);
    }

    @Test
    void deleteForFileRemovesEveryRecordOfTheFileAndNoOther() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        FileAsset other = storedFile(workspace);
        appendShuffled(file, 5);
        DownloadRecord kept = append(data.download(other));

        int deleted = inUnitOfWork(() -> downloads().deleteForFile(file.tenantId(), file.workspaceId(), file.id()));

        assertThat(deleted).isEqualTo(5);
        assertThat(all(file)).isEmpty();
        assertThat(all(other)).containsExactly(kept);
    }

    @Test
    void deleteForFileWithAnotherTenantOrWorkspaceDeletesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        FileAsset file = storedFile(workspace);
        List<DownloadRecord> records = appendShuffled(file, 3);

        int deleted = inUnitOfWork(() -> downloads().deleteForFile(tenant.id(), otherWorkspace.id(), file.id())
                + downloads().deleteForFile(otherTenant.id(), workspace.id(), file.id()));

        assertThat(deleted).isZero();
        assertThat(all(file)).containsExactlyElementsOf(records);
    }

    @Test
    void deleteForFileOfAFileWithoutDownloadsDeletesNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);

        assertThat(inUnitOfWork(() -> downloads().deleteForFile(file.tenantId(), file.workspaceId(), file.id()))).isZero();
    }

    @Test
    void deleteForFileRollsBackWithItsUnitOfWork() {
        Workspace workspace = storedWorkspace();
        FileAsset file = storedFile(workspace);
        List<DownloadRecord> records = appendShuffled(file, 3);

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> runInUnitOfWork(() -> {
            downloads().deleteForFile(file.tenantId(), file.workspaceId(), file.id());
            throw new IllegalStateException("roll back");
        }));

        assertThat(thrown).hasMessage("roll back");
        assertThat(all(file)).containsExactlyElementsOf(records);
    }
}
