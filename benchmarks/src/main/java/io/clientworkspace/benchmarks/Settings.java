package io.clientworkspace.benchmarks;

import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how big: the full suite for the committed report, or a smoke run (one short iteration
 * of everything, in this JVM, on the smallest data sets) that only proves the suite still works.
 */
record Settings(boolean smoke, int forks, Timing fast, Timing listing, Timing throughput, Timing files, int[] permissionSizes,
                int[] listingSizes, long fileBytes) {

    /** JMH iteration settings for one group of benchmarks. */
    record Timing(int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime) {
    }

    static Settings fullRun() {
        return new Settings(false, 1,
                new Timing(2, TimeValue.seconds(1), 3, TimeValue.seconds(1)),
                new Timing(1, TimeValue.seconds(3), 3, TimeValue.seconds(3)),
                new Timing(1, TimeValue.seconds(5), 5, TimeValue.seconds(2)),
                new Timing(1, TimeValue.NONE, 3, TimeValue.NONE),
                new int[] {360, 3_600, 36_000},
                new int[] {1_000, 10_000, 100_000},
                1L << 30);
    }

    /** Forked like the full run but short and small: for working on the suite itself. */
    static Settings quickRun() {
        return new Settings(false, 1,
                new Timing(1, TimeValue.milliseconds(300), 1, TimeValue.milliseconds(500)),
                new Timing(1, TimeValue.milliseconds(500), 1, TimeValue.seconds(1)),
                new Timing(1, TimeValue.milliseconds(500), 1, TimeValue.seconds(1)),
                new Timing(0, TimeValue.NONE, 1, TimeValue.NONE),
                new int[] {360, 3_600},
                new int[] {1_000, 2_000},
                64L << 20);
    }

    static Settings smokeRun() {
        return new Settings(true, 0,
                new Timing(0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100)),
                new Timing(0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(200)),
                new Timing(0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(200)),
                new Timing(0, TimeValue.NONE, 1, TimeValue.NONE),
                new int[] {360},
                new int[] {1_000},
                8L << 20);
    }
}
