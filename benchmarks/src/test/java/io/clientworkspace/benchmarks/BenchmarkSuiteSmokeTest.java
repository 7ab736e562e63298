package io.clientworkspace.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark suite is not a test and does not run in the build, but it must not rot: this runs
 * every benchmark once, for one short iteration in this JVM, on the smallest data sets, and renders the
 * report. The numbers mean nothing; that everything ran, verified its writes and reported does.
 */
class BenchmarkSuiteSmokeTest {

    @Test
    void everyBenchmarkRunsOnceAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("RESULTS.md");

        Report report = RunAll.run(Settings.smokeRun(), dir.resolve("work"), out);

        String md = Files.readString(out);
        assertThat(md).contains("## 1. Permission check", "## 2. File upload and download",
                "## 3. Workspace listing and activity feed at scale", "## 4. Write throughput with 16 threads",
                "| CPU |", "| JDK |");
        assertThat(md).doesNotContain("failed in this run", "This section failed");
        assertThat(report.targets())
                .filteredOn(t -> t.target().contains("zero lost writes"))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.met()).isTrue());
        assertThat(report.targets()).noneSatisfy(t -> assertThat(t.measured()).isEqualTo("failed"));
    }
}
