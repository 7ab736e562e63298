package io.clientworkspace;

import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the README's promises equal to the code: the permission table, the quick start and the feature examples. */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path QUICK_START = Path.of("src/test/java/io/clientworkspace/QuickStartTest.java");
    private static final Path EXAMPLES = Path.of("src/test/java/io/clientworkspace/ReadmeExamplesTest.java");

    @Test
    void permissionTableMatchesTheDefaultMatrix() throws IOException {
        List<String> rows = Files.readAllLines(README).stream()
                .filter(l -> l.startsWith("| ") && Arrays.stream(Permission.values())
                        .anyMatch(p -> l.startsWith("| " + p.name() + " ")))
                .toList();
        assertThat(rows).hasSize(Permission.values().length);
        PermissionMatrix defaults = PermissionMatrix.defaults();
        for (String row : rows) {
            String[] cells = row.split("\\|", -1);
            String head = cells[1].strip();
            Permission permission = Permission.valueOf(head.replace("*", "").strip());
            assertThat(head.endsWith("*")).as("team-only marker of %s", permission).isEqualTo(permission.teamOnly());
            assertThat(cells[2].strip()).as("TENANT_ADMIN holds %s", permission).isEqualTo("✓");
            WorkspaceRole[] roles = WorkspaceRole.values();
            for (int i = 0; i < roles.length; i++) {
                boolean ticked = cells[3 + i].strip().equals("✓");
                assertThat(ticked).as("README cell %s / %s", permission, roles[i])
                        .isEqualTo(defaults.grants(roles[i], permission));
            }
        }
    }

    @Test
    void quickStartInTheReadmeIsTheQuickStartTest() throws IOException {
        List<String> code = firstJavaBlockUnder("## Quick start (plain Java)");
        assertThat(code).hasSizeBetween(5, 15);
        List<String> test = Files.readAllLines(QUICK_START).stream().map(String::strip).toList();
        assertThat(test).containsSubsequence(code);
    }

    @Test
    void conversationRequestProjectAndTemplateExamplesInTheReadmeAreReadmeExamplesTest() throws IOException {
        List<String> test = Files.readAllLines(EXAMPLES).stream().map(String::strip).toList();
        for (String section : List.of("## Conversations", "## Requests and intake forms",
                "## Projects, tasks and status updates", "## Workspace templates and onboarding")) {
            List<String> code = firstJavaBlockUnder(section);
            assertThat(code).as(section).isNotEmpty();
            assertThat(test).as(section).containsSubsequence(code);
        }
    }

    private static List<String> firstJavaBlockUnder(String heading) throws IOException {
        List<String> readme = Files.readAllLines(README);
        int start = readme.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        List<String> code = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme.subList(start, readme.size())) {
            if (line.equals("```java")) {
                inBlock = true;
            } else if (inBlock && line.equals("```")) {
                break;
            } else if (inBlock) {
                code.add(line.strip());
            }
        }
        return code;
    }
}
