package io.clientworkspace.file;

import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * A download in progress: which version, and its bytes as a stream that verifies their SHA-256 as it
 * is read. Close it.
 *
 * @param file    the file
 * @param version the version being downloaded (name, type, size, SHA-256)
 * @param content the bytes
 */
public record FileDownload(FileAsset file, FileVersion version, InputStream content) implements AutoCloseable {

    public FileDownload {
        requireNonNull(file, "file must not be null");
        requireNonNull(version, "version must not be null");
        requireNonNull(content, "content must not be null");
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
