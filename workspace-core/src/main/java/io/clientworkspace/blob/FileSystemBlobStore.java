package io.clientworkspace.blob;

import io.clientworkspace.spi.BlobStore;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
 * is complete and durable. Keys never contain anything from the caller. Reads verify the hash as
 * they go and throw {@link BlobIntegrityException} at the end of a blob whose bytes changed.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final String HASH_SUFFIX = ".sha256";
    private static final String TEMP_SUFFIX = ".partial";
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    /** A store under {@code root}, created if missing. */
    public FileSystemBlobStore(Path root) {
        this.root = requireNonNull(root, "root must not be null").toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob directory " + this.root, e);
        }
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
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(key + TEMP_SUFFIX);
        Path hashTemp = dir.resolve(key + HASH_SUFFIX + TEMP_SUFFIX);
        MessageDigest sha = sha256();
        long size = 0;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
                }
                out.force(true);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            try (FileChannel out = FileChannel.open(hashTemp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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

    @Override
    public InputStream open(String key) throws IOException {
        Path path = path(checkKey(key));
        String expected;
        try {
            expected = Files.readString(hashPath(key), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No blob with key " + key);
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No blob with key " + key);
        }
        return new VerifyingInputStream(in, key, expected);
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Hashes what is read and compares at the end. */
    private static final class VerifyingInputStream extends FilterInputStream {
        private final String key;
        private final String expected;
        private final MessageDigest sha = sha256();
        private boolean verified;

        VerifyingInputStream(InputStream in, String key, String expected) {
            super(in);
            this.key = key;
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b == -1) {
                verify();
            } else {
                sha.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n == -1) {
                verify();
            } else {
                sha.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping would bypass the hash: read and discard instead.
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r == -1) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void verify() throws IOException {
            if (verified) {
                return;
            }
            verified = true;
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(expected)) {
                throw new BlobIntegrityException("Blob " + key + " is corrupted: its SHA-256 is " + actual
                        + " but " + expected + " was recorded when it was written");
            }
        }
    }

    @Override
    public String toString() {
        return "FileSystemBlobStore[" + root + "]";
    }
}
