package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Form definitions through the REST API: the field union, shape errors by path, versions, who may do what. */
class FormApiTest extends RequestApiTestSupport {

    private static final String LIBRARY = "/api/tenant/forms";

    private static final String EVERY_KIND = """
            {"key": "%s", "name": "Brand questionnaire", "fields": [
              {"kind": "section", "id": "about", "label": "About you"},
              {"kind": "short-text", "id": "company", "label": "Company", "required": true, "maxLength": 100,
               "pattern": "[A-Za-z ]+"},
              {"kind": "long-text", "id": "brief", "label": "Brief", "help": "A few lines"},
              {"kind": "number", "id": "budget", "label": "Budget", "min": 0, "max": "12345678901234567890.12",
               "decimals": 2},
              {"kind": "date", "id": "launch", "label": "Launch", "min": "2026-01-01"},
              {"kind": "single-choice", "id": "tone", "label": "Tone", "options": ["playful", "serious"]},
              {"kind": "multiple-choice", "id": "channels", "label": "Channels", "options": ["web", "print"],
               "minSelected": 1, "maxSelected": 2},
              {"kind": "email", "id": "contact", "label": "Contact"},
              {"kind": "url", "id": "site", "label": "Site"},
              {"kind": "phone", "id": "phone", "label": "Phone"},
              {"kind": "checkbox", "id": "consent", "label": "I agree", "required": true},
              {"kind": "file", "id": "logo", "label": "Logo"},
              {"kind": "help", "id": "thanks", "label": "Thanks", "help": "We read every answer"}]}""";

    private static String oneField(String field) {
        return """
                {"key": "%s", "name": "One field", "fields": [%s]}""".formatted(unique("form"), field);
    }

    private List<FormDefinition> library() {
        return kit.forms().list(admin, Optional.empty(), PageRequest.first(100)).items();
    }

