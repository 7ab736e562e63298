package io.clientworkspace.file;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.tck.FaultInjection.InjectedFailure;
import io.clientworkspace.spi.BlobStore.StoredBlob;
import io.clientworkspace.tck.FaultInjection;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Blobs without metadata: an upload whose metadata cannot be committed deletes its own blob, and when the
 * process dies in between (or that delete fails) the orphan sweep removes what no version references.
 */
class OrphanSweepTest {

    @TempDir
    Path blobDir;

    @Test
    void anUploadWhoseMetadataFailsDeletesItsBlob() {
        FaultInjection faults = new FaultInjection();
        FileWorld w = FileWorld.create(blobDir, faults::wrap, faults.wrap(InMemoryStores.create()));
        faults.failOn("FileStore.insert");

        w.rejects(InjectedFailure.class, () -> w.upload("proposal.pdf", SampleFiles.pdf()));

        assertThat(w.blobFiles()).isEmpty();
    }

    @Test
    void aNewVersionWhoseMetadataFailsDeletesItsBlob() {
        FaultInjection faults = new FaultInjection();
        FileWorld w = FileWorld.create(blobDir, faults::wrap, faults.wrap(InMemoryStores.create()));
        FileAsset file = w.upload("proposal.pdf", SampleFiles.pdf());
        List<String> before = w.blobFiles();
        faults.failOn("FileStore.appendVersion");

        w.rejects(InjectedFailure.class, () -> w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2")));

        assertThat(w.blobFiles()).isEqualTo(before);
    }

    @Test
    void aBlobLeftByACrashBeforeTheMetadataCommitIsSwept() throws IOException {
        FileWorld w = FileWorld.create(blobDir);
        FileAsset kept = w.upload("proposal.pdf", SampleFiles.pdf());
        String keptKey = w.files.versions(w.f.bob, w.acme(), kept.id()).get(0).blobKey();
        StoredBlob orphan = w.f.kit.blobStore().put(FileWorld.in(SampleFiles.pdf("never committed")));
        w.clockAfterRealTime(Duration.ofSeconds(5));

        int removed = w.maintenance.sweepOrphanBlobs(Duration.ZERO);

        assertThat(removed).isEqualTo(1);
        assertThat(w.blobKeys()).containsExactly(keptKey);
        assertThat(w.blobFiles()).noneMatch(p -> p.contains(orphan.key()));
        assertThat(w.download(w.f.carol, kept.id(), OptionalInt.empty())).isEqualTo(SampleFiles.pdf());
    }

    @Test
    void aBlobWhoseCleanupFailedIsSweptLater() {
        FaultInjection faults = new FaultInjection();
        FileWorld w = FileWorld.create(blobDir, faults::wrap, faults.wrap(InMemoryStores.create()));
        faults.failOn("FileStore.insert", "BlobStore.delete");

        Throwable thrown = catchThrowable(() -> w.upload("a.pdf", SampleFiles.pdf("a")));

        assertThat(thrown).isInstanceOf(InjectedFailure.class);
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(FaultInjection.InjectedIoFailure.class);
        assertThat(w.allFiles(w.f.tenant.id(), w.acme())).isEmpty();
        assertThat(w.blobKeys()).hasSize(1);
        w.clockAfterRealTime(Duration.ofSeconds(5));
        assertThat(w.maintenance.sweepOrphanBlobs(Duration.ZERO)).isEqualTo(1);
        assertThat(w.blobFiles()).isEmpty();
    }

    @Test
    void everyVersionStillReferencedSurvivesTheSweep() {
        FileWorld w = FileWorld.create(blobDir);
        FileAsset file = w.upload("proposal.pdf", SampleFiles.pdf("v1"));
        w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2"));
        w.files.restoreVersion(w.f.bob, w.acme(), file.id(), 1);
        FileAsset other = w.upload(w.f.bob, NewUpload.of("costs.csv", "text/csv").internal(), SampleFiles.csv());
        w.files.trash(w.f.bob, w.acme(), other.id());
        List<String> before = w.blobFiles();
        w.clockAfterRealTime(Duration.ofSeconds(5));

        int removed = w.maintenance.sweepOrphanBlobs(Duration.ZERO);

        assertThat(removed).isZero();
        assertThat(w.blobFiles()).isEqualTo(before);
        assertThat(w.download(w.f.bob, file.id(), OptionalInt.of(1))).isEqualTo(SampleFiles.pdf("v1"));
        assertThat(w.download(w.f.bob, file.id(), OptionalInt.of(2))).isEqualTo(SampleFiles.pdf("v2"));
        assertThat(w.download(w.f.bob, file.id(), OptionalInt.of(3))).isEqualTo(SampleFiles.pdf("v1"));
        assertThat(w.download(w.f.bob, other.id(), OptionalInt.empty())).isEqualTo(SampleFiles.csv());
    }

    @Test
    void blobsOfOtherTenantsAreReferencedToo() {
        FileWorld w = FileWorld.create(blobDir);
        var globex = w.f.otherTenant();
        w.files.upload(globex.admin(), globex.workspace().id(), NewUpload.of("g.pdf", "application/pdf"),
                FileWorld.in(SampleFiles.pdf("globex")));
        w.clockAfterRealTime(Duration.ofSeconds(5));

        assertThat(w.maintenance.sweepOrphanBlobs(Duration.ZERO)).isZero();
        assertThat(w.blobKeys()).hasSize(1);
    }

    @Test
    void anOrphanYoungerThanTheGivenAgeIsLeftForNow() throws IOException {
        FileWorld w = FileWorld.create(blobDir);
        w.f.kit.blobStore().put(FileWorld.in(SampleFiles.pdf("maybe still uploading")));
        w.clockAfterRealTime(Duration.ZERO);

        assertThat(w.maintenance.sweepOrphanBlobs(Duration.ofHours(1))).isZero();
        assertThat(w.blobKeys()).hasSize(1);
        w.f.clock.advance(Duration.ofHours(2));
        assertThat(w.maintenance.sweepOrphanBlobs(Duration.ofHours(1))).isEqualTo(1);
        assertThat(w.blobFiles()).isEmpty();
    }

    @Test
    void theSweepAlsoRemovesPartialWritesAbandonedByACrash() throws IOException {
        FileWorld w = FileWorld.create(blobDir);
        Path dir = Files.createDirectories(blobDir.resolve("ab").resolve("cd"));
        Path partial = Files.write(dir.resolve("abcd" + "0".repeat(28) + ".partial"), new byte[100]);
        Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        w.clockAfterRealTime(Duration.ZERO);

        assertThat(w.maintenance.sweepOrphanBlobs(Duration.ofHours(1))).isEqualTo(1);
        assertThat(w.blobFiles()).isEmpty();
    }
}
