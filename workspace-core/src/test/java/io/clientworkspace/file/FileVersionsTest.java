package io.clientworkspace.file;

import io.clientworkspace.NotFoundException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileEvent.FileVersionAdded;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** New versions, the version history, downloading any version, restoring an old version as a new one. */
class FileVersionsTest {

    @TempDir
    Path blobDir;

    private FileWorld w;
    private FileService files;
    private DownloadService downloads;
    private FileAsset file;
    private final byte[] v1 = SampleFiles.pdf("first draft");
    private final byte[] v2 = SampleFiles.pdf("second draft");
    private final byte[] v3 = SampleFiles.pdf("final");

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir);
        files = w.files;
        downloads = w.downloads;
        file = w.upload("proposal.pdf", v1);
    }

    @Test
    void aNewVersionGetsTheNextNumberAndBecomesTheLatest() {
        w.f.clock.advance(Duration.ofMinutes(5));

        FileVersion added = w.uploadVersion(w.f.tom, file.id(), "Proposal v2.pdf", v2);

        FileAsset now = files.get(w.f.bob, w.acme(), file.id());
        assertThat(added.number()).isEqualTo(2);
        assertThat(added.uploadedBy()).isEqualTo(w.f.tom.userId());
        assertThat(added.sha256()).isEqualTo(SampleFiles.sha256(v2));
        assertThat(added.size()).isEqualTo(v2.length);
        assertThat(now.latestVersion()).isEqualTo(2);
        assertThat(now.name()).isEqualTo("Proposal v2.pdf");
        assertThat(now.updatedAt()).isEqualTo(w.f.clock.instant());
        assertThat(now.createdAt()).isEqualTo(file.createdAt());
    }

    @Test
    void theHistoryListsEveryVersionNewestFirst() {
        w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);
        w.uploadVersion(w.f.erin, file.id(), "proposal.pdf", v3);

        List<FileVersion> history = files.versions(w.f.carol, w.acme(), file.id());

        assertThat(history).extracting(FileVersion::number).containsExactly(3, 2, 1);
        assertThat(history).extracting(FileVersion::sha256)
                .containsExactly(SampleFiles.sha256(v3), SampleFiles.sha256(v2), SampleFiles.sha256(v1));
        assertThat(history).extracting(FileVersion::blobKey).doesNotHaveDuplicates();
    }

    @Test
    void eachVersionKeepsItsOwnBytes() {
        w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);
        w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v3);

        assertThat(w.download(w.f.carol, file.id(), OptionalInt.of(1))).isEqualTo(v1);
        assertThat(w.download(w.f.carol, file.id(), OptionalInt.of(2))).isEqualTo(v2);
        assertThat(w.download(w.f.carol, file.id(), OptionalInt.of(3))).isEqualTo(v3);
        assertThat(w.download(w.f.carol, file.id(), OptionalInt.empty())).isEqualTo(v3);
    }

    @Test
    void aNewVersionIsCheckedLikeAnUpload() {
        io.clientworkspace.ValidationException e = w.rejects(io.clientworkspace.ValidationException.class,
                () -> w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.windowsExecutable()));

        assertThat(e.getMessage()).contains("application/x-msdownload");
        assertThat(w.blobKeys()).hasSize(1);
    }

    @Test
    void aNewVersionIsRecordedAndAnnounced() {
        w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);

        assertThat(w.f.head(w.acme()).action()).isEqualTo("file.version-added");
        assertThat(w.f.head(w.acme()).details()).containsEntry("version", "2").containsEntry("sha256", SampleFiles.sha256(v2));
        assertThat(w.f.events.ofType(FileVersionAdded.class)).extracting(FileVersionAdded::versionNumber).containsExactly(1, 2);
    }

    @Test
    void restoringAnOldVersionAddsANewVersionWithTheSameBytes() {
        w.uploadVersion(w.f.bob, file.id(), "Proposal v2.pdf", v2);

        FileVersion restored = files.restoreVersion(w.f.bob, w.acme(), file.id(), 1);

        FileVersion first = files.versions(w.f.bob, w.acme(), file.id()).get(2);
        assertThat(restored.number()).isEqualTo(3);
        assertThat(restored.sha256()).isEqualTo(first.sha256());
        assertThat(restored.size()).isEqualTo(first.size());
        assertThat(restored.name()).isEqualTo("proposal.pdf");
        assertThat(restored.detectedType()).isEqualTo("application/pdf");
        assertThat(files.get(w.f.bob, w.acme(), file.id()).latestVersion()).isEqualTo(3);
        assertThat(files.get(w.f.bob, w.acme(), file.id()).name()).isEqualTo("proposal.pdf");
        assertThat(w.download(w.f.carol, file.id(), OptionalInt.empty())).isEqualTo(v1);
        assertThat(files.versions(w.f.bob, w.acme(), file.id())).extracting(FileVersion::number).containsExactly(3, 2, 1);
    }

    @Test
    void restoringAVersionStoresNoNewBytes() {
        w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);
        List<String> blobsBefore = w.blobFiles();

        files.restoreVersion(w.f.bob, w.acme(), file.id(), 1);

        assertThat(w.blobFiles()).isEqualTo(blobsBefore);
    }

    @Test
    void restoringAVersionThatDoesNotExistIsNotFound() {
        w.rejects(NotFoundException.class, () -> files.restoreVersion(w.f.bob, w.acme(), file.id(), 7));
    }

    @Test
    void downloadingAVersionThatDoesNotExistIsNotFound() {
        w.rejects(NotFoundException.class, () -> downloads.download(w.f.bob, w.acme(), file.id(), OptionalInt.of(2)));
    }

    @Test
    void aClientViewerMayNotAddVersions() {
        w.rejects(io.clientworkspace.AccessDeniedException.class,
                () -> w.uploadVersion(w.f.dave, file.id(), "proposal.pdf", v2));
        w.rejects(io.clientworkspace.AccessDeniedException.class,
                () -> files.restoreVersion(w.f.dave, w.acme(), file.id(), 1));
    }

    @Test
    void aVersionOfAnInternalFileIsAnnouncedAsInternal() {
        FileAsset internal = w.upload(w.f.bob, NewUpload.of("costs.csv", "text/csv").internal(), SampleFiles.csv());

        w.uploadVersion(w.f.bob, internal.id(), "costs.csv", SampleFiles.text("a,b\n1,2\n"));

        assertThat(w.f.events.ofType(FileVersionAdded.class)).filteredOn(e -> e.fileId().equals(internal.id()))
                .extracting(FileVersionAdded::visibility).containsOnly(Visibility.TEAM);
        assertThat(w.f.head(w.acme()).visibility()).isEqualTo(Visibility.TEAM);
    }

    @Test
    void concurrentNewVersionsAreNumberedWithoutGapsOrDuplicates() throws Exception {
        int uploads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FileVersion>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < uploads; i++) {
                byte[] bytes = SampleFiles.pdf("concurrent " + i);
                io.clientworkspace.Actor uploader = i % 2 == 0 ? w.f.bob : w.f.erin;
                Callable<FileVersion> upload = () -> {
                    start.await();
                    return w.uploadVersion(uploader, file.id(), "proposal.pdf", bytes);
                };
                futures.add(pool.submit(upload));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<FileVersion> future : futures) {
                numbers.add(future.get(60, TimeUnit.SECONDS).number());
            }

            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, uploads + 1).boxed().toList());
            List<FileVersion> history = files.versions(w.f.bob, w.acme(), file.id());
            assertThat(history).extracting(FileVersion::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, uploads + 1).map(n -> uploads + 2 - n).boxed().toList());
            assertThat(history).extracting(FileVersion::blobKey).doesNotHaveDuplicates();
            assertThat(files.get(w.f.bob, w.acme(), file.id()).latestVersion()).isEqualTo(uploads + 1);
            assertThat(w.blobKeys()).hasSize(uploads + 1);
            assertThat(w.f.kit.activity().verify(w.f.bob, w.acme()).isIntact()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
