package io.clientworkspace.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static String fullReport() {
        Report full = new Report();
        full.add("## 1. One\n\nold one");
        full.add("## 5. Five\n\nold five");
        full.target("1", "one is fast", "1×", true);
        full.target(new Report.Target("5", "five is fast", "9×", false, "old reason"));
        return full.render("# Benchmark results\n\n| | |\n|---|---|\n| date | then |\n");
    }

    @Test
    void mergingARunOfSomeSectionsReplacesTheirSectionsTargetsAndNotesAndKeepsTheRest() {
        Report only = new Report();
        only.add("## 5. Five\n\nnew five");
        only.add("## 6. Six\n\nnew six");
        only.target("5", "five is fast", "1.1×", true);
        only.target(new Report.Target("6", "six is fast", "2×", false, "new reason"));

        String merged = only.mergeInto(fullReport(), Set.of("5", "6"), Report.SEPARATE_RUN + " 5; 6** (now).");

        assertThat(merged).contains("| date | then |", "old one", "new five", "new six", "| 1 | one is fast | 1× | yes |",
                "| 5 | five is fast | 1.1× | yes |", "| 6 | six is fast | 2× | **no** |", "new reason",
                Report.SEPARATE_RUN);
        assertThat(merged).doesNotContain("old five", "9×", "old reason");
        assertThat(merged.indexOf("## 1. One")).isLessThan(merged.indexOf("## 5. Five"));
        assertThat(merged.indexOf("## 5. Five")).isLessThan(merged.indexOf("## 6. Six"));
        assertThat(merged.indexOf(Report.SEPARATE_RUN)).isLessThan(merged.indexOf("## Targets"));
    }

    @Test
    void mergingTwiceKeepsOneNoteOnTheSeparateRun() {
        Report only = new Report();
        only.add("## 5. Five\n\nnew five");
        only.target("5", "five is fast", "1.1×", true);
        String once = only.mergeInto(fullReport(), Set.of("5"), Report.SEPARATE_RUN + " 5** (`--only=5`, first).");

        String twice = only.mergeInto(once, Set.of("5"), Report.SEPARATE_RUN + " 5** (`--only=5`, second).");

        assertThat(twice).contains("second").doesNotContain("first");
        assertThat(twice.split("## 5. Five", -1)).hasSize(2);
    }
}
