package io.clientworkspace.file;

import io.clientworkspace.spi.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** A {@link BlobStore} that forwards every call; tests override the calls they want to watch or break. */
class ForwardingBlobStore implements BlobStore {

    private final BlobStore delegate;

    ForwardingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
        return delegate.put(content);
    }

    @Override
    public InputStream open(String key, String expectedSha256) throws IOException {
        return delegate.open(key, expectedSha256);
    }

    @Override
    public void delete(String key) throws IOException {
        delegate.delete(key);
    }

    @Override
    public boolean exists(String key) throws IOException {
        return delegate.exists(key);
    }

    @Override
    public List<String> keysOlderThan(Instant before, int limit) throws IOException {
        return delegate.keysOlderThan(before, limit);
    }

    @Override
    public int deleteAbandonedWrites(Instant before) throws IOException {
        return delegate.deleteAbandonedWrites(before);
    }
}
