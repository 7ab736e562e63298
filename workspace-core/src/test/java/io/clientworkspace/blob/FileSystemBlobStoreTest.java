package io.clientworkspace.blob;

import io.clientworkspace.spi.BlobStore.BlobIntegrityException;
import io.clientworkspace.spi.BlobStore.StoredBlob;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link FileSystemBlobStore}: complete, durable, verified blobs under generated keys. */
class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    private FileSystemBlobStore store() {
        return new FileSystemBlobStore(root);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> regularFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Path blobPath(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    @Nested
    class Writing {

        @Test
        void putThenOpenReturnsTheSameBytes() throws IOException {
            FileSystemBlobStore store = store();
            byte[] content = bytes("the quick brown fox");

            StoredBlob blob = store.put(new ByteArrayInputStream(content));

            assertThat(read(store.open(blob.key(), blob.sha256()))).isEqualTo(content);
            assertThat(blob.size()).isEqualTo(content.length);
            assertThat(blob.sha256()).isEqualTo(sha256(content));
        }

        @Test
        void anEmptyBlobIsAValidBlob() throws IOException {
            FileSystemBlobStore store = store();

            StoredBlob blob = store.put(new ByteArrayInputStream(new byte[0]));

            assertThat(blob.size()).isZero();
            assertThat(read(store.open(blob.key(), blob.sha256()))).isEmpty();
        }

        @Test
        void aBlobLargerThanTheCopyBufferIsStoredWhole() throws IOException {
            FileSystemBlobStore store = store();
            long size = 5L * 64 * 1024 + 3;
            byte[] expected = SampleFiles.generated(9, size).readAllBytes();

            StoredBlob blob = store.put(SampleFiles.generated(9, size));

            assertThat(blob.size()).isEqualTo(size);
            assertThat(blob.sha256()).isEqualTo(sha256(expected));
            assertThat(read(store.open(blob.key(), blob.sha256()))).isEqualTo(expected);
        }

        @Test
        void keysAre32HexDigitsAndDifferEveryTime() throws IOException {
            FileSystemBlobStore store = store();

            StoredBlob a = store.put(new ByteArrayInputStream(bytes("same")));
            StoredBlob b = store.put(new ByteArrayInputStream(bytes("same")));

            assertThat(a.key()).matches("[0-9a-f]{32}");
            assertThat(b.key()).matches("[0-9a-f]{32}");
            assertThat(a.key()).isNotEqualTo(b.key());
        }

        @Test
        void theOnDiskLayoutHoldsOnlyTheKeyAndItsHashFile() throws IOException {
            FileSystemBlobStore store = store();

            StoredBlob blob = store.put(new ByteArrayInputStream(bytes("invoice.pdf contents")));

            Path blobFile = blobPath(blob.key());
            assertThat(regularFiles()).containsExactlyInAnyOrder(blobFile, blobFile.resolveSibling(blob.key() + ".sha256"));
            assertThat(Files.readString(blobFile.resolveSibling(blob.key() + ".sha256")).strip()).isEqualTo(blob.sha256());
            assertThat(regularFiles()).allSatisfy(p -> assertThat(root.relativize(p).toString())
                    .doesNotContain("invoice").doesNotContain(".pdf"));
        }

        @Test
        void aPutWhoseStreamFailsHalfWayLeavesNoFileBehind() throws IOException {
            FileSystemBlobStore store = store();
            InputStream failing = SampleFiles.failingAfter(SampleFiles.generated(1, 1 << 20), 200_000);

            assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IOException.class)
                    .hasMessageContaining("connection reset");

            assertThat(regularFiles()).isEmpty();
            assertThat(store.keysOlderThan(Instant.now().plusSeconds(60), 100)).isEmpty();
        }

        @Test
        void aPutWhoseStreamThrowsAnUncheckedExceptionLeavesNoFileBehind() throws IOException {
            FileSystemBlobStore store = store();
            InputStream failing = new InputStream() {
                private int calls;

                @Override
                public int read() {
                    throw new IllegalStateException("boom");
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (calls++ > 2) {
                        throw new IllegalStateException("boom");
                    }
                    return len;
                }
            };

            assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IllegalStateException.class);

            assertThat(regularFiles()).isEmpty();
        }

