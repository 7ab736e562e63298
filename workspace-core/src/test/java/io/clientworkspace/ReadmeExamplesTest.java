package io.clientworkspace;

import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.AnswerValue;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.template.ChecklistItemSpec;
import io.clientworkspace.template.CreatedWorkspace;
import io.clientworkspace.template.FolderSpec;
import io.clientworkspace.template.MilestoneSpec;
import io.clientworkspace.template.NewTemplate;
import io.clientworkspace.template.NewWorkspaceFromTemplate;
import io.clientworkspace.template.ProjectSpec;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's conversation, request, project and template examples, line for line (ReadmeTest keeps them equal). */
class ReadmeExamplesTest {

    private final WorkspaceKit kit = WorkspaceKit.inMemory();
    private final Tenant agency = kit.tenants().create("Northwind Agency", UserId.of("alice"));
    private final Actor alice = Actor.team(agency.id(), "alice");
    private final Actor bob = Actor.team(agency.id(), "bob");
    private final Actor carol = Actor.client(agency.id(), "carol");
    private final Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
    private final LocalDate due = LocalDate.of(2030, 1, 31);
    private final LocalDate start = LocalDate.of(2030, 3, 4);

    ReadmeExamplesTest() {
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.TEAM_MEMBER);
        kit.members().add(alice, acme.id(), bob.userId(), WorkspaceRole.MEMBER);
        kit.invitations().accept(carol,
                kit.invitations().invite(alice, acme.id(), NewInvitation.of("carol@acme.test", WorkspaceRole.CLIENT_ADMIN)).token());
    }

    @Test
    void aClientAndTheTeamTalkInTheGeneralConversation() {
        Conversation general = kit.conversations().general(alice, acme.id());            // created on first use
        Message hello = kit.conversations().post(carol, acme.id(), general.id(), NewMessage.of("Logo draft attached"));
        kit.conversations().post(bob, acme.id(), general.id(), NewMessage.note("Carol prefers the blue one"));  // internal
        Map<WorkspaceId, Long> unread = kit.conversations().unreadAcrossWorkspaces(carol);  // one count query

        assertThat(unread).containsExactly(Map.entry(acme.id(), 0L));   // her own message; the note is invisible
        assertThat(kit.conversations().messages(carol, acme.id(), general.id(), PageRequest.first()).items())
                .containsExactly(hello);
    }

    @Test
    void aClientFillsAnIntakeFormAndSubmitsARequest() {
        FormDefinition brief = kit.forms().define(alice, Optional.empty(), new NewForm("brand-brief", "Brand brief", List.of(
                new FormField.ShortText("company", "Company name", "", true, 200, Optional.empty()),
                new FormField.SingleChoice("tone", "Tone", "", true, List.of("Playful", "Serious")),
                new FormField.CheckboxField("consent", "We may use your logo", "", true))));
        FormAssignment intake = kit.forms().assign(bob, acme.id(), brief.id(), "Brand questionnaire", Optional.of(due));
        kit.forms().saveDraft(carol, acme.id(), intake.id(), FormAnswers.of(Map.of("company", AnswerValue.text("Acme"))), 0);
        FormAnswers answers = FormAnswers.of(Map.of("company", AnswerValue.text("Acme"),
                "tone", AnswerValue.choices("Serious"), "consent", AnswerValue.bool(true)));
        kit.forms().submitAssignment(carol, acme.id(), intake.id(), answers, 1);          // creates the request, once
        ClientRequest r = kit.requests().submit(carol, acme.id(), NewRequest.of("New banner", "For the spring sale"));
        kit.requests().changeStatus(bob, acme.id(), r.id(), RequestStatus.IN_PROGRESS, Optional.empty(), r.version());
        Page<ClientRequest> inbox = kit.requests().inbox(bob, InboxFilter.open().assignedTo(bob.userId()), PageRequest.first(50));

        assertThat(inbox.items()).isEmpty();
        assertThat(kit.requests().inbox(bob, InboxFilter.open(), PageRequest.first(50)).items())
                .extracting(ClientRequest::title).containsExactlyInAnyOrder("New banner", "Brand questionnaire");
    }

    @Test
    void theTeamRunsAProjectAndTheClientTicksHerTask() {
        Project brand = kit.projects().create(bob, acme.id(), new NewProject("Brand refresh", "New logo and colours",
                Visibility.CLIENT, Optional.of(start), Optional.of(start.plusMonths(3)), bob.userId()));
        kit.projects().addMilestone(bob, acme.id(), brand.id(), new NewMilestone("Concepts", Optional.of(start.plusWeeks(3)), false));
        TaskList design = kit.tasks().createList(bob, acme.id(), new NewTaskList(Optional.of(brand.id()), "Design", Visibility.CLIENT));
        Task logo = kit.tasks().addTask(bob, acme.id(), design.id(), new NewTask("Upload your logo", "", TaskSide.CLIENT,
                Optional.of(carol.userId()), Optional.of(start.plusDays(7)), Visibility.CLIENT));
        kit.tasks().addTask(bob, acme.id(), design.id(), new NewTask("Check the print margin", "", TaskSide.TEAM,
                Optional.empty(), Optional.empty(), Visibility.TEAM));                           // internal
        kit.tasks().complete(carol, acme.id(), logo.id(), logo.version());                 // hers: client side, assigned to her
        StatusUpdate week1 = kit.projects().postStatus(bob, acme.id(), brand.id(), new NewStatusUpdate(ProjectHealth.AT_RISK,
                "Print slots are short", "Logo received", "Concepts", "Printer capacity", Visibility.CLIENT));
        kit.projects().acknowledge(carol, acme.id(), week1.id());                            // "seen by Carol on ..."

        assertThat(kit.tasks().tasks(carol, acme.id(), design.id(), PageRequest.first()).items())
                .extracting(Task::title).containsExactly("Upload your logo");
        assertThat(kit.projects().get(carol, acme.id(), brand.id()).health()).isEqualTo(ProjectHealth.AT_RISK);
    }

    @Test
    void aTenantAdminRollsOutAWorkspaceFromATemplateOnce() {
        WorkspaceTemplate retainer = kit.templates().define(alice, new NewTemplate("retainer-onboarding", "Retainer onboarding",
                TemplateContent.empty()
                        .withFolders(List.of(new FolderSpec("Brand", Visibility.CLIENT), new FolderSpec("Internal", Visibility.TEAM)))
                        .withProjects(List.of(new ProjectSpec("Monthly retainer", "", Visibility.CLIENT, 0, Optional.of(90),
                                List.of(new MilestoneSpec("First report", 30, false)), List.of())))
                        .withChecklist(List.of(new ChecklistItemSpec("Upload your logo", "", Optional.of(7))))
                        .withWelcomeMessage("Welcome aboard!")));
        NewWorkspaceFromTemplate initech = NewWorkspaceFromTemplate.of("Initech", "initech", "crm-4711", start);
        CreatedWorkspace made = kit.templates().createWorkspace(alice, retainer.id(), OptionalInt.empty(), initech);
        CreatedWorkspace retried = kit.templates().createWorkspace(alice, retainer.id(), OptionalInt.empty(), initech);
        ChecklistProgress progress = kit.tasks().checklistProgress(alice, made.workspace().id());

        assertThat(retried.created()).isFalse();
        assertThat(retried.workspace().id()).isEqualTo(made.workspace().id());
        assertThat(progress).isEqualTo(new ChecklistProgress(0, 1));
    }
}
