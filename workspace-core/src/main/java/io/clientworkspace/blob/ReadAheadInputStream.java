package io.clientworkspace.blob;

import io.clientworkspace.spi.BlobStore.BlobIntegrityException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A large blob's verifying stream that reads ahead: a background task reads the file and hashes it into a few
 * buffers while the caller consumes the ones filled before, so that reading and hashing overlap whatever the
 * caller does with the bytes (writes them to a file or a socket).
 *
 * <p>It keeps the guarantees of {@link VerifyingInputStream}: every byte is hashed, by the background task, whether
 * the caller reads it, skips it or transfers it; the read that reaches the end of a blob whose hash does not match
 * throws {@link BlobIntegrityException} (and so does every read after it); a failure of the background read
 * reaches the caller on its next read. {@link #close()} stops the background task, waits for it (at most one buffer
 * read and hashed) and releases the file.
 *
 * <p>If the executor has not started the task when the caller first needs bytes, the caller waits a moment and
 * then cancels it and reads on its own thread instead (a saturated host executor slows a download down to the
 * single-threaded pace but never blocks it). A stream that is dropped without being closed is noticed once the
 * garbage collector has cleared it: the background task then stops at its next check (every second while it waits
 * for the caller) and closes the file.
 */
final class ReadAheadInputStream extends InputStream {

    private static final long ABANDON_CHECK_SECONDS = 1;
    private static final int TRANSFER_CHUNK = 64 * 1024;

    private final Pipe pipe;

    private ReadAheadInputStream(Pipe pipe) {
        this.pipe = pipe;
    }

    /**
     * Starts reading {@code channel} ahead on {@code executor}, if one of {@code permits} is free.
     *
     * @return the stream, or null if the reader will not run (the channel is untouched then)
     */
    static @Nullable InputStream start(FileChannel channel, String key, String expected, int buffers, int bufferSize,
                                       long waitForStartNanos, Executor executor, Semaphore permits) {
        Pipe pipe = new Pipe(channel, key, expected, buffers, bufferSize, waitForStartNanos);
        ReadAheadInputStream stream = new ReadAheadInputStream(pipe);
        // The reader knows the stream only weakly, so that a stream nobody holds any more can be collected.
        pipe.stream = new WeakReference<>(stream);
        return pipe.start(executor, permits) ? stream : null;
    }