    @Test
    void definingALibraryFormWithEveryKindAnswersTheFieldsAsAUnionOnKind() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, EVERY_KIND.formatted(unique("brand"))))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.workspaceId").doesNotExist())
                .andExpect(jsonPath("$.fields[*].kind", contains("section", "short-text", "long-text", "number", "date",
                        "single-choice", "multiple-choice", "email", "url", "phone", "checkbox", "file", "help")))
                .andExpect(jsonPath("$.fields[1].pattern").value("[A-Za-z ]+"))
                .andExpect(jsonPath("$.fields[1].required").value(true))
                .andExpect(jsonPath("$.fields[2].maxLength").value(20000))
                .andExpect(jsonPath("$.fields[3].min").value("0"))
                .andExpect(jsonPath("$.fields[3].max").value("12345678901234567890.12"))
                .andExpect(jsonPath("$.fields[4].min").value("2026-01-01"))
                .andExpect(jsonPath("$.fields[6].maxSelected").value(2))
                .andExpect(jsonPath("$.fields[12].help").value("We read every answer"));
    }

    @Test
    void anUnknownKindIs400NamingItsPathAndDefinesNothing() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, oneField("""
                        {"kind": "short-text", "id": "a", "label": "A"}, {"kind": "colour", "id": "b", "label": "B"}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("fields[1].kind"));

        assertThat(library()).isEmpty();
    }

    @Test
    void aPropertyTheKindDoesNotTakeIs400NamingItsPath() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, oneField("""
                        {"kind": "email", "id": "a", "label": "A", "maxLength": 5, "colour": "red"}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("fields[0].colour", "fields[0].maxLength")));
    }

    @Test
    void everyShapeProblemOfTheBodyIsReportedAtOnce() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, """
                        {"name": "Broken", "fields": [{"kind": "number", "id": "n", "label": "N", "min": "lots"},
                          {"kind": "single-choice", "id": "c", "label": "C", "options": ["a", 2]}, "not a field"]}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("key", "fields[0].min", "fields[1].options[1]",
                        "fields[2]")));
    }

    @Test
    void theCoresSchemaChecksNameTheSamePaths() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, oneField("""
                        {"kind": "short-text", "id": "Bad Id", "label": "A", "maxLength": 5000}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("fields[0].id", "fields[0].maxLength")));
    }

    @Test
    void aPatternThatBacktracksBadlyIsRefusedWhenTheFormIsDefined() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, oneField("""
                        {"kind": "short-text", "id": "a", "label": "A", "pattern": "(a+)+b"}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("fields[0].pattern"));

        assertThat(library()).isEmpty();
    }

    @Test
    void aClientGets404FromTheLibraryWhateverTheBody() throws Exception {
        FormDefinition form = intakeForm();

        mvc.perform(get(LIBRARY).with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(get(LIBRARY + "/" + form.id().value()).with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(postJson(LIBRARY, carol, "{\"fields\": [{\"kind\": \"nonsense\"}]}"))
                .andExpect(problem(404, "not-found"));

        assertThat(library()).hasSize(1);
    }

    @Test
    void aTeamMemberReadsTheLibraryButMayNotDefineInIt() throws Exception {
        intakeForm();

        mvc.perform(get(LIBRARY).with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(postJson(LIBRARY, bob, EVERY_KIND.formatted(unique("brand"))))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void revisingStoresANewVersionAndKeepsTheOldOne() throws Exception {
        FormDefinition form = intakeForm();
        String uri = LIBRARY + "/" + form.id().value();

        mvc.perform(postJson(uri + "/versions", admin, """
                        {"name": "Brand intake v2", "expectedVersion": 1,
                         "fields": [{"kind": "short-text", "id": "company", "label": "Company name"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.fields", hasSize(1)));

        mvc.perform(get(uri).with(as(bob))).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get(uri).param("version", "1").with(as(bob)))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.fields", hasSize(form.fields().size())));
        mvc.perform(get(uri + "/versions").with(as(bob))).andExpect(jsonPath("$[*].version", contains(1, 2)));
    }

    @Test
    void aRevisionOnAStaleVersionIs409AndStoresNothing() throws Exception {
        FormDefinition form = intakeForm();
        String uri = LIBRARY + "/" + form.id().value() + "/versions";
        String revision = """
                {"name": "Next", "expectedVersion": 1, "fields": [{"kind": "email", "id": "e", "label": "E"}]}""";
        mvc.perform(postJson(uri, admin, revision)).andExpect(status().isCreated());

        mvc.perform(postJson(uri, admin, revision))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));

        assertThat(kit.forms().versions(admin, form.id())).hasSize(2);
    }

    @Test
    void retiringALibraryFormRetiresItAndASecondRetireIs409() throws Exception {
        FormDefinition form = intakeForm();
        String uri = LIBRARY + "/" + form.id().value() + "/retire";

        mvc.perform(postJson(uri, admin, "{\"expectedVersion\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"));
        mvc.perform(postJson(uri, admin, "{\"expectedVersion\": 1}")).andExpect(problem(409, "conflict"));

        assertThat(kit.forms().latest(admin, form.id()).status()).isEqualTo(FormStatus.RETIRED);
    }

    @Test
    void aWorkspaceFormIsDefinedByTheTeamAndReadByItsClients() throws Exception {
        String json = mvc.perform(postJson(base(workspace) + "/forms", admin, EVERY_KIND.formatted(unique("own"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workspaceId").value(workspace.id().value()))
                .andReturn().getResponse().getContentAsString();
        String id = read(json, "$.id");

        mvc.perform(get(base(workspace) + "/forms").with(as(dave)))
                .andExpect(jsonPath("$.items[*].id", contains(id)));
        mvc.perform(get(base(workspace) + "/forms/" + id).with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields", hasSize(13)));
    }

    @Test
    void aClientMayNotDefineOrReviseAWorkspaceForm() throws Exception {
        FormDefinition own = kit.forms().define(admin, Optional.of(workspace.id()),
                new io.clientworkspace.request.NewForm(unique("own"), "Own", intakeForm().fields()));

        mvc.perform(postJson(base(workspace) + "/forms", carol, EVERY_KIND.formatted(unique("own"))))
                .andExpect(problem(403, "access-denied"));
        mvc.perform(postJson(base(workspace) + "/forms/" + own.id().value() + "/versions", carol, """
                        {"name": "Mine", "expectedVersion": 1, "fields": [{"kind": "email", "id": "e", "label": "E"}]}"""))
                .andExpect(problem(404, "not-found"));

        assertThat(kit.forms().versions(admin, own.id())).hasSize(1);
    }

    @Test
    void aClientOfAnotherWorkspaceGets404ForAWorkspaceForm() throws Exception {
        FormDefinition own = kit.forms().define(admin, Optional.of(workspace.id()),
                new io.clientworkspace.request.NewForm(unique("own"), "Own", intakeForm().fields()));
        Workspace other = workspace(admin);
        Actor erin = clientMember(other, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get(base(workspace) + "/forms/" + own.id().value()).with(as(erin)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(base(other) + "/forms/" + own.id().value()).with(as(erin)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aWorkspaceFormIsNotAddressableAsALibraryForm() throws Exception {
        FormDefinition own = kit.forms().define(admin, Optional.of(workspace.id()),
                new io.clientworkspace.request.NewForm(unique("own"), "Own", intakeForm().fields()));

        mvc.perform(get(LIBRARY + "/" + own.id().value()).with(as(admin))).andExpect(problem(404, "not-found"));
        mvc.perform(postJson(LIBRARY + "/" + own.id().value() + "/retire", admin, "{\"expectedVersion\": 1}"))
                .andExpect(problem(404, "not-found"));

        assertThat(kit.forms().latest(admin, own.id()).status()).isEqualTo(FormStatus.ACTIVE);
    }

    @Test
    void anUnknownTopLevelFieldIs400NamingIt() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, """
                        {"key": "k-1", "name": "N", "fields": [], "tenantId": "x"}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("tenantId"));

        assertThat(Map.of("library", library())).containsEntry("library", List.of());
    }
}
