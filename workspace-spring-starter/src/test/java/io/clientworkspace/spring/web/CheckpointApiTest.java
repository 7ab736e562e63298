package io.clientworkspace.spring.web;

import org.springframework.beans.factory.annotation.Autowired;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.Actor;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.checkpoint.Checkpoint;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /workspaces/{id}/activity/checkpoints/verification} of {@link CheckpointApiController}. The test
 * application configures no key, so no checkpoint is trusted: these tests pin the shape and the access
 * rules; the verdicts themselves are tested in the core and on the JPA stores.
 */
class CheckpointApiTest extends ApiTestSupport {

    @Autowired
    Stores stores;

    private Workspace workspace;
    private String verification;

    @BeforeEach
    void aWorkspace() {
        workspace = workspace(admin);
        verification = "/api/workspaces/" + workspace.id().value() + "/activity/checkpoints/verification";
    }

    private String json(Checkpoint c) {
        return "[{\"tenantId\":\"" + c.tenantId() + "\",\"workspaceId\":\"" + c.workspaceId() + "\",\"sequence\":"
                + c.sequence() + ",\"headHash\":\"" + c.headHash() + "\",\"entryCount\":" + c.entryCount()
                + ",\"signedAt\":\"" + c.signedAt() + "\",\"keyId\":\"" + c.keyId() + "\",\"signature\":\""
                + c.signature() + "\"}]";
    }

    private Checkpoint signedByAStranger() {
        ActivityEntry head = stores.activity().latest(workspace.tenantId(), workspace.id()).orElseThrow();
        return CheckpointKeys.generate().sign(workspace.tenantId(), workspace.id(), head.sequence(), head.hash(),
                head.sequence(), Instant.now());
    }

    @Test
    void withoutCheckpointsInTheSinkTheReportConfirmsNothing() throws Exception {
        mvc.perform(get(verification).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.tampered").value(false))
                .andExpect(jsonPath("$.chain.intact").value(true))
                .andExpect(jsonPath("$.checks", hasSize(0)));
    }

    @Test
    void aPostedCheckpointOfAnUntrustedKeyIsReportedAndNotConfirmed() throws Exception {
        Checkpoint c = signedByAStranger();

        mvc.perform(post(verification).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(json(c)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checks", hasSize(1)))
                .andExpect(jsonPath("$.checks[0].signature").value("UNTRUSTED_KEY"))
                .andExpect(jsonPath("$.checks[0].chain").value("CONTAINED"))
                .andExpect(jsonPath("$.checks[0].confirmed").value(false))
                .andExpect(jsonPath("$.checks[0].checkpoint.keyId").value(c.keyId()))
                .andExpect(jsonPath("$.intact").value(false));
    }

    @Test
    void aMalformedCheckpointIsAValidationProblem() throws Exception {
        mvc.perform(post(verification).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"tenantId\":\"t\",\"sequence\":0}]"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aClientCannotVerify() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get(verification).with(as(viewer)))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void anotherTenantsWorkspaceIsNotFound() throws Exception {
        OtherTenant other = otherTenant();

        mvc.perform(get(verification).with(as(other.admin())))
                .andExpect(status().isNotFound());
    }

    @Test
    void bothVerificationsAreInTheOpenapiDocument() throws Exception {
        java.util.Map<String, Object> path = read(body(get("/v3/api-docs").with(as(admin))),
                "$.paths['/api/workspaces/{workspaceId}/activity/checkpoints/verification']");

        org.assertj.core.api.Assertions.assertThat(path).containsKeys("get", "post");
    }
}