        @Test
        void concurrentPutsFromEightThreadsAreAllDistinctAndIntact() throws Exception {
            FileSystemBlobStore store = store();
            int threads = 8;
            int perThread = 6;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String[]>>> futures = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Callable<List<String[]>> work = () -> {
                        start.await();
                        List<String[]> written = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            long seed = thread * 1000L + i;
                            StoredBlob blob = store.put(SampleFiles.generated(seed, 100_000 + seed));
                            written.add(new String[] {blob.key(), Long.toString(seed), blob.sha256()});
                        }
                        return written;
                    };
                    futures.add(pool.submit(work));
                }
                start.countDown();
                List<String[]> all = new ArrayList<>();
                for (Future<List<String[]>> f : futures) {
                    all.addAll(f.get(60, TimeUnit.SECONDS));
                }

                assertThat(all).hasSize(threads * perThread);
                assertThat(all.stream().map(a -> a[0]).collect(Collectors.toSet())).hasSize(threads * perThread);
                for (String[] written : all) {
                    long seed = Long.parseLong(written[1]);
                    byte[] expected = SampleFiles.generated(seed, 100_000 + seed).readAllBytes();
                    assertThat(read(store.open(written[0], written[2]))).as("blob of seed %d", seed).isEqualTo(expected);
                    assertThat(written[2]).isEqualTo(sha256(expected));
                }
                assertThat(regularFiles()).hasSize(2 * threads * perThread)
                        .noneMatch(p -> p.getFileName().toString().endsWith(".partial"));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theRootDirectoryIsCreatedWhenMissing() throws IOException {
            Path nested = root.resolve("a").resolve("b");

            FileSystemBlobStore store = new FileSystemBlobStore(nested);

            assertThat(nested).isDirectory();
            assertThat(store.root()).isEqualTo(nested.toAbsolutePath().normalize());
            assertThat(read(store.open(store.put(new ByteArrayInputStream(bytes("x"))).key(), sha256(bytes("x"))))).isEqualTo(bytes("x"));
        }
    }

    @Nested
    class Reading {

        @Test
        void aFlippedByteIsDetectedWhenReadingToTheEnd() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(3, 300_000));
            byte[] onDisk = Files.readAllBytes(blobPath(blob.key()));
            onDisk[150_000] ^= 0x40;
            Files.write(blobPath(blob.key()), onDisk);

            InputStream in = store.open(blob.key(), blob.sha256());

            assertThatThrownBy(in::readAllBytes).isInstanceOf(BlobIntegrityException.class)
                    .hasMessageContaining(blob.key()).hasMessageContaining(blob.sha256());
        }

        @Test
        void aCorruptedBlobKeepsFailingAfterTheFirstErrorInsteadOfEndingCleanly() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(3, 1_000));
            byte[] onDisk = Files.readAllBytes(blobPath(blob.key()));
            onDisk[500] ^= 0x40;
            Files.write(blobPath(blob.key()), onDisk);

            try (InputStream in = store.open(blob.key(), blob.sha256())) {
                assertThatThrownBy(in::readAllBytes).isInstanceOf(BlobIntegrityException.class);
                assertThatThrownBy(in::read).isInstanceOf(BlobIntegrityException.class);
                assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(BlobIntegrityException.class);
            }
        }

        @Test
        void aTruncatedBlobIsDetected() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(4, 100_000));
            byte[] onDisk = Files.readAllBytes(blobPath(blob.key()));
            Files.write(blobPath(blob.key()), java.util.Arrays.copyOf(onDisk, 99_999));

            assertThatThrownBy(() -> read(store.open(blob.key(), blob.sha256()))).isInstanceOf(BlobIntegrityException.class);
        }

        @Test
        void anExtendedBlobIsDetected() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(new ByteArrayInputStream(bytes("exact")));
            Files.write(blobPath(blob.key()), bytes("exact and more"));

            assertThatThrownBy(() -> read(store.open(blob.key(), blob.sha256()))).isInstanceOf(BlobIntegrityException.class);
        }

        @Test
        void aChangedHashFileIsDetectedToo() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(new ByteArrayInputStream(bytes("content")));
            Files.writeString(blobPath(blob.key()).resolveSibling(blob.key() + ".sha256"), sha256(bytes("other")));

            assertThatThrownBy(() -> read(store.open(blob.key(), blob.sha256()))).isInstanceOf(BlobIntegrityException.class);
        }

        @Test
        void corruptionIsDetectedWhetherTheReaderUsesSingleBytesBuffersSkipOrTransferTo() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(5, 10_000));
            byte[] onDisk = Files.readAllBytes(blobPath(blob.key()));
            onDisk[9_000] ^= 0x01;
            Files.write(blobPath(blob.key()), onDisk);

            assertChangeDetectedHoweverItIsRead(store, blob, 9_500);
        }

        @Test
        void skippingStillVerifiesIntactBytes() throws IOException {
            FileSystemBlobStore store = store();
            byte[] expected = SampleFiles.generated(6, 10_000).readAllBytes();
            StoredBlob blob = store.put(new ByteArrayInputStream(expected));

            try (InputStream in = store.open(blob.key(), blob.sha256())) {
                assertThat(in.skip(4_000)).isEqualTo(4_000);
                assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(expected, 4_000, 10_000));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "../x", "..", "../../etc/passwd", "ABCDEF0123456789ABCDEF0123456789",
                "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0", "", "/etc/passwd",
                "0123456789abcdef0123456789abcde/"})
        void openingAnUnknownOrInvalidKeyIsFileNotFound(String key) {
            FileSystemBlobStore store = store();

            assertThatThrownBy(() -> store.open(key, sha256(bytes("x")))).isInstanceOf(FileNotFoundException.class);
        }

        @Test
        void aBlobWhoseHashFileIsMissingIsStillReadAndVerifiedAgainstTheCallersHash() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(new ByteArrayInputStream(bytes("x")));
            Files.delete(blobPath(blob.key()).resolveSibling(blob.key() + ".sha256"));

            assertThat(read(store.open(blob.key(), blob.sha256()))).isEqualTo(bytes("x"));
            assertThatThrownBy(() -> read(store.open(blob.key(), sha256(bytes("y")))))
                    .isInstanceOf(BlobIntegrityException.class);
        }

        @Test
        void existsIsTrueOnlyForStoredBlobs() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(new ByteArrayInputStream(bytes("x")));

            assertThat(store.exists(blob.key())).isTrue();
            assertThat(store.exists("0123456789abcdef0123456789abcdef")).isFalse();
            assertThat(store.exists("../x")).isFalse();
        }
    }

    @Nested
    class Deleting {

        @Test
        void deleteRemovesTheBlobAndItsHash() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(new ByteArrayInputStream(bytes("x")));

            store.delete(blob.key());

            assertThat(regularFiles()).isEmpty();
            assertThat(store.exists(blob.key())).isFalse();
            assertThatThrownBy(() -> store.open(blob.key(), blob.sha256())).isInstanceOf(FileNotFoundException.class);
        }

        @Test
        void deletingAnUnknownKeyDoesNothing() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob kept = store.put(new ByteArrayInputStream(bytes("kept")));

            store.delete("0123456789abcdef0123456789abcdef");

            assertThat(read(store.open(kept.key(), kept.sha256()))).isEqualTo(bytes("kept"));
        }

        @Test
        void deletingAnInvalidKeyTouchesNothingOutsideTheStore() throws IOException {
            Path outside = Files.writeString(root.resolve("victim.txt"), "keep me");
            FileSystemBlobStore store = new FileSystemBlobStore(root.resolve("blobs"));

            catchThrowable(() -> store.delete("../victim.txt"));
            catchThrowable(() -> store.delete("../../victim.txt"));

            assertThat(outside).hasContent("keep me");
        }
    }

    @Nested
    class Maintenance {

        @Test
        void keysOlderThanListsCompleteBlobsWrittenBeforeTheCutoff() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob old = store.put(new ByteArrayInputStream(bytes("old")));
            StoredBlob fresh = store.put(new ByteArrayInputStream(bytes("fresh")));
            Files.setLastModifiedTime(blobPath(old.key()), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            Files.writeString(blobPath(fresh.key()).resolveSibling("ffffffffffffffffffffffffffffffff.partial"), "half");

            assertThat(store.keysOlderThan(Instant.now().minus(Duration.ofDays(1)), 100)).containsExactly(old.key());
            assertThat(store.keysOlderThan(Instant.now().plus(Duration.ofMinutes(1)), 100))
                    .containsExactlyInAnyOrder(old.key(), fresh.key());
        }

        @Test
        void keysOlderThanReturnsAtMostTheLimit() throws IOException {
            FileSystemBlobStore store = store();
            for (int i = 0; i < 5; i++) {
                store.put(new ByteArrayInputStream(bytes("b" + i)));
            }

            assertThat(store.keysOlderThan(Instant.now().plus(Duration.ofMinutes(1)), 3)).hasSize(3);
        }

        @Test
        void deleteAbandonedWritesRemovesPartialFilesOlderThanTheCutoff() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob kept = store.put(new ByteArrayInputStream(bytes("kept")));
            Path dir = Files.createDirectories(root.resolve("12").resolve("34"));
            Path oldPartial = Files.writeString(dir.resolve("1234" + "0".repeat(28) + ".partial"), "half");
            Path oldHashPartial = Files.writeString(dir.resolve("1234" + "0".repeat(28) + ".sha256.partial"), "ab");
            Path freshPartial = Files.writeString(dir.resolve("1234" + "1".repeat(28) + ".partial"), "uploading");
            Path orphanHash = Files.writeString(dir.resolve("1234" + "2".repeat(28) + ".sha256"), "cd");
            FileTime yesterday = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
            for (Path p : List.of(oldPartial, oldHashPartial, orphanHash)) {
                Files.setLastModifiedTime(p, yesterday);
            }

            int removed = store.deleteAbandonedWrites(Instant.now().minus(Duration.ofHours(1)));

            assertThat(removed).isEqualTo(3);
            assertThat(oldPartial).doesNotExist();
            assertThat(oldHashPartial).doesNotExist();
            assertThat(orphanHash).doesNotExist();
            assertThat(freshPartial).exists();
            assertThat(read(store.open(kept.key(), kept.sha256()))).isEqualTo(bytes("kept"));
            assertThat(Set.copyOf(store.keysOlderThan(Instant.now().plusSeconds(60), 10))).containsExactly(kept.key());
        }
    }

    /**
     * A blob whose bytes changed fails at its end however it is read: a byte at a time, with
     * {@code transferTo}, or after skipping {@code skip} bytes (skipping over the change must not skip its hashing).
     */
    static void assertChangeDetectedHoweverItIsRead(FileSystemBlobStore store, StoredBlob blob, long skip) {
        String key = blob.key();
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(key, blob.sha256())) {
                while (in.read() != -1) {
                    // one byte at a time
                }
            }
        }).isInstanceOf(BlobIntegrityException.class);
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(key, blob.sha256())) {
                in.transferTo(new ByteArrayOutputStream());
            }
        }).isInstanceOf(BlobIntegrityException.class);
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(key, blob.sha256())) {
                in.skip(skip);
                in.readAllBytes();
            }
        }).as("skipping over the changed byte does not skip its hashing").isInstanceOf(BlobIntegrityException.class);
    }
}
