package io.clientworkspace.blob;

import io.clientworkspace.spi.BlobStore.BlobIntegrityException;
import org.jspecify.annotations.Nullable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob's bytes, hashed on the caller's thread as they are read and compared with the recorded hash at the end:
 * the stream of small blobs, and of every blob when no background thread is available.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final String key;
    private final String expected;
    private final MessageDigest sha = FileSystemBlobStore.sha256();
    private boolean verified;
    private @Nullable String mismatch;

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
        byte[] buffer = new byte[(int) Math.min(FileSystemBlobStore.BUFFER, Math.max(n, 1))];
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
        if (!verified) {
            verified = true;
            mismatch = FileSystemBlobStore.mismatch(key, expected, sha.digest());
        }
        // Every read at the end fails again: a caller that catches the first never sees a clean end of a bad blob.
        if (mismatch != null) {
            throw new BlobIntegrityException(mismatch);
        }
    }
}
