package io.clientworkspace.tck;

import io.clientworkspace.FormId;
import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.template.ChecklistItemSpec;
import io.clientworkspace.template.FolderSpec;
import io.clientworkspace.template.FormAssignmentSpec;
import io.clientworkspace.template.MilestoneSpec;
import io.clientworkspace.template.ProjectSpec;
import io.clientworkspace.template.TaskListSpec;
import io.clientworkspace.template.TaskSpec;
import io.clientworkspace.template.TeamMemberSpec;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.TemplateStatus;
import io.clientworkspace.template.WorkspaceOrigin;
import io.clientworkspace.template.WorkspaceTemplate;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Test data for the templates feature: template versions whose content uses every part (folders, projects with
 * milestones and task lists, forms, welcome message, team, lead, checklist; optional values present and absent,
 * multi-line and non-ASCII text), and workspace origins. Ids, users and instants come from a {@link TestData}.
 */
public final class TemplateTestData {

    private final TestData data;

    public TemplateTestData(TestData data) {
        this.data = requireNonNull(data, "data must not be null");
    }

    /** A new template id (ids made later sort later). */
    public TemplateId templateId() {
        return TemplateId.of(data.unique("tp"));
    }

    /** A new, unique template key. */
    public String key() {
        return data.unique("key").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** Content using every part of a template, with the given form and users. */
    public static TemplateContent everyPart(FormId form, UserId lead, UserId member) {
        return new TemplateContent(
                List.of(new FolderSpec("Deliverables", Visibility.CLIENT),
                        new FolderSpec("Deliverables/Final", Visibility.CLIENT),
                        new FolderSpec("Internal", Visibility.TEAM)),
                List.of(new ProjectSpec("Website relaunch", "Zwei Zeilen\nmit Umlauten: äöü", Visibility.CLIENT, 0,
                        Optional.of(90),
                        List.of(new MilestoneSpec("Design approved", 30, true),
                                new MilestoneSpec("Go live", 90, false)),
                        List.of(new TaskListSpec("Kick-off", Visibility.CLIENT, List.of(
                                        new TaskSpec("Send brand assets", "Logo\tand fonts", TaskSide.CLIENT,
                                                Optional.of(7), Visibility.CLIENT),
                                        new TaskSpec("Prepare workshop", "", TaskSide.TEAM, Optional.empty(),
                                                Visibility.CLIENT),
                                        new TaskSpec("Check credit limit", "internal", TaskSide.TEAM,
                                                Optional.of(3), Visibility.TEAM))),
                                new TaskListSpec("Team prep", Visibility.TEAM, List.of(
                                        new TaskSpec("Book the room", "", TaskSide.TEAM, Optional.of(1),
                                                Visibility.CLIENT))))),
                        new ProjectSpec("Internal retro", "", Visibility.TEAM, 80, Optional.empty(), List.of(),
                                List.of())),
                List.of(new FormAssignmentSpec(form, 1, "Tell us about your brand", Optional.of(14))),
                Optional.of("Welcome aboard!\nYour team"),
                List.of(new TeamMemberSpec(member, WorkspaceRole.MEMBER)),
                Optional.of(lead),
                List.of(new ChecklistItemSpec("Upload your logo", "SVG if you have one", Optional.of(5)),
                        new ChecklistItemSpec("Sign the NDA", "", Optional.empty())));
    }

    /** Version 1 of a template of the tenant, using every part. */
    public WorkspaceTemplate template(TenantId tenantId) {
        return new WorkspaceTemplate(templateId(), tenantId, key(), "Retainer onboarding", 1, TemplateStatus.ACTIVE,
                everyPart(FormId.of(data.unique("fm")), data.userId(), data.userId()), data.userId(), data.instant());
    }

    /** The next version of {@code latest}, with other content and name. */
    public WorkspaceTemplate nextVersion(WorkspaceTemplate latest) {
        return new WorkspaceTemplate(latest.id(), latest.tenantId(), latest.key(), latest.name() + " (rev)",
                latest.version() + 1, latest.status(),
                latest.content().withWelcomeMessage("Revised welcome " + latest.version()), data.userId(),
                data.instant());
    }

    /** The origin of a workspace made from {@code template}. */
    public WorkspaceOrigin origin(WorkspaceTemplate template, WorkspaceId workspaceId) {
        return new WorkspaceOrigin(template.tenantId(), workspaceId, template.id(), template.version(),
                data.externalRef(), data.instant());
    }
}
