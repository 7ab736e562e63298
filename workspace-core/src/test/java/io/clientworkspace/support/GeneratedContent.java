package io.clientworkspace.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An input stream of {@code length} pseudo-random bytes from a seed, made as it is read: any size
 * without a file and without holding it in memory. The same seed and length give the same bytes.
 * An optional header (a file signature such as {@code %PDF-}) replaces the first bytes.
 */
public final class GeneratedContent extends InputStream {

    private final SplittableRandom random;
    private final byte[] header;
    private final long length;
    private long position;
    private long word;
    private int wordBytesLeft;

    private GeneratedContent(long seed, byte[] header, long length) {
        if (length < header.length) {
            throw new IllegalArgumentException("length must cover the header");
        }
        this.random = new SplittableRandom(seed);
        this.header = header.clone();
        this.length = length;
    }

    /** {@code length} bytes from {@code seed}. */
    public static GeneratedContent of(long seed, long length) {
        return new GeneratedContent(seed, new byte[0], length);
    }

    /** {@code length} bytes from {@code seed}, starting with {@code header}. */
    public static GeneratedContent withHeader(byte[] header, long seed, long length) {
        return new GeneratedContent(seed, Objects.requireNonNull(header, "header"), length);
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return next() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = next();
        }
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    private byte next() {
        long at = position++;
        if (at < header.length) {
            return header[(int) at];
        }
        if (wordBytesLeft == 0) {
            word = random.nextLong();
            wordBytesLeft = 8;
        }
        byte b = (byte) word;
        word >>>= 8;
        wordBytesLeft--;
        return b;
    }

    /** A stream that delivers {@code good} bytes of {@code in} and then fails, like a dropped connection. */
    public static InputStream failingAfter(InputStream in, long good) {
        return new InputStream() {
            private long delivered;

            @Override
            public int read() throws IOException {
                check(1);
                int b = in.read();
                delivered++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (delivered >= good) {
                    throw new IOException("connection reset after " + delivered + " bytes");
                }
                int n = in.read(b, off, (int) Math.min(len, good - delivered));
                if (n > 0) {
                    delivered += n;
                }
                return n;
            }

            private void check(int n) throws IOException {
                if (delivered + n > good) {
                    throw new IOException("connection reset after " + delivered + " bytes");
                }
            }
        };
    }
}
