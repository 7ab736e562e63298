package io.clientworkspace.blob;

import io.clientworkspace.spi.BlobStore.BlobIntegrityException;
import io.clientworkspace.spi.BlobStore.StoredBlob;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link FileSystemBlobStore} with blobs large enough for background work: a put flushes to disk in the
 * background, a read verifies ahead of the caller; every guarantee of the single-threaded path still holds, no
 * background work outlives the call that started it, and nothing is left behind when something fails.
 *
 * <p>Most tests shrink the thresholds (a blob is large beyond {@value #LARGE} bytes, read ahead in buffers of
 * {@value #BUFFER} bytes) so that they stay fast; {@link Defaults} checks the real ones.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileSystemBlobStoreLargeBlobTest {

    static final int LARGE = 256 * 1024;
    static final int BUFFER = 64 * 1024;

    @TempDir
    Path root;

    private final Threads executor = new Threads();
    private final Flushes flushes = new Flushes();

    @AfterEach
    void noBackgroundThreadIsLeft() throws InterruptedException {
        executor.awaitAllEnded();
    }

    private FileSystemBlobStore store(Executor executor) {
        return new FileSystemBlobStore(root, executor, tuning(flushes));
    }

    private FileSystemBlobStore store() {
        return store(executor);
    }

    static FileSystemBlobStore.Tuning tuning(FileSystemBlobStore.DiskFlush flush) {
        return new FileSystemBlobStore.Tuning(LARGE, BUFFER, LARGE, 3, BUFFER, TimeUnit.MILLISECONDS.toNanos(20), flush);
    }

    private static byte[] content(long seed, long size) {
        try {
            return SampleFiles.generated(seed, size).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private Path blobPath(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private List<Path> regularFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The files under the store's root this process holds open (Linux only). */
    private List<String> openFiles() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
        List<String> open = new ArrayList<>();
        try (Stream<Path> list = Files.list(fds)) {
            for (Path fd : list.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(root.toString())) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // closed meanwhile, or the listing's own descriptor
                }
            }
        }
        return open;
    }

    private StoredBlob corrupt(FileSystemBlobStore store, long size, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        StoredBlob blob = store.put(SampleFiles.generated(size, size));
        Files.write(blobPath(blob.key()), change.apply(Files.readAllBytes(blobPath(blob.key()))));
        return blob;
    }

    @Nested
    class RoundTrips {

        @ParameterizedTest(name = "{0} bytes")
        @ValueSource(ints = {LARGE - 1, LARGE, LARGE + 1, 10 * BUFFER - 1, 10 * BUFFER, 10 * BUFFER + 1,
                3 * 1024 * 1024 + 17})
        void aBlobOnEitherSideOfTheThresholdIsStoredAndReadBackWhole(int size) throws IOException {
            FileSystemBlobStore store = store();
            byte[] expected = content(size, size);

            StoredBlob blob = store.put(SampleFiles.generated(size, size));

            assertThat(blob.size()).isEqualTo(size);
            assertThat(blob.sha256()).isEqualTo(sha256(expected));
            assertThat(read(store.open(blob.key(), blob.sha256()))).isEqualTo(expected);
            assertThat(regularFiles()).hasSize(2).noneMatch(p -> p.toString().endsWith(".partial"));
        }

        @ParameterizedTest(name = "{0} bytes")
        @ValueSource(ints = {LARGE - 1, LARGE})
        void aBlobUpToTheThresholdNeverStartsABackgroundTask(int size) throws IOException {
            FileSystemBlobStore store = store();

            StoredBlob blob = store.put(SampleFiles.generated(size, size));
            read(store.open(blob.key(), blob.sha256()));

            assertThat(executor.started()).isZero();
            assertThat(flushes.calls()).isZero();
        }

        @Test
        void aBlobBeyondTheThresholdIsFlushedInTheBackgroundAndReadAhead() throws IOException {
            FileSystemBlobStore store = store();

            StoredBlob blob = store.put(SampleFiles.generated(1, LARGE + 1));
            assertThat(executor.started()).isOne();

            read(store.open(blob.key(), blob.sha256()));
            assertThat(executor.started()).isEqualTo(2);
        }

        @Test
        void thePutGoesOnWritingWhileTheDiskFlushes() throws IOException {
            // The content stops half-way until a background flush has happened: only a flush on another thread
            // while the put is still writing can let it go on.
            FileSystemBlobStore store = store();
            InputStream content = new java.io.SequenceInputStream(SampleFiles.generated(2, 2L * LARGE), new InputStream() {
                private final InputStream rest = SampleFiles.generated(3, LARGE);

                @Override
                public int read() throws IOException {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    waitUntil(() -> flushes.calls() > 0);
                    return rest.read(b, off, len);
                }
            });

            StoredBlob blob = store.put(content);

            assertThat(blob.size()).isEqualTo(3L * LARGE);
        }

        @Test
        void readingOneByteAtATimeReturnsEveryByte() throws IOException {
            FileSystemBlobStore store = store();
            byte[] expected = content(4, 5L * BUFFER + 3);
            StoredBlob blob = store.put(SampleFiles.generated(4, expected.length));

            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try (InputStream in = store.open(blob.key(), blob.sha256())) {
                int b;
                while ((b = in.read()) != -1) {
                    got.write(b);
                }
                assertThat(in.read()).isEqualTo(-1);
            }

            assertThat(got.toByteArray()).isEqualTo(expected);
        }

        @Test
        void skippingAndTransferringReturnTheRightBytes() throws IOException {
            FileSystemBlobStore store = store();
            byte[] expected = content(5, 7L * BUFFER + 11);
            StoredBlob blob = store.put(SampleFiles.generated(5, expected.length));

            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            try (InputStream in = store.open(blob.key(), blob.sha256())) {
                assertThat(in.read()).isEqualTo(expected[0] & 0xff);
                assertThat(in.skip(3L * BUFFER)).isEqualTo(3L * BUFFER);
                assertThat(in.transferTo(rest)).isEqualTo(expected.length - 1 - 3L * BUFFER);
            }

            assertThat(rest.toByteArray()).isEqualTo(Arrays.copyOfRange(expected, 1 + 3 * BUFFER, expected.length));
        }

        @Test
        void skippingPastTheEndStopsThere() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(6, LARGE + 100));

            try (InputStream in = store.open(blob.key(), blob.sha256())) {
                assertThat(in.skip(10L * LARGE)).isEqualTo(LARGE + 100);
                assertThat(in.read()).isEqualTo(-1);
            }
        }

        @Test
        void concurrentLargePutsAndReadsAreAllIntact() throws Exception {
            FileSystemBlobStore store = store();
            int threads = 6;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Callable<Integer> work = () -> {
                        start.await();
                        for (int i = 0; i < 3; i++) {
                            long seed = thread * 100L + i;
                            long size = 2L * LARGE + seed * 997;
                            StoredBlob blob = store.put(SampleFiles.generated(seed, size));
                            assertThat(read(store.open(blob.key(), blob.sha256()))).as("blob of seed %d", seed)
                                    .isEqualTo(content(seed, size));
                            assertThat(blob.sha256()).isEqualTo(sha256(content(seed, size)));
                        }
                        return thread;
                    };
                    futures.add(pool.submit(work));
                }
                start.countDown();
                for (Future<Integer> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            // One task per transfer, except while the store's permits are all taken (then on the caller's thread).
            assertThat(executor.started()).isPositive().isLessThanOrEqualTo(2 * threads * 3);
            assertThat(regularFiles()).hasSize(2 * threads * 3).noneMatch(p -> p.toString().endsWith(".partial"));
        }
    }

    @Nested
    class FailingPuts {

        @ParameterizedTest(name = "on flush number {0}")
        @ValueSource(ints = {1, 3})
        void aFailingBackgroundFlushFailsThePutAndLeavesNothingBehind(int failing) throws IOException {
            Flushes failingFlushes = new Flushes().failingOn(failing, new IOException("the disk is on fire"));
            FileSystemBlobStore store = new FileSystemBlobStore(root, executor, tuning(failingFlushes));

            Throwable thrown = catchThrowable(() -> store.put(lockstep(SampleFiles.generated(7, 20L * LARGE), failingFlushes)));

            assertThat(thrown).isInstanceOf(IOException.class).hasMessageContaining("the disk is on fire")
                    .hasRootCauseMessage("the disk is on fire");
            assertThat(failingFlushes.calls()).isEqualTo(failing);
            assertThat(regularFiles()).isEmpty();
            assertThat(openFiles()).isEmpty();
            assertThat(executor.threads()).noneMatch(Threads::inBackgroundWork);
        }

        @Test
        void aBackgroundFlushThatThrowsAnUncheckedExceptionFailsThePutToo() throws IOException {
            Flushes failingFlushes = new Flushes().failingOn(1, new IllegalStateException("driver bug"));
            FileSystemBlobStore store = new FileSystemBlobStore(root, executor, tuning(failingFlushes));

            assertThatThrownBy(() -> store.put(lockstep(SampleFiles.generated(8, 20L * LARGE), failingFlushes)))
                    .isInstanceOf(IOException.class).hasRootCauseInstanceOf(IllegalStateException.class);
            assertThat(regularFiles()).isEmpty();
        }

        @Test
        void aPutWaitsForAFlushInProgressBeforeItReturns() throws IOException {
            Flushes slowFlushes = new Flushes().takingMillis(20);
            FileSystemBlobStore store = new FileSystemBlobStore(root, executor, tuning(slowFlushes));

            store.put(lockstep(SampleFiles.generated(9, 8L * LARGE), slowFlushes));

            assertThat(slowFlushes.calls()).isPositive();
            assertThat(slowFlushes.inFlight()).isZero();
            assertThat(executor.threads()).noneMatch(Threads::inBackgroundWork);
            assertThat(openFiles()).isEmpty();
        }

        @Test
        void aPutWhoseStreamFailsAfterTheFlushStartedLeavesNothingBehind() throws IOException {
            FileSystemBlobStore store = store();
            InputStream failing = SampleFiles.failingAfter(SampleFiles.generated(10, 20L * LARGE), 6L * LARGE);

            assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IOException.class)
                    .hasMessageContaining("connection reset");

            assertThat(executor.started()).isOne();
            assertThat(executor.threads()).noneMatch(Threads::inBackgroundWork);
            assertThat(regularFiles()).isEmpty();
            assertThat(openFiles()).isEmpty();
        }

        @Test
        void aPutWhoseCallerIsInterruptedFailsLeavesNothingBehindAndKeepsTheInterrupt() throws IOException {
            FileSystemBlobStore store = store();
            InputStream interrupting = new InputStream() {
                private final InputStream bytes = SampleFiles.generated(11, 20L * LARGE);
                private long delivered;

                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (delivered > 4L * LARGE) {
                        Thread.currentThread().interrupt();
                    }
                    int n = bytes.read(b, off, len);
                    delivered += Math.max(n, 0);
                    return n;
                }
            };

            Throwable thrown;
            boolean interrupted;
            try {
                thrown = catchThrowable(() -> store.put(interrupting));
            } finally {
                interrupted = Thread.interrupted();
            }

            assertThat(thrown).isInstanceOf(ClosedByInterruptException.class);
            assertThat(interrupted).isTrue();
            assertThat(executor.started()).isOne();
            assertThat(executor.threads()).noneMatch(Threads::inBackgroundWork);
            assertThat(regularFiles()).isEmpty();
            assertThat(openFiles()).isEmpty();
        }

        @Test
        void aHostInterruptingTheFlushStopsTheFlushingButNotThePut() throws IOException {
            FileSystemBlobStore store = store();
            byte[] expected = content(12, 12L * LARGE);
            InputStream content = new InputStream() {
                private final InputStream bytes = SampleFiles.generated(12, 12L * LARGE);
                private long delivered;
                private boolean interrupted;

                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (delivered > 4L * LARGE && !interrupted) {
                        interrupted = true;
                        waitUntil(() -> flushes.calls() > 0);
                        executor.interruptAll();
                        try {
                            executor.awaitAllEnded();
                        } catch (InterruptedException e) {
                            throw new InterruptedIOException();
                        }
                    }
                    int n = bytes.read(b, off, len);
                    delivered += Math.max(n, 0);
                    return n;
                }
            };

            StoredBlob blob = store.put(content);

            assertThat(blob.sha256()).isEqualTo(sha256(expected));
            assertThat(read(store.open(blob.key(), blob.sha256()))).isEqualTo(expected);
        }
    }

    @Nested
    class Verifying {

        @ParameterizedTest(name = "byte {0} of the blob")
        @ValueSource(ints = {0, BUFFER - 1, BUFFER, 5 * BUFFER + 7, 10 * BUFFER - 1})
        void aFlippedByteIsDetectedAtTheEndOfTheBlob(int at) throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = corrupt(store, 10L * BUFFER, bytes -> {
                bytes[at] ^= 0x20;
                return bytes;
            });

            try (InputStream in = store.open(blob.key(), blob.sha256())) {
                assertThat(in.readNBytes(10 * BUFFER)).hasSize(10 * BUFFER);
                assertThatThrownBy(in::read).isInstanceOf(BlobIntegrityException.class)
                        .hasMessageContaining(blob.key()).hasMessageContaining(blob.sha256());
                assertThatThrownBy(in::read).as("and at every read after").isInstanceOf(BlobIntegrityException.class);
            }
        }

        @ParameterizedTest(name = "to {0} bytes")
        @ValueSource(ints = {LARGE + 1, 9 * BUFFER, 10 * BUFFER - 1})
        void aTruncatedBlobIsDetected(int length) throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = corrupt(store, 10L * BUFFER, bytes -> Arrays.copyOf(bytes, length));

            assertThatThrownBy(() -> read(store.open(blob.key(), blob.sha256()))).isInstanceOf(BlobIntegrityException.class);
        }

        @Test
        void anExtendedBlobIsDetected() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = corrupt(store, 10L * BUFFER, bytes -> Arrays.copyOf(bytes, bytes.length + BUFFER));

            assertThatThrownBy(() -> read(store.open(blob.key(), blob.sha256()))).isInstanceOf(BlobIntegrityException.class);
        }

        @Test
        void corruptionIsDetectedWhetherTheReaderUsesSingleBytesSkipOrTransferTo() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = corrupt(store, 6L * BUFFER + 5, bytes -> {
                bytes[2 * BUFFER] ^= 0x01;
                return bytes;
            });

            FileSystemBlobStoreTest.assertChangeDetectedHoweverItIsRead(store, blob, 6L * BUFFER + 5);
        }

        @Test
        void aFailureOfTheBackgroundReadReachesTheCallerAtItsNextRead() throws Exception {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(13, 10L * BUFFER));

            try (InputStream in = store.open(blob.key(), blob.sha256())) {
                assertThat(in.read()).isNotEqualTo(-1);
                executor.interruptAll();
                executor.awaitAllEnded();

                assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining(blob.key())
                        .hasCauseInstanceOf(IOException.class);
                assertThatThrownBy(() -> in.read(new byte[10])).as("and at every read after")
                        .isInstanceOf(IOException.class);
            }
            assertThat(openFiles()).isEmpty();
        }
    }

    @Nested
    class Closing {

        @Test
        void closingMidStreamStopsTheReaderAndReleasesTheFile() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(14, 40L * BUFFER));

            InputStream in = store.open(blob.key(), blob.sha256());
            assertThat(in.readNBytes(100)).hasSize(100);
            in.close();

            assertThat(executor.threads()).noneMatch(Threads::inBackgroundWork);
            assertThat(openFiles()).isEmpty();
            assertThatThrownBy(in::read).isInstanceOf(IOException.class);
            in.close();
        }

        @Test
        void closingWaitsForTheReaderToStop() throws IOException {
            // Buffers large enough that the reader is surely still busy with one when the caller closes.
            int big = 8 * 1024 * 1024;
            FileSystemBlobStore store = new FileSystemBlobStore(root, executor, new FileSystemBlobStore.Tuning(LARGE, BUFFER,
                    LARGE, 2, big, TimeUnit.MILLISECONDS.toNanos(20), flushes));
            StoredBlob blob = store.put(SampleFiles.generated(23, 3L * big));

            InputStream in = store.open(blob.key(), blob.sha256());
            assertThat(in.read()).isNotEqualTo(-1);
            in.close();

            assertThat(executor.threads()).noneMatch(Threads::inBackgroundWork);
            assertThat(openFiles()).isEmpty();
        }

        @Test
        void closingBeforeReadingAnythingReleasesTheFile() throws IOException {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(15, 40L * BUFFER));

            store.open(blob.key(), blob.sha256()).close();

            assertThat(executor.threads()).noneMatch(Threads::inBackgroundWork);
            assertThat(openFiles()).isEmpty();
        }

        @Test
        void aStreamDroppedWithoutClosingStopsItsReaderOnceCollected() throws Exception {
            FileSystemBlobStore store = store();
            StoredBlob blob = store.put(SampleFiles.generated(16, 40L * BUFFER));
            openAndDrop(store, blob);

            Thread reader = executor.threads().get(executor.threads().size() - 1);
            for (int i = 0; i < 300 && reader.isAlive(); i++) {
                System.gc();
                reader.join(100);
            }

            assertThat(reader.isAlive()).isFalse();
            assertThat(openFiles()).isEmpty();
        }

        private void openAndDrop(FileSystemBlobStore store, StoredBlob blob) throws IOException {
            InputStream in = store.open(blob.key(), blob.sha256());
            assertThat(in.read()).isNotEqualTo(-1);
        }
    }

    @Nested
    class HostExecutors {

        @Test
        void anExecutorThatRefusesEverythingLeavesTheWorkToTheCaller() throws IOException {
            FileSystemBlobStore store = store(task -> {
                throw new RejectedExecutionException("full");
            });
            byte[] expected = content(17, 5L * LARGE);

            StoredBlob blob = store.put(SampleFiles.generated(17, expected.length));

            assertThat(read(store.open(blob.key(), blob.sha256()))).isEqualTo(expected);
            assertThat(flushes.calls()).isZero();
        }

        @Test
        void aDirectExecutorKeepsEverythingOnTheCallersThread() throws IOException {
            AtomicInteger ran = new AtomicInteger();
            FileSystemBlobStore store = store(task -> {
                ran.incrementAndGet();
                task.run();
            });
            byte[] expected = content(18, 5L * LARGE);

            StoredBlob blob = store.put(SampleFiles.generated(18, expected.length));
            byte[] back = read(store.open(blob.key(), blob.sha256()));

            assertThat(back).isEqualTo(expected);
            assertThat(ran).hasValue(2);
            assertThat(flushes.calls()).isZero();
            StoredBlob bad = corrupt(store, 5L * LARGE, bytes -> {
                bytes[7] ^= 1;
                return bytes;
            });
            assertThatThrownBy(() -> read(store.open(bad.key(), bad.sha256()))).isInstanceOf(BlobIntegrityException.class);
        }

        @Test
        void anExecutorThatNeverGetsToTheTasksSlowsTransfersDownButNeverBlocksThem() throws IOException {
            List<Runnable> queued = new CopyOnWriteArrayList<>();
            FileSystemBlobStore store = store(queued::add);
            byte[] expected = content(19, 5L * LARGE);

            StoredBlob blob = store.put(SampleFiles.generated(19, expected.length));
            InputStream in = store.open(blob.key(), blob.sha256());
            byte[] back = read(in);
            StoredBlob bad = corrupt(store, 5L * LARGE, bytes -> {
                bytes[bytes.length - 1] ^= 1;
                return bytes;
            });
            Throwable corrupted = catchThrowable(() -> read(store.open(bad.key(), bad.sha256())));
            queued.forEach(Runnable::run);

            assertThat(back).isEqualTo(expected);
            assertThat(corrupted).isInstanceOf(BlobIntegrityException.class);
            assertThat(queued).hasSize(4);
            assertThat(flushes.calls()).as("tasks that start too late do nothing").isZero();
            assertThat(openFiles()).isEmpty();
            assertThat(read(store.open(blob.key(), blob.sha256()))).isEqualTo(expected);
        }

        @Test
        void aStreamOpenedOnAPoolThreadOfTheStoresOwnExecutorAndReadElsewhereIsReadInFull() throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                FileSystemBlobStore store = store(pool);
                byte[] expected = content(20, 5L * LARGE);
                StoredBlob blob = store.put(SampleFiles.generated(20, expected.length));

                // The pool's only thread opens the stream; its read-ahead task queues behind that very call and then
                // runs on the thread that opened the stream, which cancels it: the reader here must not wait for it.
                InputStream in = pool.submit(() -> store.open(blob.key(), blob.sha256())).get();
                pool.submit(() -> { }).get();

                assertThat(read(in)).isEqualTo(expected);
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Test
        void moreLargeTransfersThanPermitsAtOnceAllWorkTheRestOnTheCallersThread() throws IOException {
            FileSystemBlobStore store = store();
            byte[] expected = content(21, 5L * LARGE);
            StoredBlob blob = store.put(SampleFiles.generated(21, expected.length));
            int startedBefore = executor.started();
            int streams = FileSystemBlobStore.MAX_BACKGROUND_TASKS + 3;

            List<InputStream> open = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                open.add(store.open(blob.key(), blob.sha256()));
            }
            int started = executor.started() - startedBefore;
            for (InputStream in : open) {
                assertThat(read(in)).isEqualTo(expected);
            }

            assertThat(started).as("background readers started for %d open streams", streams)
                    .isEqualTo(FileSystemBlobStore.MAX_BACKGROUND_TASKS);
            assertThat(openFiles()).isEmpty();
            // Every permit came back: the next transfers get background readers again.
            for (int i = 0; i < FileSystemBlobStore.MAX_BACKGROUND_TASKS; i++) {
                open.set(i, store.open(blob.key(), blob.sha256()));
            }
            assertThat(executor.started() - startedBefore).isEqualTo(2 * FileSystemBlobStore.MAX_BACKGROUND_TASKS);
            for (int i = 0; i < FileSystemBlobStore.MAX_BACKGROUND_TASKS; i++) {
                assertThat(read(open.get(i))).isEqualTo(expected);
            }
        }

        @Test
        void theExecutorMustNotBeNull() {
            assertThatThrownBy(() -> new FileSystemBlobStore(root, null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("executor");
        }
    }

    /** The real thresholds, executor and thread names. */
    @Nested
    class Defaults {

        private static final long MIB = 1024 * 1024;

        @Test
        void blobsOfUpTo16MiBUseNoThreadAndLargerOnesOneTaskPerTransfer() throws IOException {
            FileSystemBlobStore store = new FileSystemBlobStore(root, executor);

            StoredBlob small = store.put(SampleFiles.generated(20, 16 * MIB));
            assertThat(read(store.open(small.key(), small.sha256()))).hasSize((int) (16 * MIB));
            assertThat(executor.started()).isZero();

            StoredBlob large = store.put(SampleFiles.generated(21, 16 * MIB + 1));
            assertThat(executor.started()).isOne();
            assertThat(sha256(read(store.open(large.key(), large.sha256())))).isEqualTo(large.sha256())
                    .isEqualTo(sha256(content(21, 16 * MIB + 1)));
            assertThat(executor.started()).isEqualTo(2);
        }

        @Test
        void theDefaultExecutorStartsADaemonThreadNamedCwkBlobPerLargeTransfer() throws Exception {
            Flushes recording = new Flushes();
            FileSystemBlobStore store = new FileSystemBlobStore(root, BackgroundTask.daemonThreadPerTask(), tuning(recording));
            StoredBlob blob = store.put(lockstep(SampleFiles.generated(22, 4L * LARGE), recording));
            List<Thread> seen = recording.threads();

            assertThat(seen).isNotEmpty().allSatisfy(t -> {
                assertThat(t.getName()).startsWith("cwk-blob-");
                assertThat(t.isDaemon()).isTrue();
            });
            seen.get(0).join(10_000);
            assertThat(seen.get(0).isAlive()).as("the thread ends with the put").isFalse();
            assertThat(read(new FileSystemBlobStore(root).open(blob.key(), blob.sha256()))).hasSize(4 * LARGE);
        }
    }

    /** Waits (at most 30 seconds, then fails) until {@code condition} holds. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws IOException {
        try {
            for (int i = 0; i < 30_000 && !condition.getAsBoolean(); i++) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        if (!condition.getAsBoolean()) {
            throw new IOException("gave up waiting: nothing happened in the background");
        }
    }

    /**
     * Content that goes on only as fast as the background flushes: the put reads it in chunks of {@value #BUFFER}
     * bytes and, having written more than {@value #LARGE}, asks for a flush after every chunk; each later read
     * waits until every flush asked for has happened (or one failed). So the flusher surely works while the put
     * writes, however late the machine schedules its thread.
     */
    private static InputStream lockstep(InputStream bytes, Flushes flushes) {
        return new InputStream() {
            private int reads;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                reads++;
                int asked = reads - 1 - LARGE / BUFFER;
                if (asked > 0) {
                    waitUntil(() -> flushes.calls() >= asked || flushes.failed());
                }
                return bytes.read(b, off, Math.min(len, BUFFER));
            }
        };
    }

    /** Counts the background flushes and forces for real, or fails, or takes its time. */
    private static final class Flushes implements FileSystemBlobStore.DiskFlush {
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private int failOn;
        private Exception failure = new IOException();
        private long millis;
        private volatile boolean failed;

        Flushes failingOn(int call, Exception failure) {
            this.failOn = call;
            this.failure = failure;
            return this;
        }

        Flushes takingMillis(long millis) {
            this.millis = millis;
            return this;
        }

        @Override
        public void force(java.nio.channels.FileChannel channel) throws IOException {
            inFlight.incrementAndGet();
            threads.add(Thread.currentThread());
            try {
                if (calls.incrementAndGet() == failOn) {
                    failed = true;
                    if (failure instanceof IOException io) {
                        throw io;
                    }
                    throw (RuntimeException) failure;
                }
                if (millis > 0) {
                    Thread.sleep(millis);
                }
                channel.force(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.nio.channels.ClosedByInterruptException();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        int calls() {
            return calls.get();
        }

        int inFlight() {
            return inFlight.get();
        }

        boolean failed() {
            return failed;
        }

        List<Thread> threads() {
            return List.copyOf(threads);
        }
    }

    /** A host's executor: a thread per task, all of them kept, to look at and to interrupt. */
    static final class Threads implements Executor {
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void execute(Runnable task) {
            Thread thread = new Thread(task, "host-" + threads.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        int started() {
            return threads.size();
        }

        List<Thread> threads() {
            return List.copyOf(threads);
        }

        void interruptAll() {
            threads.forEach(Thread::interrupt);
        }

        void awaitAllEnded() throws InterruptedException {
            for (Thread t : threads) {
                t.join(30_000);
                assertThat(t.isAlive()).as("%s ended", t.getName()).isFalse();
            }
        }

        /**
         * Whether the thread is inside a blob task's work. A snapshot: once a call has waited for its task, the
         * task's thread can no longer be there, whatever it still does on its way out.
         */
        static boolean inBackgroundWork(Thread thread) {
            return Stream.of(thread.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("io.clientworkspace.blob.")
                    && f.getMethodName().equals("work"));
        }
    }
}
