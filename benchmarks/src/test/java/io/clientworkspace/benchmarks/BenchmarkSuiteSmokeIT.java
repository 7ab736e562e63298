package io.clientworkspace.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark suite is not a test and does not run in the build, but it must not rot: this runs
 * every benchmark once, for one short iteration in this JVM, on two tiny sizes of each data set, and
 * renders the report. The numbers mean nothing; that everything ran, measured something, verified its
 * writes and evaluated every target does.
 */
class BenchmarkSuiteSmokeIT {

    @Test
    void everyBenchmarkRunsOnceAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("RESULTS.md");
        Path work = dir.resolve("work");

        Report report = RunAll.run(Settings.smokeRun(), work, out);

        String md = Files.readString(out);
        assertThat(md).contains("## 1. Permission check", "## 2. File upload and download",
                "## 3. Workspace listing and activity feed at scale", "## 4. Write throughput with 16 threads",
                "## 5. Operator dashboard at scale", "## 6. Insights report against history",
                "| CPU |", "| JDK |", "Smoke run");
        assertThat(md).doesNotContain("failed in this run", "This section failed", "Incomplete");
        // A benchmark that was removed or recorded nothing renders as "n/a": nothing in a smoke report may be.
        assertThat(md).doesNotContain("n/a", "NaN", "not counted", "not measured");
        assertThat(report.targets())
                .filteredOn(t -> t.target().contains("zero lost writes"))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.met()).isTrue());
        assertThat(report.targets()).noneSatisfy(t -> assertThat(t.measured()).isEqualTo("failed"));
        // Every target is evaluated (two sizes per data set make the growth targets count), except those that
        // say why not: no numeric target, or not applicable (the 64 MiB heap cap: a smoke run does not fork).
        assertThat(report.targets()).noneMatch(Report.Target::unmeasured);
        assertThat(report.targets()).filteredOn(Report.Target::notApplicable)
                .allSatisfy(t -> assertThat(t.target()).startsWith("heap peak"));

        List<Path> files;
        try (Stream<Path> list = Files.list(work.resolve("verification"))) {
            files = list.toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains(
                "activity-append-kit.properties", "activity-append-jdbc.properties",
                "approval-decide-kit.properties", "approval-decide-jdbc.properties",
                "files-upload.properties", "files-download.properties",
                "listing-operatorPage.properties", "listing-memberPage.properties",
                "listing-teamFeedPage.properties", "listing-clientFeedPage.properties",
                "permission-answers-kit-360.properties", "permission-answers-jcasbin-720.properties");
        for (Path file : files) {
            Properties facts = load(file);
            String name = file.getFileName().toString();
            for (String key : facts.stringPropertyNames()) {
                if (key.startsWith("n.") || key.equals("appended") || key.equals("checks") || key.equals("bytes")) {
                    assertThat(Long.parseLong(facts.getProperty(key))).as(name + " " + key).isPositive();
                }
            }
            if (name.startsWith("listing-")) {
                assertThat(facts.stringPropertyNames()).as(name).contains("n.1000", "n.2000");
            }
            if (name.startsWith("activity-") || name.startsWith("approval-")) {
                assertThat(facts.getProperty("failed")).as(name).isEqualTo("0");
                assertThat(facts.getProperty("appended")).as(name).isNotNull();
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
