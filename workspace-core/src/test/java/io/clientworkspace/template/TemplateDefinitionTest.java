package io.clientworkspace.template;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TemplateId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.clientworkspace.template.Templates.clientTask;
import static io.clientworkspace.template.Templates.project;
import static io.clientworkspace.template.Templates.teamTask;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateDefinitionTest {

    private final Fixture f = Fixture.create();
    private final TemplateService templates = f.kit.templates();
    private final FormDefinition intake = f.kit.forms().define(f.alice, Optional.empty(), new NewForm("intake", "Intake",
            List.of(new io.clientworkspace.request.FormField.ShortText("company", "Company", "", true, 100,
            Optional.empty()))));

    private WorkspaceTemplate retainer() {
        return templates.define(f.alice, new NewTemplate("retainer", "Retainer onboarding",
                Templates.retainer(intake.id())));
    }

    private List<FieldError> errorsOf(TemplateContent content) {
        return f.rejects(ValidationException.class, () -> templates.define(f.alice,
                new NewTemplate("bad", "Bad", content))).fieldErrors();
    }

    @Test
    void aTenantAdminDefinesVersionOneWhichTheRosterReads() {
        WorkspaceTemplate defined = retainer();

        assertThat(defined.version()).isEqualTo(1);
        assertThat(defined.status()).isEqualTo(TemplateStatus.ACTIVE);
        assertThat(defined.content()).isEqualTo(Templates.retainer(intake.id()));
        assertThat(templates.get(f.tom, defined.id(), 1)).isEqualTo(defined);
        assertThat(templates.latest(f.bob, defined.id())).isEqualTo(defined);
        assertThat(templates.findByKey(f.tina, "retainer")).contains(defined);
        assertThat(f.events.all()).filteredOn(TemplateEvent.class::isInstance).singleElement()
                .isInstanceOf(TemplateEvent.TemplateDefined.class);
    }

    @Test
    void onlyATenantAdminDefinesTemplates() {
        f.rejects(AccessDeniedException.class, () -> templates.define(f.bob, new NewTemplate("xx", "X",
                TemplateContent.empty())));
    }

    @Test
    void clientsAndStrangersNeverSeeATemplate() {
        WorkspaceTemplate defined = retainer();

        f.rejects(NotFoundException.class, () -> templates.get(f.carol, defined.id(), 1));
        f.rejects(NotFoundException.class, () -> templates.latest(f.mallory, defined.id()));
        assertThat(templates.findByKey(f.carol, "retainer")).isEmpty();
        f.rejects(AccessDeniedException.class, () -> templates.list(f.carol, PageRequest.first()));
    }

    @Test
    void aTakenKeyIsAConflict() {
        retainer();

        ConflictException e = f.rejects(ConflictException.class, () -> templates.define(f.alice,
                new NewTemplate("retainer", "Other", TemplateContent.empty())));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
    }

    @Test
    void aBadKeyAndNameAreReportedTogether() {
        ValidationException e = f.rejects(ValidationException.class, () -> templates.define(f.alice,
                new NewTemplate("Not A Slug", " ", TemplateContent.empty())));

        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("key", "name");
    }

    @Test
    void revisingStoresANewVersionAndKeepsTheOld() {
        WorkspaceTemplate v1 = retainer();

        WorkspaceTemplate v2 = templates.revise(f.alice, v1.id(), 1, "Retainer v2",
                v1.content().withWelcomeMessage("Hello again"));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(templates.get(f.alice, v1.id(), 1)).isEqualTo(v1);
        assertThat(templates.latest(f.alice, v1.id())).isEqualTo(v2);
        assertThat(templates.versions(f.alice, v1.id())).containsExactly(v1, v2);
    }

    @Test
    void aRevisionFromAnOlderVersionIsStale() {
        WorkspaceTemplate v1 = retainer();
        templates.revise(f.alice, v1.id(), 1, "Retainer v2", v1.content());

        ConflictException e = f.rejects(ConflictException.class, () -> templates.revise(f.alice, v1.id(), 1,
                "Retainer v2 again", v1.content()));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
    }

    @Test
    void retiringRetiresEveryVersionAndBlocksRevisions() {
        WorkspaceTemplate v1 = retainer();
        templates.revise(f.alice, v1.id(), 1, "Retainer v2", v1.content());

        templates.retire(f.alice, v1.id(), 2);

        assertThat(templates.versions(f.alice, v1.id())).extracting(WorkspaceTemplate::status)
                .containsOnly(TemplateStatus.RETIRED);
        ConflictException e = f.rejects(ConflictException.class, () -> templates.revise(f.alice, v1.id(), 2, "v3",
                v1.content()));
        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        f.rejects(ConflictException.class, () -> templates.retire(f.alice, v1.id(), 2));
    }

    @Test
    void anAccountManagerMayNotReviseOrRetire() {
        WorkspaceTemplate v1 = retainer();

        f.rejects(AccessDeniedException.class, () -> templates.revise(f.bob, v1.id(), 1, "x", v1.content()));
        f.rejects(AccessDeniedException.class, () -> templates.retire(f.bob, v1.id(), 1));
    }

    @Test
    void anotherTenantsTemplateIsNotFound() {
        WorkspaceTemplate v1 = retainer();
        Fixture.OtherTenant globex = f.otherTenant();

        f.rejects(NotFoundException.class, () -> templates.latest(globex.admin(), v1.id()));
        f.rejects(NotFoundException.class, () -> templates.retire(globex.admin(), v1.id(), 1));
        assertThat(templates.list(globex.admin(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void theListPagesLatestVersionsById() {
        WorkspaceTemplate a = retainer();
        WorkspaceTemplate b = templates.define(f.alice, new NewTemplate("bare", "Bare", TemplateContent.empty()));
        WorkspaceTemplate a2 = templates.revise(f.alice, a.id(), 1, "Retainer v2", a.content());

        var first = templates.list(f.tom, PageRequest.first(1));
        var second = templates.list(f.tom, PageRequest.after(first.nextCursor().orElseThrow(), 1));

        List<WorkspaceTemplate> all = new java.util.ArrayList<>(first.items());
        all.addAll(second.items());
        assertThat(all).containsExactlyInAnyOrder(a2, b);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void aFormVersionThatDoesNotExistIsAFieldError() {
        TemplateContent content = TemplateContent.empty().withForms(List.of(
                new FormAssignmentSpec(intake.id(), 7, "Brief", Optional.empty())));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly("forms[0].formId");
    }

    @Test
    void aRetiredFormIsAConflictNamingItsPlace() {
        f.kit.forms().retire(f.alice, intake.id(), 1);
        TemplateContent content = TemplateContent.empty().withForms(List.of(
                new FormAssignmentSpec(intake.id(), 1, "Brief", Optional.empty())));

        ConflictException e = f.rejects(ConflictException.class, () -> templates.define(f.alice,
                new NewTemplate("xx", "X", content)));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        assertThat(e.getMessage()).contains("forms[0]");
    }

    @Test
    void aLeadOrTeamMemberOffTheRosterIsAFieldError() {
        TemplateContent content = TemplateContent.empty().withLead(UserId.of("mallory"))
                .withTeam(List.of(new TeamMemberSpec(UserId.of("nobody"), WorkspaceRole.MEMBER)));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly("lead", "team[0].userId");
    }

    @Test
    void clientRolesAndDuplicatesInTheTeamAreFieldErrors() {
        TemplateContent content = TemplateContent.empty().withLead(UserId.of("bob")).withTeam(List.of(
                new TeamMemberSpec(UserId.of("tom"), WorkspaceRole.CLIENT_ADMIN),
                new TeamMemberSpec(UserId.of("bob"), WorkspaceRole.MEMBER),
                new TeamMemberSpec(UserId.of("tina"), WorkspaceRole.MEMBER),
                new TeamMemberSpec(UserId.of("tina"), WorkspaceRole.LEAD)));

        assertThat(errorsOf(content)).extracting(FieldError::field)
                .containsExactly("team[0].role", "team[1].userId", "team[3].userId");
    }

    @Test
    void dueDatesBeforeTheProjectsStartAreFieldErrors() {
        TemplateContent content = TemplateContent.empty().withProjects(List.of(
                new ProjectSpec("P", "", Visibility.CLIENT, 10, Optional.of(5),
                        List.of(new MilestoneSpec("Early", 9, false), new MilestoneSpec("Fine", 10, false)),
                        List.of(new TaskListSpec("L", Visibility.CLIENT, List.of(clientTask("Early task", 2)))))));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly(
                "projects[0].targetOffsetDays", "projects[0].milestones[0].dueOffsetDays",
                "projects[0].taskLists[0].tasks[0].dueOffsetDays");
    }

    @Test
    void offsetsBeyondTheirBoundsAreFieldErrors() {
        TemplateContent content = TemplateContent.empty()
                .withProjects(List.of(project("P", -1, List.of(new MilestoneSpec("M", 3_651, false)), List.of())))
                .withChecklist(List.of(new ChecklistItemSpec("Logo", "", Optional.of(4_000))))
                .withForms(List.of(new FormAssignmentSpec(intake.id(), 1, "Brief", Optional.of(-3))));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly(
                "projects[0].startOffsetDays", "projects[0].milestones[0].dueOffsetDays", "forms[0].dueOffsetDays",
                "checklist[0].dueOffsetDays");
    }

    @Test
    void anInternalTaskOnTheClientSideIsAFieldError() {
        TemplateContent content = TemplateContent.empty().withProjects(List.of(
                project("P", 0, List.of(), List.of(
                        new TaskListSpec("Open", Visibility.CLIENT, List.of(
                                new TaskSpec("Hidden", "", TaskSide.CLIENT, Optional.empty(), Visibility.TEAM))),
                        new TaskListSpec("Internal list", Visibility.TEAM, List.of(clientTask("In a team list", 1))))),
                new ProjectSpec("Internal", "", Visibility.TEAM, 0, Optional.empty(), List.of(), List.of(
                        new TaskListSpec("Open", Visibility.CLIENT, List.of(clientTask("In a team project", 1)))))));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly(
                "projects[0].taskLists[0].tasks[0].side", "projects[0].taskLists[1].tasks[0].side",
                "projects[1].taskLists[0].tasks[0].side");
    }

    @Test
    void hostileFolderPathsAreFieldErrors() {
        TemplateContent content = TemplateContent.empty().withFolders(List.of(
                new FolderSpec("../etc", Visibility.CLIENT),
                new FolderSpec("/root", Visibility.CLIENT),
                new FolderSpec("a//b", Visibility.CLIENT),
                new FolderSpec("a\\b", Visibility.CLIENT),
                new FolderSpec("invoice\u202Efdp.exe", Visibility.CLIENT),
                new FolderSpec("Missing/Child", Visibility.CLIENT),
                new FolderSpec("CON", Visibility.CLIENT),
                new FolderSpec("Ok", Visibility.CLIENT),
                new FolderSpec("Ok", Visibility.TEAM)));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly("folders[0].path",
                "folders[1].path", "folders[2].path", "folders[3].path", "folders[4].path", "folders[6].path",
                "folders[8].path", "folders[5].path");
    }

    @Test
    void aClientFolderInsideAnInternalOneIsAFieldError() {
        TemplateContent content = TemplateContent.empty().withFolders(List.of(
                new FolderSpec("Internal", Visibility.TEAM), new FolderSpec("Internal/Shared", Visibility.CLIENT)));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly("folders[1].visibility");
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksInNotesAreKept() {
        TemplateContent content = TemplateContent.empty().withChecklist(List.of(
                new ChecklistItemSpec("Title\u0007", "Line one\nline two\ttabbed", Optional.empty()),
                new ChecklistItemSpec("Fine", "escape\u001B[31m", Optional.empty())))
                .withWelcomeMessage("Hi\r\nthere");

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly("welcomeMessage",
                "checklist[0].title", "checklist[1].notes");
    }

    @Test
    void textIsKeptAsGiven() {
        TemplateContent content = TemplateContent.empty().withWelcomeMessage("  Welcome!  \n");

        WorkspaceTemplate defined = templates.define(f.alice, new NewTemplate("spaces", "  Spaced name ", content));

        assertThat(defined.name()).isEqualTo("  Spaced name ");
        assertThat(defined.content().welcomeMessage()).contains("  Welcome!  \n");
    }

    @Test
    void theBoundsOfEveryListAreFieldErrors() {
        TaskListSpec big = new TaskListSpec("Big", Visibility.CLIENT, java.util.Collections.nCopies(501,
                teamTask("t", Visibility.CLIENT)));
        TemplateContent content = new TemplateContent(
                java.util.Collections.nCopies(201, new FolderSpec("F", Visibility.CLIENT)),
                List.of(project("P", 0, java.util.Collections.nCopies(101, new MilestoneSpec("M", 1, false)),
                        List.of(big, big))),
                java.util.Collections.nCopies(21, new FormAssignmentSpec(intake.id(), 1, "F", Optional.empty())),
                Optional.empty(),
                java.util.Collections.nCopies(51, new TeamMemberSpec(UserId.of("tom"), WorkspaceRole.MEMBER)),
                Optional.empty(),
                java.util.Collections.nCopies(101, new ChecklistItemSpec("C", "", Optional.empty())));

        assertThat(errorsOf(content)).extracting(FieldError::field).containsExactly("folders",
                "projects[0].milestones", "projects", "forms", "team", "checklist");
    }

    @Test
    void aMissingTemplateIsNotFound() {
        f.rejects(NotFoundException.class, () -> templates.latest(f.alice, TemplateId.of("nope")));
    }
}
