package io.clientworkspace.internal;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Ids that must sort after a given id: a fresh id drawn on one node may sort before an id committed by another
 * node (the same millisecond, or a clock behind), so where order matters (a conversation's messages) the caller
 * asks for an id strictly greater than the latest stored one, under a lock that orders the writers.
 */
public final class OrderedIds {

    /** The lowercase UUIDv7 layout of {@link io.clientworkspace.IdGenerator#timeOrdered}. */
    private static final Pattern UUID_V7 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final long RAND_B = 0x3FFFFFFFFFFFFFFFL;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private OrderedIds() {
    }

    /** {@link #above(Optional, String, RandomGenerator)} with a secure random step. */
    public static String above(Optional<String> latest, String fresh) {
        return above(latest, fresh, RANDOM);
    }

    /**
     * An id strictly greater (in {@link String#compareTo} order, as the stores compare ids) than {@code latest}:
     * {@code fresh} itself if it already is, or there is no {@code latest}; otherwise, if {@code latest} has the
     * UUIDv7 layout of {@link io.clientworkspace.IdGenerator#timeOrdered}, {@code latest} plus a random step in
     * [1, 2^32] in the same layout (the 62 random bits, carrying into the 12 bits and then into the millisecond),
     * so it stays a valid UUIDv7. An id of any other layout gets {@code fresh} appended after a {@code '.'}
     * (greater, since {@code latest} is its prefix), as long as that fits in 128 characters; else {@code fresh}.
     */
    public static String above(Optional<String> latest, String fresh, RandomGenerator random) {
        requireNonNull(latest, "latest must not be null");
        requireNonNull(fresh, "fresh must not be null");
        requireNonNull(random, "random must not be null");
        if (latest.isEmpty() || fresh.compareTo(latest.get()) > 0) {
            return fresh;
        }
        String last = latest.get();
        if (UUID_V7.matcher(last).matches()) {
            UUID uuid = UUID.fromString(last);
            long msb = uuid.getMostSignificantBits();
            long millis = msb >>> 16;
            long randA = msb & 0xFFFL;
            long randB = (uuid.getLeastSignificantBits() & RAND_B) + (random.nextLong() >>> 32) + 1;
            if (randB > RAND_B) {
                randB &= RAND_B;
                randA++;
                if (randA > 0xFFFL) {
                    randA = 0;
                    millis++;
                }
            }
            return new UUID((millis << 16) | 0x7000L | randA, randB | 0x8000000000000000L).toString();
        }
        String appended = last + "." + fresh;
        return appended.length() <= 128 ? appended : fresh;
    }
}
