package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The host's linked records through the REST API: idempotent upserts, who sees invoices and amounts, internal records,
 * validation, and that a client's answers do not depend on records it may not see.
 */
class LinkedRecordApiTest extends ApiTestSupport {

    private static final String INVOICE = """
            {"title": "Brand refresh deposit", "status": "OPEN", "amount": "1250.00", "currency": "EUR",
             "issuedOn": "2026-11-01", "dueOn": "2026-11-30", "url": "https://billing.example.com/inv/14"}""";
    private static final String TICKET = """
            {"title": "Login broken", "status": "OPEN"}""";
    private static final String INTERNAL_TICKET = """
            {"title": "Margin dispute", "status": "OPEN", "visibility": "TEAM"}""";

    private Workspace workspace;
    private Actor carol;
    private Actor dave;

    @BeforeEach
    void workspaceWithAClientAdminAndAViewer() {
        workspace = workspace(admin);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
    }

    private String records(Workspace ws) {
        return "/api/workspaces/" + ws.id().value() + "/records";
    }

    private MockHttpServletRequestBuilder push(Workspace ws, String type, String hostId, String json) {
        return put(records(ws) + "/{type}/{hostId}", type, hostId).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void pushingANewRecordCreatesItAtVersionZero() throws Exception {
        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.type").value("INVOICE"))
                .andExpect(jsonPath("$.hostId").value("INV-14"))
                .andExpect(jsonPath("$.amount").value("1250.00"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.dueOn").value("2026-11-30"))
                .andExpect(jsonPath("$.visibility").value("CLIENT"));
    }

    @Test
    void pushingTheSameContentAgainChangesNothing() throws Exception {
        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin))).andExpect(status().isCreated());

        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""));
    }

    @Test
    void pushingOtherContentRaisesTheVersion() throws Exception {
        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin))).andExpect(status().isCreated());

        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE.replace("\"OPEN\"", "\"PAID\"")).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("PAID"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() throws Exception {
        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin))).andExpect(status().isCreated());

        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE.replace("\"OPEN\"", "\"PAID\"")).with(as(admin))
                .header(HttpHeaders.IF_MATCH, "\"3\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get(records(workspace) + "/INVOICE/INV-14").with(as(admin)))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void badContentNamesEveryFieldAtOnceAndCreatesNothing() throws Exception {
        String json = body(push(workspace, "INVOICE", "INV-15", """
                {"title": "x", "status": "OPEN", "amount": "12,50", "currency": "EURO", "dueOn": "30.11.2026",
                 "startsAt": "tomorrow", "visibility": "SECRET"}""").with(as(admin)));

        assertThat(ApiTestSupport.<List<String>>read(json, "$.errors[*].field"))
                .contains("amount", "currency", "dueOn", "startsAt", "visibility");
        mvc.perform(get(records(workspace)).with(as(admin))).andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void aStatusTheTypeDoesNotKnowIsAFieldError() throws Exception {
        mvc.perform(push(workspace, "TICKET", "T-1", """
                        {"title": "Login broken", "status": "PAID"}""").with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void anAmountWithAHugeExponentIsAFieldErrorOnAmount() throws Exception {
        mvc.perform(push(workspace, "CONTRACT", "C-1", """
                        {"title": "t", "status": "ACTIVE", "amount": 1e999999999, "currency": "EUR"}""").with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    @Test
    void aClientIsRefusedBeforeItsContentIsRead() throws Exception {
        mvc.perform(push(workspace, "NOSUCHTYPE", "C-1", """
                        {"amount": 1e999999999, "currency": "EUR"}""").with(as(carol)))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aDecimalWithTooManyDigitsIsRefusedByTheAdapter() {
        assertThat(LinkedRecordApiController.boundedDecimal(new java.math.BigDecimal("1e999999999"))).isFalse();
    }

    @Test
    void aClientMayNotPushRecords() throws Exception {
        mvc.perform(push(workspace, "TICKET", "T-1", TICKET).with(as(carol))).andExpect(problem(403, "access-denied"));
    }

    @Test
    void aClientAdminSeesInvoicesWithTheirAmounts() throws Exception {
        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin))).andExpect(status().isCreated());

        mvc.perform(get(records(workspace)).with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].hostId", contains("INV-14")))
                .andExpect(jsonPath("$.items[0].amount").value("1250.00"));
    }

    @Test
    void aViewerWithoutBillingSeesNoInvoiceAtAll() throws Exception {
        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin))).andExpect(status().isCreated());
        mvc.perform(push(workspace, "TICKET", "T-1", TICKET).with(as(admin))).andExpect(status().isCreated());

        String list = body(get(records(workspace)).with(as(dave)));

        assertThat(ApiTestSupport.<List<String>>read(list, "$.items[*].hostId")).containsExactly("T-1");
        assertThat(list).doesNotContain("1250").doesNotContain("INV-14");
        mvc.perform(get(records(workspace) + "/INVOICE/INV-14").with(as(dave))).andExpect(problem(404, "not-found"));
    }

    @Test
    void anInternalTicketIsNeverShownToAClient() throws Exception {
        mvc.perform(push(workspace, "TICKET", "T-9", INTERNAL_TICKET).with(as(admin))).andExpect(status().isCreated());

        String list = body(get(records(workspace)).param("type", "TICKET").with(as(carol)));

        assertThat(list).doesNotContain("Margin dispute");
        mvc.perform(get(records(workspace) + "/TICKET/T-9").with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(get(records(workspace) + "/TICKET/T-9").with(as(admin))).andExpect(status().isOk());
    }

    @Test
    void aClientsAnswersAreTheSameWhetherOrNotInternalRecordsAndInvoicesExist() throws Exception {
        Workspace plain = workspace(admin);
        Actor plainViewer = clientMember(plain, admin, WorkspaceRole.CLIENT_VIEWER);
        mvc.perform(push(workspace, "TICKET", "T-9", INTERNAL_TICKET).with(as(admin))).andExpect(status().isCreated());
        mvc.perform(push(workspace, "INVOICE", "INV-14", INVOICE).with(as(admin))).andExpect(status().isCreated());

        for (String path : List.of("", "?type=TICKET", "?type=INVOICE", "/TICKET/T-9", "/INVOICE/INV-14")) {
            String mixed = body(get(records(workspace) + path).with(as(dave)))
                    .replace(workspace.id().value(), "WS").replace(dave.userId().value(), "USER");
            String clean = body(get(records(plain) + path).with(as(plainViewer)))
                    .replace(plain.id().value(), "WS").replace(plainViewer.userId().value(), "USER");
            assertThat(mixed).as(path).isEqualTo(clean);
        }
    }

    @Test
    void theTeamUnlinksARecord() throws Exception {
        mvc.perform(push(workspace, "TICKET", "T-1", TICKET).with(as(admin))).andExpect(status().isCreated());

        mvc.perform(delete(records(workspace) + "/TICKET/T-1").with(as(admin))).andExpect(status().isNoContent());

        mvc.perform(get(records(workspace) + "/TICKET/T-1").with(as(admin))).andExpect(problem(404, "not-found"));
    }
}
