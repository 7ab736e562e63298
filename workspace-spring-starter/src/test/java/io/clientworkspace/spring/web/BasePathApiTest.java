package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code client-workspace.rest.base-path} moves every endpoint of the API. */
@TestPropertySource(properties = "client-workspace.rest.base-path=/portal-api")
class BasePathApiTest extends ApiTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfEveryKitControllerIsServedUnderTheBasePath() {
        List<String> patterns = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().equals(WorkspaceApiController.class.getPackageName()))
                .map(Map.Entry::getKey)
                .map(RequestMappingInfo::getPatternValues)
                .flatMap(Set::stream)
                .toList();

        // 21 in the workspace, member, invitation and activity controllers alone.
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(21).allMatch(p -> p.startsWith("/portal-api/"));
    }

    @Test
    void theApiAnswersUnderTheBasePath() throws Exception {
        mvc.perform(get("/portal-api/me").with(as(admin)))
                .andExpect(status().isOk());
    }

    @Test
    void theRosterHintNamesTheTeamEndpointUnderTheBasePath() throws Exception {
        Actor stranger = Actor.team(tenant, unique("off-roster"));
        signUp(stranger);

        mvc.perform(get("/portal-api/me").with(as(stranger)))
                .andExpect(jsonPath("$.rosterHint", containsString("POST /portal-api/tenant/team {")));
    }

    @Test
    void nothingAnswersUnderTheDefaultPathAnyMore() throws Exception {
        mvc.perform(get("/api/me").with(as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theLocationOfACreatedWorkspaceIsUnderTheBasePath() throws Exception {
        mvc.perform(post("/portal-api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "acme"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("http://localhost/portal-api/workspaces/")));
    }
}
