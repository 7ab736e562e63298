package io.clientworkspace.examples.portal.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.FormId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.template.ChecklistItemSpec;
import io.clientworkspace.template.FolderSpec;
import io.clientworkspace.template.FormAssignmentSpec;
import io.clientworkspace.template.MilestoneSpec;
import io.clientworkspace.template.TaskSpec;
import io.clientworkspace.template.TeamMemberSpec;
import io.clientworkspace.template.TemplateContent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTextTest {

    private static final UserId ALICE = UserId.of("u-alice");
    private static final UserId BOB = UserId.of("u-bob");
    private static final FormId BRAND = FormId.of("f-brand");

    private static final TemplateText.Directory DIRECTORY = new TemplateText.Directory() {
        @Override
        public Optional<UserId> teamMember(String name) {
            return Optional.ofNullable(Map.of("alice", ALICE, "bob", BOB).get(name));
        }

        @Override
        public String nameOf(UserId id) {
            return id.equals(ALICE) ? "alice" : id.equals(BOB) ? "bob" : id.value();
        }

        @Override
        public Optional<TemplateText.FormRef> form(String key, OptionalInt version) {
            return key.equals("brand-questionnaire") && version.orElse(2) <= 2
                    ? Optional.of(new TemplateText.FormRef(BRAND, version.orElse(2), "Brand questionnaire"))
                    : Optional.empty();
        }

        @Override
        public String keyOf(FormId id) {
            return "brand-questionnaire";
        }
    };

    private static final String EVERY_PART = """
            # The retainer
            folder | Brand
            folder | Internal | internal
            project | Monthly retainer | start=0 | target=30 | description=Month by month.\\nWith a second line.
            milestone | First deliverables | due=14
            milestone | Month one signed off | due=+30 | approval
            list | Kick-off
            task | Kick-off call | team | due=3 | notes=Goals \\| contacts
            task | Share access | client | due=7
            list | Account setup | internal
            task | Time tracker | internal | due=1
            checklist | Upload your logo | due=3 | notes=SVG if you have it.
            form | brand-questionnaire | Brand questionnaire | due=7 | version=1
            team | bob | member
            """;

    @Test
    void everyPartIsReadFromOneLineWithItsSettings() {
        TemplateText.Parsed parsed = TemplateText.parse(EVERY_PART, "alice", "Welcome!", DIRECTORY);

        assertThat(parsed.errors()).isEmpty();
        TemplateContent content = parsed.content();
        assertThat(content.folders()).containsExactly(new FolderSpec("Brand", Visibility.CLIENT),
                new FolderSpec("Internal", Visibility.TEAM));
        assertThat(content.projects()).hasSize(1);
        assertThat(content.projects().get(0).description()).isEqualTo("Month by month.\nWith a second line.");
        assertThat(content.projects().get(0).targetOffsetDays()).contains(30);
        assertThat(content.projects().get(0).milestones()).containsExactly(new MilestoneSpec("First deliverables", 14, false),
                new MilestoneSpec("Month one signed off", 30, true));
        assertThat(content.projects().get(0).taskLists().get(0).tasks()).containsExactly(
                new TaskSpec("Kick-off call", "Goals | contacts", TaskSide.TEAM, Optional.of(3), Visibility.CLIENT),
                new TaskSpec("Share access", "", TaskSide.CLIENT, Optional.of(7), Visibility.CLIENT));
        assertThat(content.projects().get(0).taskLists().get(1).visibility()).isEqualTo(Visibility.TEAM);
        assertThat(content.checklist()).containsExactly(new ChecklistItemSpec("Upload your logo", "SVG if you have it.",
                Optional.of(3)));
        assertThat(content.forms()).containsExactly(new FormAssignmentSpec(BRAND, 1, "Brand questionnaire", Optional.of(7)));
        assertThat(content.team()).containsExactly(new TeamMemberSpec(BOB, WorkspaceRole.MEMBER));
        assertThat(content.lead()).contains(ALICE);
        assertThat(content.welcomeMessage()).contains("Welcome!");
    }

    @Test
    void theFormattedTextReadsBackToTheSameContent() {
        TemplateContent content = TemplateText.parse(EVERY_PART, "alice", "Welcome!", DIRECTORY).content();

        TemplateText.Parsed again = TemplateText.parse(TemplateText.format(content, DIRECTORY), "alice", "Welcome!",
                DIRECTORY);

        assertThat(again.errors()).isEmpty();
        assertThat(again.content()).isEqualTo(content);
    }

    @Test
    void everyBadLineIsReportedByItsNumberAtOnce() {
        TemplateText.Parsed parsed = TemplateText.parse("""
                fodler | Brand
                milestone | Too early | due=3
                project | P
                milestone | No due date
                task | Orphan task
                form | no-such-form
                team | mallory
                checklist | Item | due=soon
                folder | Brand | secret
                """, "nobody", "", DIRECTORY);

        assertThat(parsed.errors()).containsOnlyKeys("line 1", "line 2", "line 4", "line 5", "line 6", "line 7", "line 8",
                "line 9", "lead");
        assertThat(parsed.errors().get("line 1")).contains("“fodler” is not a part");
        assertThat(parsed.errors().get("line 2")).contains("write a project line first");
        assertThat(parsed.errors().get("line 4")).contains("due=14");
        assertThat(parsed.errors().get("line 8")).contains("whole number of days");
        assertThat(parsed.errors().get("line 9")).contains("“secret” is not a setting");
        assertThat(parsed.errors().get("lead")).contains("not on the agency's team");
    }

    @Test
    void theKitsFieldErrorsAreNamedByTheLineThePartCameFrom() {
        TemplateText.Parsed parsed = TemplateText.parse(EVERY_PART, "", "", DIRECTORY);

        Map<String, String> errors = parsed.translate(List.of(
                FieldError.of("projects[0].milestones[1].dueOffsetDays", "must be between 0 and 3650 days"),
                FieldError.of("projects[0].taskLists[0].tasks[1].side", "must be a TEAM task"),
                FieldError.of("folders[1].path", "bad"),
                FieldError.of("welcomeMessage", "too long")));

        assertThat(errors).containsEntry("line 6", "dueOffsetDays must be between 0 and 3650 days")
                .containsEntry("line 9", "side must be a TEAM task")
                .containsEntry("line 3", "path bad")
                .containsEntry("welcomeMessage", "too long");
    }
}
