package io.clientworkspace.blob;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forces a blob that is being written to disk while the put goes on writing, so that the disk flushes the first
 * part of a large blob while the put still reads, hashes and writes the rest, and the put's own final force only
 * has the tail left.
 *
 * <p>It forces through a channel of its own on the file: {@code fsync} flushes the file's data whichever
 * descriptor asks, and an interrupt of this thread (a host shutting its executor down) then closes only this
 * channel, never the one the put writes to. Such an interrupt stops the flushing early and is not a failure: the
 * put's final force still makes the blob durable. Any other failure is kept for the put, which fails with it.
 */
final class BackgroundFlusher extends BackgroundTask {

    private final Path file;
    private final FileSystemBlobStore.DiskFlush flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private long written;
    private boolean stopped;
    private volatile @Nullable Throwable failure;

    BackgroundFlusher(Path file, FileSystemBlobStore.DiskFlush flush) {
        this.file = file;
        this.flush = flush;
    }

    /** The put has written {@code total} bytes so far: force them when the disk is free. */
    void written(long total) {
        lock.lock();
        try {
            written = total;
            progressed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** What a background force threw, if one failed. */
    @Nullable Throwable failure() {
        return failure;
    }

    /**
     * Stops flushing and returns once no flush runs any more (a force in progress is waited for: the put's
     * final force would have had to do its work anyway).
     *
     * @return what a background force threw, if one failed
     */
    @Nullable Throwable stop() {
        lock.lock();
        try {
            stopped = true;
            progressed.signal();
        } finally {
            lock.unlock();
        }
        cancelOrJoin();
        return failure;
    }

    @Override
    void work() {
        FileChannel opened;
        try {
            opened = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            // Flushing early is only an optimisation (e.g. no file handle left): the put's own final force still
            // makes the blob durable, and reports a disk error if there is one.
            return;
        }
        try (FileChannel channel = opened) {
            long flushed = 0;
            while (true) {
                long target;
                lock.lock();
                try {
                    while (!stopped && written == flushed) {
                        progressed.await();
                    }
                    if (stopped) {
                        return;
                    }
                    target = written;
                } finally {
                    lock.unlock();
                }
                flush.force(channel);
                flushed = target;
            }
        } catch (InterruptedException | ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }
}
