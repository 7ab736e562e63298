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
     * bits), so ids created later sort later, which keeps database indexes compact.
     */
    static IdGenerator timeOrdered(Clock clock) {
        SecureRandom random = new SecureRandom();
        return () -> {
            long millis = clock.millis();
            long randA = random.nextLong();
            long randB = random.nextLong();
            long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
            long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new java.util.UUID(msb, lsb).toString();
        };
    }
}
