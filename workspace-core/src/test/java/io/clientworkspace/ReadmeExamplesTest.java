package io.clientworkspace;

import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The README's conversation and request examples, line for line (ReadmeTest keeps them equal). */
class ReadmeExamplesTest {

    private final WorkspaceKit kit = WorkspaceKit.inMemory();
    private final Tenant agency = kit.tenants().create("Northwind Agency", UserId.of("alice"));
    private final Actor alice = Actor.team(agency.id(), "alice");
    private final Actor bob = Actor.team(agency.id(), "bob");
    private final Actor carol = Actor.client(agency.id(), "carol");
    private final Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
    private final LocalDate due = LocalDate.of(2030, 1, 31);

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
}
