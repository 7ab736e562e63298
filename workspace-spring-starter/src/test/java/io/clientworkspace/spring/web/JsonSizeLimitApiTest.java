package io.clientworkspace.spring.web;

import io.clientworkspace.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.RequestBuilder;

import java.util.Base64;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code client-workspace.rest.max-json-size} bounds every JSON body the API reads, with or without Content-Length. */
@TestPropertySource(properties = "client-workspace.rest.max-json-size=2KB")
class JsonSizeLimitApiTest extends ApiTestSupport {

    private static String workspaceJson(String slug, int padding) {
        return """
                {"name": "Acme", "slug": "%s", "description": "%s"}""".formatted(slug, "x".repeat(padding));
    }

    private boolean exists(String slug) {
        return kit.workspaces().list(admin, PageRequest.first(500)).items().stream().anyMatch(w -> w.slug().equals(slug));
    }

    @Test
    void aJsonBodyOverTheLimitIs413PayloadTooLargeWithMaxSize() throws Exception {
        String slug = unique("ws");

        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(workspaceJson(slug, 4096)))
                .andExpect(problem(413, "payload-too-large"))
                .andExpect(jsonPath("$.maxSize").value(2048));

        assertThat(exists(slug)).isFalse();
    }

    @Test
    void aPermissionMatrixOverTheLimitIs413AndTheMatrixStaysAsItWas() throws Exception {
        String padded = "\"VIEW_WORKSPACE\", ".repeat(200);
        String body = """
                {"roles": {"LEAD": [%s"VIEW_WORKSPACE"], "MEMBER": ["VIEW_WORKSPACE"], "CLIENT_ADMIN": ["VIEW_WORKSPACE"],
                 "CLIENT_CONTRIBUTOR": ["VIEW_WORKSPACE"], "CLIENT_VIEWER": ["VIEW_WORKSPACE"]}}""".formatted(padded);

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(413, "payload-too-large"));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(io.clientworkspace.member.PermissionMatrix.defaults());
    }

    @Test
    void aChunkedJsonBodyWithoutContentLengthOverTheLimitIs413() throws Exception {
        String slug = unique("ws");
        byte[] json = workspaceJson(slug, 4096).getBytes(StandardCharsets.UTF_8);

        RequestBuilder chunked = servletContext -> {
            MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "POST", "/api/workspaces") {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
            request.setContent(json);
            request.setContentType(MediaType.APPLICATION_JSON_VALUE);
            request.addHeader("Transfer-Encoding", "chunked");
            request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (admin.userId().value() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            return request;
        };

        mvc.perform(chunked)
                .andExpect(problem(413, "payload-too-large"));

        assertThat(exists(slug)).isFalse();
    }

    @Test
    void aJsonBodyWithinTheLimitIsReadAsBefore() throws Exception {
        String slug = unique("ws");

        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "%s"}""".formatted(slug)))
                .andExpect(status().isCreated());

        assertThat(exists(slug)).isTrue();
    }

    @Test
    void anUploadLargerThanTheJsonLimitIsNotBoundByIt() throws Exception {
        var workspace = workspace(admin);
        byte[] text = "hello\n".repeat(2000).getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/api/workspaces/" + workspace.id().value() + "/files").with(as(admin))
                        .param("name", "notes.txt").contentType(MediaType.TEXT_PLAIN).content(text))
                .andExpect(status().isCreated());
    }
}
