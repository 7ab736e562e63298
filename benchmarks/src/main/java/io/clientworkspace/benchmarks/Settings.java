package io.clientworkspace.benchmarks;

import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how big: the full suite for the committed report, or a smoke run (one short iteration
 * of everything, in this JVM, on the smallest data sets) that only proves the suite still works.
 */
record Settings(String name, boolean smoke, int forks, Timing fast, Timing listing, Timing throughput, Timing files, int[] permissionSizes,
                int[] listingSizes, long fileBytes, int[] dashboardSizes) {

    /** JMH iteration settings for one group of benchmarks. */
    record Timing(int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime) {
    }

    static Settings fullRun() {
        return new Settings("full", false, 1,
                new Timing(1, TimeValue.seconds(1), 3, TimeValue.seconds(1)),
                new Timing(1, TimeValue.seconds(3), 3, TimeValue.seconds(3)),
                new Timing(1, TimeValue.seconds(5), 5, TimeValue.seconds(2)),
                new Timing(1, TimeValue.NONE, 3, TimeValue.NONE),
                new int[] {360, 3_600, 36_000},
                new int[] {1_000, 10_000, 100_000},
                1L << 30,
                new int[] {1_000, 100_000});
    }

    /** Forked like the full run but short and small: for working on the suite itself. */
    static Settings quickRun() {
        return new Settings("quick", false, 1,
                new Timing(1, TimeValue.milliseconds(300), 1, TimeValue.milliseconds(500)),
                new Timing(1, TimeValue.milliseconds(500), 1, TimeValue.seconds(1)),
                new Timing(1, TimeValue.milliseconds(500), 1, TimeValue.seconds(1)),
                new Timing(0, TimeValue.NONE, 1, TimeValue.NONE),
                new int[] {360, 3_600},
                new int[] {1_000, 2_000},
                64L << 20,
                new int[] {1_000, 2_000});
    }

    static Settings smokeRun() {
        return new Settings("smoke", true, 0,
                new Timing(0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100)),
                new Timing(0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(200)),
                new Timing(0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(200)),
                new Timing(0, TimeValue.NONE, 1, TimeValue.NONE),
                new int[] {360, 720},
                new int[] {1_000, 2_000},
                8L << 20,
                new int[] {1_000, 2_000});
    }

    boolean quick() {
        return name.equals("quick");
    }

    /**
     * A generous estimate of the disk the run needs at its peak, in bytes: the PostgreSQL data of the
     * largest data sets (about 20 KiB per listing workspace with its memberships, activity chain and
     * indexes, all sizes together), room for the write-ahead log, and three files of {@link #fileBytes}
     * (the source, its copy, and a blob) at a time.
     */
    long diskNeeded() {
        long workspaces = 0;
        for (int n : listingSizes) {
            workspaces += n;
        }
        for (int n : dashboardSizes) {
            workspaces += n;
        }
        long wal = smoke ? 256L << 20 : 2L << 30;
        return workspaces * (20L << 10) + wal + 3 * fileBytes;
    }

    /** The sizes as the report prints them: "360, 3,600 and 36,000". */
    static String sizes(int[] sizes) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            text.append(k == 0 ? "" : k == sizes.length - 1 ? " and " : ", ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", sizes[k]));
        }
        return text.toString();
    }
}
