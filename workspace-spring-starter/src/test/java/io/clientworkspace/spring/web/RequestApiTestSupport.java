package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * What the request, form and assignment API tests share: a workspace with a team member (bob), a client admin
 * (carol) and a client viewer (dave), and a library form with one field of every answering kind.
 */
abstract class RequestApiTestSupport extends FileApiTestSupport {

    Workspace workspace;
    Actor bob;
    Actor carol;
    Actor dave;

    @BeforeEach
    void workspaceWithTeamMemberClientAdminAndViewer() {
        workspace = workspace(admin);
        bob = teamUser(tenant, admin, io.clientworkspace.tenant.TenantRole.TEAM_MEMBER);
        kit.members().add(admin, workspace.id(), bob.userId(), WorkspaceRole.MEMBER);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
    }

    /** A library form with a field of every kind, defined through the kit. */
    FormDefinition intakeForm() {
        return kit.forms().define(admin, Optional.empty(), new NewForm(unique("intake"), "Brand intake", List.of(
                new FormField.SectionHeading("about", "About you", ""),
                new FormField.ShortText("company", "Company", "", true, 100, Optional.empty()),
                new FormField.ShortText("code", "Code", "", false, 20, Optional.of("[A-Z]{3}-[0-9]{3}")),
                new FormField.LongText("brief", "Brief", "", false, 2000),
                new FormField.NumberField("budget", "Budget", "", false, Optional.of(BigDecimal.ZERO),
                        Optional.of(new BigDecimal("100000")), 2),
                new FormField.DateField("launch", "Launch", "", false, Optional.of(LocalDate.of(2026, 1, 1)),
                        Optional.empty()),
                new FormField.SingleChoice("tone", "Tone", "", true, List.of("playful", "serious")),
                new FormField.MultipleChoice("channels", "Channels", "", false, List.of("web", "print", "tv"), 0, 2),
                new FormField.EmailField("contact", "Contact", "", false),
                new FormField.UrlField("site", "Site", "", false),
                new FormField.PhoneField("phone", "Phone", "", false),
                new FormField.CheckboxField("consent", "Consent", "", true),
                new FormField.FileField("logo", "Logo", "", false),
                new FormField.HelpText("thanks", "Thanks", "We read every answer"))));
    }

    /** Valid answers to {@link #intakeForm()} as JSON. */
    static String validAnswers() {
        return """
                {"company": "Acme", "code": "ABC-123", "brief": "Bold.", "budget": 1500.5, "launch": "2026-06-01",
                 "tone": "serious", "channels": ["web", "tv"], "contact": "c@example.com", "site": "https://acme.test",
                 "phone": "+44 20 7946 0000", "consent": true}""";
    }

    static MockHttpServletRequestBuilder postJson(String uri, Actor actor, String json) {
        return post(uri).with(as(actor)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    static MockHttpServletRequestBuilder putJson(String uri, Actor actor, String json) {
        return put(uri).with(as(actor)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    /** A list of strings of a JSON document. */
    static List<String> strings(String json, String path) {
        return read(json, path);
    }

    String requests() {
        return base(workspace) + "/requests";
    }

    String assignments() {
        return base(workspace) + "/form-assignments";
    }
}