    @Override
    public int read() throws IOException {
        Pipe p = pipe;
        if (p.inline != null) {
            return p.inline.read();
        }
        if (p.pos == p.limit || p.halted) {
            if (!p.next()) {
                return -1;
            }
            if (p.inline != null) {
                return p.inline.read();
            }
        }
        return p.current[p.pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        Pipe p = pipe;
        if (p.inline != null) {
            return p.inline.read(b, off, len);
        }
        if (len == 0) {
            return 0;
        }
        if (p.pos == p.limit || p.halted) {
            if (!p.next()) {
                return -1;
            }
            if (p.inline != null) {
                return p.inline.read(b, off, len);
            }
        }
        int n = Math.min(len, p.limit - p.pos);
        System.arraycopy(p.current, p.pos, b, off, n);
        p.pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // The background task hashes every byte, so skipping only moves through the buffers it filled.
        Pipe p = pipe;
        if (p.inline != null) {
            return p.inline.skip(n);
        }
        long skipped = 0;
        while (skipped < n) {
            if (p.pos == p.limit || p.halted) {
                if (!p.next()) {
                    break;
                }
                if (p.inline != null) {
                    return skipped + p.inline.skip(n - skipped);
                }
            }
            int step = (int) Math.min(n - skipped, p.limit - p.pos);
            p.pos += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        Pipe p = pipe;
        return p.inline != null ? p.inline.available() : p.limit - p.pos;
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        // Copies through a buffer of its own rather than handing the reader's buffers to a stream that might keep them.
        byte[] chunk = new byte[TRANSFER_CHUNK];
        long transferred = 0;
        int n;
        while ((n = read(chunk, 0, chunk.length)) != -1) {
            out.write(chunk, 0, n);
            transferred += n;
        }
        return transferred;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        pipe.close();
    }

    /**
     * The buffers between the background reader and the caller, and the reader itself. The ring of buffers is
     * guarded by {@link #lock}; {@link #current}, {@link #pos}, {@link #limit}, {@link #takeIndex} and
     * {@link #inline} belong to the caller's thread, {@link #fillIndex} to the reader's.
     */
    private static final class Pipe extends BackgroundTask {
        private final FileChannel channel;
        private final String key;
        private final String expected;
        private final byte[][] buffers;
        private final int[] lengths;
        private final int bufferSize;
        private final long waitForStartNanos;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition filled = lock.newCondition();
        private final Condition freed = lock.newCondition();
        private WeakReference<ReadAheadInputStream> stream = new WeakReference<>(null);

        // guarded by lock
        private int full;
        private boolean held;
        private boolean ended;
        private @Nullable String mismatch;
        private @Nullable Throwable failure;
        private boolean closed;

        // the reader's
        private int fillIndex;

        // the caller's
        private int takeIndex;
        private byte[] current = new byte[0];
        private int pos;
        private int limit;
        private @Nullable InputStream inline;

        /**
         * Set with {@link #failure} and {@link #closed}, read without the lock, so that a failure or a close stops
         * the caller at its next read, even in the middle of a buffer.
         */
        private volatile boolean halted;

        Pipe(FileChannel channel, String key, String expected, int buffers, int bufferSize, long waitForStartNanos) {
            this.channel = channel;
            this.key = key;
            this.expected = expected;
            this.buffers = new byte[buffers][];
            this.lengths = new int[buffers];
            this.bufferSize = bufferSize;
            this.waitForStartNanos = waitForStartNanos;
        }

        @Override
        void work() {
            boolean interrupted = false;
            try {
                MessageDigest sha = FileSystemBlobStore.sha256();
                while (true) {
                    if (!awaitFreeBuffer()) {
                        return;
                    }
                    if (buffers[fillIndex] == null) {
                        buffers[fillIndex] = new byte[bufferSize];
                    }
                    byte[] buffer = buffers[fillIndex];
                    int n = fill(buffer);
                    sha.update(buffer, 0, n);
                    lock.lock();
                    try {
                        if (n > 0) {
                            lengths[fillIndex] = n;
                            full++;
                        }
                        if (n < buffer.length) {
                            mismatch = FileSystemBlobStore.mismatch(key, expected, sha.digest());
                            ended = true;
                        }
                        filled.signal();
                        if (ended) {
                            return;
                        }
                    } finally {
                        lock.unlock();
                    }
                    fillIndex = (fillIndex + 1) % buffers.length;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                fail(new InterruptedIOException("The read-ahead of blob " + key + " was interrupted"));
            } catch (IOException | RuntimeException | Error e) {
                // An interrupt while reading closes the channel and arrives here as ClosedByInterruptException.
                fail(e);
            } finally {
                closeChannel();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Waits until a buffer is free; false if the stream was closed or abandoned meanwhile. */
        private boolean awaitFreeBuffer() throws InterruptedException {
            lock.lock();
            try {
                while (!closed && full + (held ? 1 : 0) == buffers.length) {
                    if (!freed.await(ABANDON_CHECK_SECONDS, TimeUnit.SECONDS) && stream.get() == null) {
                        // Nobody holds the stream any more: nobody will read or close it.
                        closed = true;
                    }
                }
                return !closed;
            } finally {
                lock.unlock();
            }
        }

        /** Reads until the buffer is full or the file ends. */
        private int fill(byte[] buffer) throws IOException {
            ByteBuffer target = ByteBuffer.wrap(buffer);
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) {
                    break;
                }
            }
            return target.position();
        }

        private void fail(Throwable e) {
            lock.lock();
            try {
                failure = e;
                halted = true;
                filled.signal();
            } finally {
                lock.unlock();
            }
        }

        /**
         * Moves the caller on to the next filled buffer, or to reading on its own thread ({@link #inline}) if the
         * reader never started.
         *
         * @return false at the end of an intact blob
         */
        boolean next() throws IOException {
            lock.lock();
            try {
                if (held) {
                    held = false;
                    freed.signal();
                }
                while (true) {
                    if (closed) {
                        throw new IOException("The stream of blob " + key + " is closed");
                    }
                    if (failure != null) {
                        throw new IOException("Reading blob " + key + " failed: " + failure.getMessage(), failure);
                    }
                    if (full > 0) {
                        full--;
                        held = true;
                        current = buffers[takeIndex];
                        pos = 0;
                        limit = lengths[takeIndex];
                        takeIndex = (takeIndex + 1) % buffers.length;
                        return true;
                    }
                    if (ended) {
                        if (mismatch != null) {
                            throw new BlobIntegrityException(mismatch);
                        }
                        return false;
                    }
                    if (cancelled()) {
                        // The reader never ran and never will (the executor did not get to it in time, or handed
                        // it to the thread that opened this stream, which cancels it): read on this thread
                        // instead, from the start.
                        inline = new VerifyingInputStream(Channels.newInputStream(channel), key, expected);
                        return true;
                    }
                    if (waiting()) {
                        if (filled.awaitNanos(waitForStartNanos) <= 0) {
                            cancel(); // fails if the reader has started meanwhile: then wait for its bytes
                        }
                    } else {
                        filled.await();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the bytes of blob " + key);
            } finally {
                lock.unlock();
            }
        }

        void close() throws IOException {
            lock.lock();
            try {
                closed = true;
                halted = true;
                freed.signalAll();
                filled.signalAll();
            } finally {
                lock.unlock();
            }
            cancelOrJoin();
            InputStream in = inline;
            if (in != null) {
                in.close();
            }
            channel.close();
        }

        private void closeChannel() {
            try {
                channel.close();
            } catch (IOException e) {
                // Only reading: nothing is lost; the caller's close closes it again and reports.
            }
        }
    }
}
