package io.clientworkspace.template;

import io.clientworkspace.FormId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.TaskSide;

import java.util.List;
import java.util.Optional;

/** Template content for the core's template tests. */
final class Templates {

    private Templates() {
    }

    static TaskSpec clientTask(String title, int due) {
        return new TaskSpec(title, "", TaskSide.CLIENT, Optional.of(due), Visibility.CLIENT);
    }

    static TaskSpec teamTask(String title, Visibility visibility) {
        return new TaskSpec(title, "", TaskSide.TEAM, Optional.empty(), visibility);
    }

    static ProjectSpec project(String name, int start, List<MilestoneSpec> milestones, List<TaskListSpec> lists) {
        return new ProjectSpec(name, "", Visibility.CLIENT, start, Optional.empty(), milestones, lists);
    }

    /** The "Retainer onboarding" template of the issue: every part, with bob as lead and tom as member. */
    static TemplateContent retainer(FormId form) {
        return new TemplateContent(
                List.of(new FolderSpec("Deliverables", Visibility.CLIENT),
                        new FolderSpec("Deliverables/Final", Visibility.CLIENT),
                        new FolderSpec("Internal", Visibility.TEAM)),
                List.of(new ProjectSpec("Onboarding", "First weeks", Visibility.CLIENT, 0, Optional.of(30),
                        List.of(new MilestoneSpec("Kick-off done", 7, false), new MilestoneSpec("Brief approved", 21, true)),
                        List.of(new TaskListSpec("Kick-off", Visibility.CLIENT, List.of(
                                        clientTask("Send brand assets", 5),
                                        teamTask("Prepare workshop", Visibility.CLIENT),
                                        teamTask("Check credit", Visibility.TEAM))),
                                new TaskListSpec("Team prep", Visibility.TEAM, List.of(
                                        teamTask("Book the room", Visibility.CLIENT)))))),
                List.of(new FormAssignmentSpec(form, 1, "Brand questionnaire", Optional.of(10))),
                Optional.of("Welcome aboard!\nYour team at Northwind"),
                List.of(new TeamMemberSpec(UserId.of("tom"), WorkspaceRole.MEMBER)),
                Optional.of(UserId.of("bob")),
                List.of(new ChecklistItemSpec("Upload your logo", "SVG if you have one", Optional.of(3)),
                        new ChecklistItemSpec("Sign the NDA", "", Optional.empty())));
    }
}
