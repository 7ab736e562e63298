package io.clientworkspace.spring.web;

import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.spi.BlobStore;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link FileDownload} of the kit to a servlet response, for the REST API and for a host's
 * own pages alike.
 *
 * <p>Headers: {@code Content-Type} as detected from the bytes at upload (never as declared),
 * {@code Content-Length}, {@code Content-Disposition: attachment} with the name both as
 * {@code filename} and as {@code filename*=UTF-8''...} (RFC 6266, built by Spring's
 * {@link ContentDisposition}), {@code ETag} = the version's SHA-256, {@code X-Content-Type-Options:
 * nosniff}, a sandboxing {@code Content-Security-Policy} and {@code Cache-Control: private, no-cache}:
 * a browser saves the file and never renders it in the site's origin, whatever it contains.
 *
 * <p>The bytes stream in constant memory. The last chunk is held back until the kit's stream has
 * verified the SHA-256 at its end, so a blob that changed on disk makes the response end short of its
 * {@code Content-Length}: the client sees a failed download instead of complete but wrong bytes.
 */
public final class FileDownloads {

    private static final Logger log = LoggerFactory.getLogger(FileDownloads.class);
    private static final int CHUNK = 64 * 1024;

    private FileDownloads() {
    }

    /** Writes the download (status 200, headers, bytes) and closes it. */
    public static void write(FileDownload download, HttpServletResponse response) throws IOException {
        try (download) {
            FileVersion version = download.version();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(version.detectedType());
            response.setContentLengthLong(version.size());
            response.setHeader(HttpHeaders.ETAG, "\"" + version.sha256() + "\"");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(version.name(), StandardCharsets.UTF_8).build().toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            try {
                copyVerified(download.content(), response.getOutputStream());
            } catch (BlobStore.BlobIntegrityException e) {
                log.error("Refused to finish the download of version {} of file {} in workspace {}: {}", version.number(),
                        version.fileId(), version.workspaceId(), e.getMessage());
                throw e;
            }
        }
    }

    /** Copies, always one chunk behind, so that the last chunk goes out only after the end was verified. */
    static void copyVerified(InputStream in, OutputStream out) throws IOException {
        byte[] held = new byte[CHUNK];
        byte[] next = new byte[CHUNK];
        int heldCount = in.read(held);
        if (heldCount == -1) {
            return;
        }
        while (true) {
            int n = in.read(next);
            out.write(held, 0, heldCount);
            if (n == -1) {
                return;
            }
            byte[] swap = held;
            held = next;
            next = swap;
            heldCount = n;
        }
    }
}
