package io.clientworkspace.spring.web;

import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FileDownloads} copies a blob whole when its bytes are intact, and never hands out the end of a
 * blob whose bytes changed on disk: the response stays short of its Content-Length, so the download
 * fails instead of completing with wrong bytes.
 */
class FileDownloadsTest {

    @TempDir
    Path root;

    private Path blobFile(String key) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(key)).findFirst().orElseThrow();
        }
    }

    @Test
    void anIntactBlobIsCopiedWhole() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] bytes = SampleFiles.randomBytes(42, 300_000);
        BlobStore.StoredBlob blob = store.put(new ByteArrayInputStream(bytes));
        String key = blob.key();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (InputStream in = store.open(key, blob.sha256())) {
            FileDownloads.copyVerified(in, out);
        }

        assertThat(out.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void aBlobChangedOnDiskFailsBeforeItsLastChunkGoesOut() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] bytes = SampleFiles.randomBytes(42, 300_000);
        BlobStore.StoredBlob blob = store.put(new ByteArrayInputStream(bytes));
        String key = blob.key();
        byte[] tampered = bytes.clone();
        tampered[1234] ^= 1;
        Files.write(blobFile(key), tampered);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(key, blob.sha256())) {
                FileDownloads.copyVerified(in, out);
            }
        }).isInstanceOf(BlobStore.BlobIntegrityException.class);

        assertThat(out.size()).isLessThan(bytes.length);
    }

    @Test
    void aBlobSmallerThanOneChunkIsHeldBackWholeUntilVerified() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        BlobStore.StoredBlob blob = store.put(new ByteArrayInputStream("small".getBytes()));
        String key = blob.key();
        Files.writeString(blobFile(key), "smell");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(key, blob.sha256())) {
                FileDownloads.copyVerified(in, out);
            }
        }).isInstanceOf(BlobStore.BlobIntegrityException.class);

        assertThat(out.size()).isZero();
    }
}
