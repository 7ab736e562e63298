package io.clientworkspace;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Creates ids for new tenants, workspaces, invitations and activity entries. Injected so that tests
 * can make ids deterministic.
 *
 * <p>Implementations must be thread-safe and must never return the same id twice.
 */
@FunctionalInterface
public interface IdGenerator {

    /** A new, never-before-returned id of at most 128 printable characters. */
    String newId();

    /**
     * The default: 128-bit ids laid out like a UUIDv7 (48-bit millisecond timestamp, then random
     * bits), so ids created later sort later, which keeps database indexes compact. What it guarantees: the ids of
     * one generator (one JVM) are strictly increasing; within one millisecond (and for as long as the clock
     * stands still or runs back, when the last millisecond is kept) each id is the previous one plus a random
     * step, uniform in [1, 2^32]. It does not hide volume: two ids of the same millisecond about k·2^31 apart
     * suggest about k ids in between (of any tenant), and a gap above 2^32 proves at least one. Ids of different
     * generators (nodes) are not ordered among themselves within a millisecond or under clock skew; where order
     * across nodes matters (a conversation's messages) the caller orders them under a lock.
     */
    static IdGenerator timeOrdered(Clock clock) {
        SecureRandom random = new SecureRandom();
        long[] last = {Long.MIN_VALUE, 0L, 0L}; // millis, 12 bits of rand_a, 62 bits of rand_b
        return () -> {
            long millis = clock.millis();
            long randA;
            long randB;
            synchronized (last) {
                if (millis <= last[0]) {
                    millis = last[0];
                    randB = last[2] + (random.nextLong() >>> 32) + 1;
                    randA = last[1];
                    if (randB > 0x3FFFFFFFFFFFFFFFL) {
                        randB &= 0x3FFFFFFFFFFFFFFFL;
                        randA++;
                        if (randA > 0xFFFL) {
                            randA = 0;
                            millis++;
                        }
                    }
                } else {
                    randA = random.nextLong() & 0xFFFL;
                    // Leave room above for the steps of ids created in the same millisecond.
                    randB = random.nextLong() & 0x1FFFFFFFFFFFFFFFL;
                }
                last[0] = millis;
                last[1] = randA;
                last[2] = randB;
            }
            long msb = (millis << 16) | 0x7000L | randA;
            long lsb = randB | 0x8000000000000000L;
            return new java.util.UUID(msb, lsb).toString();
        };
    }
}
