package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.FileId;
import io.clientworkspace.QuotaExceededException;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-workspace storage quota (issue 10, "Limits"): every stored version counts, trashed files
 * too until purged; clients' uploads are judged on client-visible files only, so that internal files
 * never change a client's answer; an upload or new version that does not fit is refused and leaves nothing, a body
 * larger than what is left is cut off while it streams, and concurrent uploads near the quota never
 * take a workspace past it.
 */
class WorkspaceQuotaTest {

    private static final long QUOTA = 1_000;

    @TempDir
    Path blobDir;

    private FileWorld world(long quota) {
        return FileWorld.create(blobDir, b -> b.workspaceQuota(quota));
    }

    private static byte[] text(int size) {
        return SampleFiles.text("x".repeat(size));
    }

    @Test
    void anUploadThatFitsIsStoredAndCounted() {
        FileWorld w = world(QUOTA);

        w.upload("a.txt", text(600));

        assertThat(w.files.usedBytes(w.f.bob, w.acme())).isEqualTo(600);
    }

    @Test
    void anUploadPastTheQuotaIsRefusedAndLeavesNothing() {
        FileWorld w = world(QUOTA);
        w.upload("a.txt", text(600));

        QuotaExceededException e = w.rejects(QuotaExceededException.class, () -> w.upload("b.txt", text(600)));

        assertThat(e.quotaBytes()).isEqualTo(QUOTA);
        assertThat(e.usedBytes()).hasValue(600);
        assertThat(e.code()).isEqualTo("quota-exceeded");
        assertThat(w.blobKeys()).hasSize(1);
    }

    @Test
    void aClientIsNotToldTheBytesUsed() {
        FileWorld w = world(QUOTA);
        w.upload(w.f.bob, NewUpload.of("brief.txt", "text/plain"), text(600));

        QuotaExceededException e = w.rejects(QuotaExceededException.class,
                () -> w.upload(w.f.erin, NewUpload.of("b.txt", "text/plain"), text(600)));

        assertThat(e.usedBytes()).isEmpty();
        assertThat(e.getMessage()).doesNotContain("600").contains("ask the team");
    }

    @Test
    void whetherAClientsUploadFitsDoesNotDependOnInternalFiles() {
        FileWorld w = world(QUOTA);
        w.upload(w.f.bob, NewUpload.of("margins.txt", "text/plain").internal(), text(600));

        w.upload(w.f.erin, NewUpload.of("b.txt", "text/plain"), text(600));

        assertThat(w.files.usedBytes(w.f.bob, w.acme())).isEqualTo(1_200);
    }

    @Test
    void theTeamsUploadsAreJudgedOnEveryFile() {
        FileWorld w = world(QUOTA);
        w.upload(w.f.bob, NewUpload.of("margins.txt", "text/plain").internal(), text(600));
        w.upload(w.f.erin, NewUpload.of("b.txt", "text/plain"), text(300));

        QuotaExceededException e = w.rejects(QuotaExceededException.class,
                () -> w.upload(w.f.bob, NewUpload.of("c.txt", "text/plain").internal(), text(200)));

        assertThat(e.usedBytes()).hasValue(900);
    }

    @Test
    void aNewVersionPastTheQuotaIsRefused() {
        FileWorld w = world(QUOTA);
        FileAsset file = w.upload("a.txt", text(600));

        w.rejects(QuotaExceededException.class, () -> w.uploadVersion(w.f.bob, file.id(), "a.txt", text(600)));
    }

    @Test
    void anUploadOfExactlyWhatIsLeftFits() {
        FileWorld w = world(QUOTA);
        w.upload("a.txt", text(600));

        w.upload("b.txt", text(400));

        assertThat(w.files.usedBytes(w.f.bob, w.acme())).isEqualTo(QUOTA);
    }

    @Test
    void trashedFilesCountUntilPurged() {
        FileWorld w = world(QUOTA);
        FileAsset file = w.upload("a.txt", text(600));
        FileAsset trashed = w.files.trash(w.f.bob, w.acme(), file.id());

        w.rejects(QuotaExceededException.class, () -> w.upload("b.txt", text(600)));
        w.files.purge(w.f.bob, w.acme(), file.id(), trashed.version());

        assertThat(w.upload("b.txt", text(600)).latestVersion()).isEqualTo(1);
    }

    @Test
    void restoringAnOldVersionSharesItsBytesAndCountsNothingMore() {
        FileWorld w = world(QUOTA);
        FileAsset file = w.upload("a.txt", text(400));
        w.uploadVersion(w.f.bob, file.id(), "a.txt", text(500));

        w.files.restoreVersion(w.f.bob, w.acme(), file.id(), 1);

        assertThat(w.files.usedBytes(w.f.bob, w.acme())).isEqualTo(900);
    }

    @Test
    void aBodyLargerThanWhatIsLeftIsCutOffWhileItStreams() {
        FileWorld w = world(200_000);
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                read.addAndGet(len);
                return len;
            }
        };

        assertThatThrownBy(() -> w.files.upload(w.f.bob, w.acme(), NewUpload.of("big.txt", "text/plain"), endless))
                .isInstanceOf(QuotaExceededException.class);

        assertThat(read.get()).as("bytes read before the cut").isLessThan(1_000_000);
        assertThat(w.blobFiles()).isEmpty();
    }

    @Test
    void aFullWorkspaceRefusesBeforeReadingTheBody() {
        FileWorld w = world(QUOTA);
        w.upload("a.txt", text(1_000));
        AtomicLong read = new AtomicLong();
        InputStream counted = new java.io.FilterInputStream(FileWorld.in(text(10))) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };

        assertThatThrownBy(() -> w.files.upload(w.f.bob, w.acme(), NewUpload.of("b.txt", "text/plain"), counted))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(read.get()).isZero();
    }

    @Test
    void concurrentUploadsNearTheQuotaNeverTakeTheWorkspacePastIt() throws Exception {
        FileWorld w = world(QUOTA);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FileId>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = "part-" + i + ".txt";
            Callable<FileId> upload = () -> {
                start.await();
                return w.upload(name, text(400)).id();
            };
            results.add(pool.submit(upload));
        }
        start.countDown();
        int stored = 0;
        int refused = 0;
        for (Future<FileId> result : results) {
            try {
                result.get(60, TimeUnit.SECONDS);
                stored++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(QuotaExceededException.class);
                refused++;
            }
        }
        pool.shutdown();

        assertThat(stored).isEqualTo(2);
        assertThat(refused).isEqualTo(threads - 2);
        assertThat(w.files.usedBytes(w.f.bob, w.acme())).isEqualTo(800);
        assertThat(w.blobKeys()).as("no blob of a refused upload is left").hasSize(2);
    }

    @Test
    void withoutAQuotaNothingIsRefused() {
        FileWorld w = FileWorld.create(blobDir);

        w.upload("a.txt", text(100_000));

        assertThat(w.files.workspaceQuota()).isEmpty();
    }

    @Test
    void onlyTheTeamSeesTheStorageUse() {
        FileWorld w = world(QUOTA);

        assertThatThrownBy(() -> w.files.usedBytes(w.f.carol, w.acme())).isInstanceOf(AccessDeniedException.class);
    }
}
