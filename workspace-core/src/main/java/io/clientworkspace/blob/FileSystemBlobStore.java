package io.clientworkspace.blob;

import io.clientworkspace.spi.BlobStore;

import org.jspecify.annotations.Nullable;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A {@link BlobStore} on a local (or mounted) file system.
 *
 * <p>Layout: {@code root/ab/cd/abcd...} where the key is 32 random hex digits from {@link SecureRandom};
 * next to each blob a {@code .sha256} file holds the hash recorded at write time. A put streams into
 * a temporary file in the target directory, forces it to disk, writes and forces the hash file, then
 * atomically renames the blob into place and forces the directory, so a blob is visible only once it
 * is complete and durable. Keys never contain anything from the caller. Reads verify the bytes as they go
 * against the hash the caller passes (the one in the database) and throw {@link BlobIntegrityException} at the
 * end of a blob whose bytes differ, or at once when the {@code .sha256} file already differs from it; the
 * {@code .sha256} file serves the orphan sweep and integrity tooling, never as the reference for a read.
 *
 * <h2>Permissions and the root</h2>
 * Where the file system supports POSIX permissions, the store creates its directories {@code 0700} and its files
 * (temporary files during a put included) {@code 0600}, and tightens an existing root to {@code 0700}, so that no
 * other local user can read or replace blobs. The constructor refuses a root that is a symbolic link, that exists
 * but is not a directory, or (POSIX) that is owned by another user, with an {@link IllegalStateException} naming
 * the path and what to fix.
 *
 * <h2>Threads and memory</h2>
 * Blobs of up to 16 MiB are written and read on the caller's thread alone, with one 64 KiB buffer. Larger
 * blobs use one task each on the store's {@link Executor}, so that the disk and the hashing work at once:
 * <ul>
 *   <li>a {@linkplain #put put} whose blob grows beyond 16 MiB starts a task that forces the data written so
 *       far to disk (every 16 MiB) while the caller goes on reading, hashing and writing; it holds no buffer.
 *       The put waits for the task before it returns or throws, whatever happens (an exception, an interrupt),
 *       and fails, leaving nothing behind, if a background flush fails;</li>
 *   <li>a stream {@linkplain #open opened} on a blob larger than 16 MiB starts a task that reads and hashes the
 *       file into 4 buffers of 256 KiB (1 MiB of heap per open stream, allocated as they are first needed, and
 *       the JDK's temporary direct buffer of 256 KiB for the reading thread) while the caller consumes them. The
 *       task runs until the end of the blob or until the stream is closed;
 *       {@link InputStream#close()} stops it and waits for it (at most one buffer read). A stream dropped
 *       without being closed is noticed once the garbage collector has cleared it: the task then stops within
 *       about a second and closes the file. Close the streams you open.</li>
 * </ul>
 * The default executor ({@link #FileSystemBlobStore(Path)}) starts a daemon thread named {@code cwk-blob-<n>}
 * per such transfer, which ends with it; no pool stays behind. A host that wants its own threads passes its
 * executor ({@link #FileSystemBlobStore(Path, Executor)}). The store never blocks on the executor: a task the
 * executor refuses, or runs on the calling thread ({@code Runnable::run}), or has not started after 50 ms when a
 * reader needs its first bytes, is done without, on the caller's thread, as for a small blob. So
 * {@code Runnable::run} keeps every transfer on the caller's thread. A task that the executor runs later on the
 * very thread that opened the stream is cancelled there and the stream reads on its consumer's thread instead. A
 * store runs at most {@code max(4, 2 × processors)} background tasks at once; transfers beyond that (and transfers
 * of streams dropped without being closed, until they are collected) work on the caller's thread alone, so
 * threads and read-ahead memory stay bounded however many transfers run. A background task interrupted by the
 * host stops: a flush quietly (the put's own final force still makes the blob durable and reports a disk error,
 * as Linux reports a write-back error to every file descriptor of the file since 4.13), a read-ahead with an
 * {@link IOException} at the caller's next read.
 *
 * <p>A read-ahead task waits, holding its thread, while the consumer is slow to take its buffers. So do not give
 * the store an executor whose threads also run the code that consumes the streams (for example the pool that
 * writes HTTP responses): with every thread waiting for a consumer that waits for a thread, downloads would stall.
 * Give it an executor of its own, or keep the default.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final String HASH_SUFFIX = ".sha256";
    private static final String TEMP_SUFFIX = ".partial";
    static final int BUFFER = 64 * 1024;
    private static final long MIB = 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** Blobs larger than this use a background task; smaller ones never do. */
    private static final long LARGE = 16 * MIB;
    /** Background tasks one store runs at once: twice the processors, at least 4. */
    static final int MAX_BACKGROUND_TASKS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final Path root;
    private final Executor executor;
    /** At most this many background tasks at once per store; transfers beyond it work on the caller's thread. */
    private final Semaphore backgroundTasks = new Semaphore(MAX_BACKGROUND_TASKS);
    private final Tuning tuning;
    private final SecureRandom random = new SecureRandom();
    /** Whether the root's file system supports POSIX permissions (then directories are 0700 and files 0600). */
    private final boolean posix;

    /**
     * A store under {@code root}, created if missing, that uses a daemon thread per transfer of a blob larger than
     * 16 MiB (see the class description).
     */
    public FileSystemBlobStore(Path root) {
        this(root, BackgroundTask.daemonThreadPerTask(), Tuning.DEFAULT);
    }

    /**
     * A store under {@code root}, created if missing, that runs the background work of transfers of blobs larger
     * than 16 MiB on {@code executor}: one task per transfer, for as long as the transfer lasts (see the class
     * description). The executor should be able to run as many tasks at once as the host runs large transfers at
     * once; a task it cannot start soon is done without. {@code Runnable::run} keeps every transfer on the
     * caller's thread.
     */
    public FileSystemBlobStore(Path root, Executor executor) {
        this(root, requireNonNull(executor, "executor must not be null"), Tuning.DEFAULT);
    }

    FileSystemBlobStore(Path root, Executor executor, Tuning tuning) {
        this.root = requireNonNull(root, "root must not be null").toAbsolutePath().normalize();
        this.executor = executor;
        this.tuning = requireNonNull(tuning, "tuning must not be null");
        this.posix = prepareRoot(this.root, null);
    }

    /**
     * Creates the root (0700 where POSIX permissions exist) or checks the existing one: not a symbolic link, a
     * directory, and, with POSIX permissions, owned by {@code owner} (the user running this JVM when null); an
     * existing root of that owner is tightened to 0700.
     *
     * @return whether the root's file system supports POSIX permissions
     * @throws IllegalStateException naming the path and what to fix when the root is refused
     */
    static boolean prepareRoot(Path root, @Nullable UserPrincipal owner) {
        if (Files.isSymbolicLink(root)) {
            throw new IllegalStateException("The blob directory " + root + " is a symbolic link; whoever can change the"
                    + " link can redirect the file contents. Configure the real directory it points to instead.");
        }
        try {
            if (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalStateException("The blob directory " + root + " exists but is not a directory;"
                            + " remove it or configure another path.");
                }
            } else {
                Path parent = root.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                boolean posixHere = supportsPosix(parent == null ? root : parent);
                try {
                    if (posixHere) {
                        Files.createDirectory(root, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
                    } else {
                        Files.createDirectory(root);
                    }
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    return prepareRoot(root, owner);
                }
            }
            boolean posix = supportsPosix(root);
            if (posix) {
                UserPrincipal expected = owner != null ? owner : currentUser(root);
                UserPrincipal actual = Files.getOwner(root, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (expected != null && !actual.equals(expected)) {
                    throw new IllegalStateException("The blob directory " + root + " is owned by " + actual.getName()
                            + ", not by " + expected.getName() + " who runs the kit; another user could read or"
                            + " replace file contents there. Configure a directory of your own, for example a new"
                            + " subdirectory that the kit creates (on a shared volume too), or change its owner with chown.");
                }
                Files.setPosixFilePermissions(root, DIRECTORY_MODE);
            }
            return posix;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or check the blob directory " + root, e);
        }
    }

    private static boolean supportsPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    /** The owner the file system gives a file this process creates, or null if no file can be created to learn it. */
    private static @Nullable UserPrincipal currentUser(Path root) {
        for (Path dir : new Path[] {root, Path.of(System.getProperty("java.io.tmpdir"))}) {
            Path probe = null;
            try {
                probe = Files.createTempFile(dir, ".owner-probe", ".tmp");
                return Files.getOwner(probe);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // try the next place
            } finally {
                if (probe != null) {
                    try {
                        Files.deleteIfExists(probe);
                    } catch (IOException ignored) {
                        // a stray empty probe file in the temp directory harms nothing
                    }
                }
            }
        }
        return null;
    }

    /** The directory the blobs live in. */
    public Path root() {
        return root;
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
        requireNonNull(content, "content must not be null");
        String key = newKey();
        Path target = path(key);
        Path dir = requireNonNull(target.getParent(), "a blob's path lies under the root");
        createDirectories(dir);
        Path temp = dir.resolve(key + TEMP_SUFFIX);
        Path hashTemp = dir.resolve(key + HASH_SUFFIX + TEMP_SUFFIX);
        MessageDigest sha = sha256();
        long size = 0;
        try {
            try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    fileAttributes())) {
                BackgroundFlusher flusher = null;
                long flushAt = tuning.flushAfter();
                try {
                    byte[] buffer = new byte[BUFFER];
                    ByteBuffer wrapped = ByteBuffer.wrap(buffer);
                    int n;
                    while ((n = content.read(buffer)) != -1) {
                        sha.update(buffer, 0, n);
                        wrapped.clear().limit(n);
                        while (wrapped.hasRemaining()) {
                            out.write(wrapped);
                        }
                        size += n;
                        if (size > flushAt) {
                            if (flusher == null) {
                                flusher = new BackgroundFlusher(temp, tuning.backgroundFlush());
                                if (!flusher.start(executor, backgroundTasks)) {
                                    flusher = null;
                                    flushAt = Long.MAX_VALUE;
                                    continue;
                                }
                            }
                            Throwable failed = flusher.failure();
                            if (failed != null) {
                                throw backgroundFlushFailed(failed);
                            }
                            flusher.written(size);
                            flushAt = size + tuning.flushEvery() - 1;
                        }
                    }
                } catch (IOException | RuntimeException | Error e) {
                    if (flusher != null) {
                        Throwable failed = flusher.stop();
                        if (failed != null && failed != e.getCause()) {
                            e.addSuppressed(failed);
                        }
                    }
                    throw e;
                }
                if (flusher != null) {
                    Throwable failed = flusher.stop();
                    if (failed != null) {
                        throw backgroundFlushFailed(failed);
                    }
                }
                out.force(true);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            try (FileChannel out = FileChannel.open(hashTemp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    fileAttributes())) {
                out.write(ByteBuffer.wrap(hash.getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
            move(hashTemp, dir.resolve(key + HASH_SUFFIX));
            move(temp, target);
            forceDirectory(dir);
            return new StoredBlob(key, size, hash);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            deleteQuietly(hashTemp, e);
            deleteQuietly(dir.resolve(key + HASH_SUFFIX), e);
            deleteQuietly(target, e);
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the {@code .sha256} file beside the blob already differs from {@code expectedSha256}, this throws
     * {@link BlobIntegrityException} at once; a missing {@code .sha256} file does not matter to a read.
     */
    @Override
    public InputStream open(String key, String expectedSha256) throws IOException {
        requireNonNull(expectedSha256, "expectedSha256 must not be null");
        if (!SHA256.matcher(expectedSha256).matches()) {
            throw new IllegalArgumentException("expectedSha256 must be 64 hexadecimal digits");
        }
        String expected = expectedSha256.toLowerCase(Locale.ROOT);
        Path path = path(checkKey(key));
        try {
            String recorded = Files.readString(hashPath(key), StandardCharsets.US_ASCII).strip();
            if (!recorded.equals(expected)) {
                throw new BlobIntegrityException("Blob " + key + " is corrupted or was replaced: the hash file beside it"
                        + " says " + recorded + " but " + expected + " was recorded when it was written");
            }
        } catch (NoSuchFileException e) {
            // the hash file is for tooling; the blob is checked against the caller's hash as it is read
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No blob with key " + key);
        }
        try {
            if (channel.size() > tuning.readAheadAfter()) {
                InputStream readAhead = ReadAheadInputStream.start(channel, key, expected, tuning.readAheadBuffers(),
                        tuning.readAheadBufferSize(), tuning.waitForStartNanos(), executor, backgroundTasks);
                if (readAhead != null) {
                    return readAhead;
                }
            }
            return new VerifyingInputStream(Channels.newInputStream(channel), key, expected);
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = path(checkKey(key));
        Files.deleteIfExists(path);
        Files.deleteIfExists(hashPath(key));
    }

    @Override
    public boolean exists(String key) {
        return KEY.matcher(key).matches() && Files.isRegularFile(path(key));
    }

    @Override
    public List<String> keysOlderThan(Instant before, int limit) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (keys.size() >= limit) {
                    break;
                }
                String name = p.getFileName().toString();
                if (KEY.matcher(name).matches() && Files.isRegularFile(p)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    keys.add(name);
                }
            }
        }
        return keys;
    }

    @Override
    public int deleteAbandonedWrites(Instant before) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(TEMP_SUFFIX) && Files.isRegularFile(p)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        // A hash file whose blob never arrived is an abandoned write too.
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(HASH_SUFFIX) && !Files.exists(p.resolveSibling(name.substring(0, name.length() - HASH_SUFFIX.length())))
                        && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private void createDirectories(Path dir) throws IOException {
        if (!posix) {
            Files.createDirectories(dir);
            return;
        }
        // Create each missing level 0700 ourselves: createDirectories would apply the attribute but a concurrent
        // put may create a level in between, which is fine, since it creates it 0700 as well.
        @Nullable Path missing = dir;
        java.util.ArrayDeque<Path> levels = new java.util.ArrayDeque<>();
        while (missing != null && !missing.equals(root) && !Files.isDirectory(missing)) {
            levels.push(missing);
            missing = missing.getParent();
        }
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(DIRECTORY_MODE);
        for (Path level : levels) {
            try {
                Files.createDirectory(level, mode);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another put created it
            }
        }
    }

    private FileAttribute<?>[] fileAttributes() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    private String newKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Path path(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private Path hashPath(String key) {
        return path(key).resolveSibling(key + HASH_SUFFIX);
    }

    private static String checkKey(String key) throws FileNotFoundException {
        requireNonNull(key, "key must not be null");
        if (!KEY.matcher(key).matches()) {
            throw new FileNotFoundException("No blob with key " + key);
        }
        return key;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The blob directory's file system cannot rename atomically: " + to.getParent(), e);
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }

    private static void deleteQuietly(Path path, Throwable failure) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static IOException backgroundFlushFailed(Throwable failure) {
        return new IOException("Forcing the new blob to disk failed: " + failure.getMessage(), failure);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The message of a {@link BlobIntegrityException}, or null if {@code digest} is the expected hash. */
    static @Nullable String mismatch(String key, String expected, byte[] digest) {
        String actual = HexFormat.of().formatHex(digest);
        return actual.equals(expected) ? null : "Blob " + key + " is corrupted: its SHA-256 is " + actual
                + " but " + expected + " was recorded when it was written";
    }

    /** How a background flush forces a file's written data to disk; a seam for tests. */
    @FunctionalInterface
    interface DiskFlush {
        void force(FileChannel channel) throws IOException;
    }

    /**
     * When the store uses a background thread, and how much memory it gives it.
     *
     * @param flushAfter          a put starts flushing in the background once the blob grows beyond this many bytes
     * @param flushEvery          and asks for a flush after each further this many bytes
     * @param readAheadAfter      blobs larger than this are read ahead
     * @param readAheadBuffers    how many buffers a read-ahead stream fills ahead of the caller
     * @param readAheadBufferSize the size of each
     * @param waitForStartNanos   how long a reader waits for the executor to start its read-ahead before reading alone
     * @param backgroundFlush     how the background flush forces the data
     */
    record Tuning(long flushAfter, long flushEvery, long readAheadAfter, int readAheadBuffers, int readAheadBufferSize,
                  long waitForStartNanos, DiskFlush backgroundFlush) {

        static final Tuning DEFAULT = new Tuning(LARGE, 16 * MIB, LARGE, 4, 256 * 1024,
                TimeUnit.MILLISECONDS.toNanos(50), channel -> channel.force(false));

        Tuning {
            if (flushAfter < 0 || flushEvery < 1 || readAheadAfter < 0 || readAheadBuffers < 2 || readAheadBufferSize < 1
                    || waitForStartNanos < 0) {
                throw new IllegalArgumentException("invalid tuning");
            }
            requireNonNull(backgroundFlush, "backgroundFlush must not be null");
        }
    }

    @Override
    public String toString() {
        return "FileSystemBlobStore[" + root + "]";
    }
}
