package io.clientworkspace.file;

import io.clientworkspace.tck.SampleFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Uploads and downloads stream: a 512 MiB file goes through {@code kit.files()} both ways in a JVM whose
 * heap is far smaller than the file. The Maven build runs this class alone in a forked JVM with
 * {@code -Xmx64m} (see the {@code large-file-streaming} surefire execution in this module's pom); anything
 * that held the whole file, or even a good part of it, in memory would fail with an OutOfMemoryError.
 */
class LargeFileStreamingIT {

    private static final long SIZE = 512L * 1024 * 1024 + 12_345;
    private static final byte[] PDF_HEADER = SampleFiles.latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");

    @TempDir
    Path blobDir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFileMuchLargerThanTheHeapIsUploadedAndDownloadedIntactInConstantMemory() throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        assumeTrue(heap < SIZE / 4, () -> "proves streaming only with a heap far below the file size; this JVM has "
                + heap / (1024 * 1024) + " MiB (run through Maven, which forks it with -Xmx64m)");
        FileWorld w = FileWorld.create(blobDir);
        MessageDigest sent = SampleFiles.digest();

        FileAsset file;
        try (InputStream content = new DigestInputStream(SampleFiles.generated(PDF_HEADER, 20250303L, SIZE), sent)) {
            file = w.files.upload(w.f.bob, w.acme(), NewUpload.of("archive-scan.pdf", "application/pdf"), content);
        }

        String sentHash = HexFormat.of().formatHex(sent.digest());
        FileVersion stored = w.files.versions(w.f.bob, w.acme(), file.id()).get(0);
        assertThat(stored.size()).isEqualTo(SIZE);
        assertThat(stored.sha256()).isEqualTo(sentHash);
        assertThat(stored.detectedType()).isEqualTo("application/pdf");

        MessageDigest received = SampleFiles.digest();
        long count = 0;
        try (FileDownload download = w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty())) {
            assertThat(download.version().size()).isEqualTo(SIZE);
            assertThat(download.version().sha256()).isEqualTo(sentHash);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = download.content().read(buffer)) != -1) {
                received.update(buffer, 0, n);
                count += n;
            }
        }
        assertThat(count).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sentHash);
    }
}
