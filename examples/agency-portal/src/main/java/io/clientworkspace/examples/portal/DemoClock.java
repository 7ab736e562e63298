package io.clientworkspace.examples.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * The portal's clock, which the kit uses (the starter takes the host's {@link Clock} bean): the system clock in UTC,
 * except while the demo data tells the demo's past at startup ({@link DemoData}, {@link DemoHistory}): then it is set
 * back, so that what happened "five days ago" (Acme's approval request, which makes Acme need attention on the
 * dashboard) or "over the last twelve weeks" (client visits and approval decisions for the Insights charts) carries
 * those times, recorded through the kit's own API as a host would have recorded them then. It is back on the system
 * time before the web server takes requests, and never set back afterwards.
 */
public final class DemoClock extends Clock {

    private final Clock system;
    private volatile Duration back = Duration.ZERO;

    /** A clock on the system time, in UTC. */
    public DemoClock() {
        this(Clock.systemUTC());
    }

    DemoClock(Clock system) {
        this.system = requireNonNull(system, "system must not be null");
    }

    /** Sets the clock {@code ago} before the system time (while the demo's past is recorded). */
    public void setBack(Duration ago) {
        requireNonNull(ago, "ago must not be null");
        if (ago.isNegative()) {
            throw new IllegalArgumentException("ago must not be negative: " + ago);
        }
        back = ago;
    }

    /** Back on the system time. */
    public void reset() {
        back = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // The kit works in UTC; a clock in another zone is a fixed view on this one's instants.
        DemoClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return system.instant().minus(back);
    }

    /** The bean: one clock for the kit and the demo data. */
    @Configuration(proxyBeanMethods = false)
    static class DemoClockConfiguration {

        @Bean
        DemoClock demoClock() {
            return new DemoClock();
        }
    }
}
