package io.clientworkspace.blob;

import io.clientworkspace.spi.BlobStore.BlobIntegrityException;
import io.clientworkspace.spi.BlobStore.StoredBlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Finding 6 of issue 10: the blob store no longer trusts its surroundings. Its files are private to the user
 * running the kit, it refuses a root someone else controls, and reads are verified against the hash the caller
 * passes from the database, not the {@code .sha256} file beside the blob.
 */
class FileSystemBlobStoreHardeningTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static Path blobPath(Path root, String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private boolean posix() {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    private static Set<PosixFilePermission> mode(Path path) throws IOException {
        return Files.getPosixFilePermissions(path);
    }

    @Test
    void anAttackerWhoReplacesBothTheBlobAndItsHashFileIsDetectedOnRead() throws Exception {
        Path root = dir.resolve("blobs");
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes("the signed contract")));
        byte[] forged = bytes("the forged contract");
        Path file = blobPath(root, blob.key());
        Files.write(file, forged);
        Files.writeString(file.resolveSibling(blob.key() + ".sha256"), sha256(forged));

        assertThatThrownBy(() -> read(store.open(blob.key(), blob.sha256())))
                .isInstanceOf(BlobIntegrityException.class)
                .hasMessageContaining(blob.key()).hasMessageContaining(blob.sha256());
    }

    @Test
    void anAttackerWhoReplacesOnlyTheBlobIsDetectedOnRead() throws Exception {
        Path root = dir.resolve("blobs");
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes("the signed contract")));
        Files.write(blobPath(root, blob.key()), bytes("the forged contract"));

        assertThatThrownBy(() -> read(store.open(blob.key(), blob.sha256()))).isInstanceOf(BlobIntegrityException.class);
    }

    @Test
    void theExpectedHashIsCheckedForItsShape() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes("x")));

        assertThatThrownBy(() -> store.open(blob.key(), "not-a-hash")).isInstanceOf(IllegalArgumentException.class);
        assertThat(read(store.open(blob.key(), blob.sha256().toUpperCase(java.util.Locale.ROOT)))).isEqualTo(bytes("x"));
    }

    @Test
    void directoriesAre0700AndFilesAre0600() throws Exception {
        assumeThat(posix()).as("POSIX permissions").isTrue();
        Path root = dir.resolve("blobs");
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        store.put(new ByteArrayInputStream(bytes("private")));

        assertThat(mode(root)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.filter(p -> !p.equals(root)).toList();
            assertThat(all).hasSize(4); // two directory levels, the blob and its hash file
            for (Path p : all) {
                assertThat(mode(p)).as(p.toString())
                        .isEqualTo(PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }
    }

    @Test
    void theTemporaryFileOfAPutInProgressIs0600() throws Exception {
        assumeThat(posix()).as("POSIX permissions").isTrue();
        Path root = dir.resolve("blobs");
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        Set<PosixFilePermission>[] seen = new Set[1];
        InputStream content = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left == 5) {
                    try (Stream<Path> walk = Files.walk(root)) {
                        Path partial = walk.filter(p -> p.toString().endsWith(".partial")).findFirst().orElseThrow();
                        seen[0] = Files.getPosixFilePermissions(partial);
                    }
                }
                return left-- > 0 ? 'x' : -1;
            }
        };

        store.put(content);

        assertThat(seen[0]).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anExistingRootOfOursIsTightenedTo0700() throws Exception {
        assumeThat(posix()).as("POSIX permissions").isTrue();
        Path root = Files.createDirectory(dir.resolve("blobs"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        new FileSystemBlobStore(root);

        assertThat(mode(root)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aRootThatIsASymbolicLinkIsRefusedNamingThePath() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);

        assertThatThrownBy(() -> new FileSystemBlobStore(link)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(link.toString()).hasMessageContaining("symbolic link")
                .hasMessageContaining("real directory");
    }

    @Test
    void aRootThatIsAFileIsRefusedNamingThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("blobs"), "not a directory");

        assertThatThrownBy(() -> new FileSystemBlobStore(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a directory");
    }

    @Test
    void aRootOwnedByAnotherUserIsRefusedNamingThePathAndTheFix() throws Exception {
        assumeThat(posix()).as("POSIX permissions").isTrue();
        Path root = Files.createDirectory(dir.resolve("blobs"));
        UserPrincipal me = Files.getOwner(root);
        UserPrincipal someoneElse = otherUser(me);
        assumeThat(someoneElse).as("another user on this machine").isNotNull();

        assertThatThrownBy(() -> FileSystemBlobStore.prepareRoot(root, someoneElse))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(root.toString()).hasMessageContaining("owned by " + me.getName())
                .hasMessageContaining("chown");
    }

    @Test
    void aRootChownedToAnotherUserIsRefusedByTheConstructor() throws Exception {
        assumeThat(posix()).as("POSIX permissions").isTrue();
        Path root = Files.createDirectory(dir.resolve("blobs"));
        UserPrincipal someoneElse = otherUser(Files.getOwner(root));
        assumeThat(someoneElse).as("another user on this machine").isNotNull();
        try {
            Files.setOwner(root, someoneElse);
        } catch (IOException notPermitted) {
            assumeThat(false).as("permission to chown (root)").isTrue();
        }

        assertThatThrownBy(() -> new FileSystemBlobStore(root)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(root.toString()).hasMessageContaining("owned by " + someoneElse.getName());
    }

    private static UserPrincipal otherUser(UserPrincipal me) {
        for (String name : new String[] {"nobody", "daemon", "root"}) {
            try {
                UserPrincipal candidate = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(name);
                if (!candidate.equals(me)) {
                    return candidate;
                }
            } catch (IOException | UnsupportedOperationException e) {
                // not on this machine
            }
        }
        return null;
    }
}
