package io.clientworkspace.spring.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code client-workspace.rest.cross-site-protection=false} leaves cross-site calls to the host. */
@TestPropertySource(properties = "client-workspace.rest.cross-site-protection=false")
class CrossSiteProtectionOffApiTest extends ApiTestSupport {

    @Test
    void aCrossSitePostPassesWhenTheProtectionIsOff() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "%s"}""".formatted(unique("ws")))
                        .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isCreated());
    }
}
