package io.clientworkspace.spring.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code client-workspace.rest.allowed-origins} admits the host's own single-page app on another origin. */
@TestPropertySource(properties = "client-workspace.rest.allowed-origins=https://app.example.com,https://admin.example.com:8443")
class CrossSiteAllowedOriginsApiTest extends ApiTestSupport {

    private void createFrom(String origin, String fetchSite, int expectedStatus) throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "%s"}""".formatted(unique("ws")))
                        .header("Origin", origin).header("Sec-Fetch-Site", fetchSite))
                .andExpect(status().is(expectedStatus));
    }

    @Test
    void aListedOriginMayPostAlthoughTheBrowserMarksItCrossSite() throws Exception {
        createFrom("https://app.example.com", "cross-site", 201);
    }

    @Test
    void aListedOriginMatchesWhateverItsLetterCaseAndWithItsPort() throws Exception {
        createFrom("HTTPS://App.Example.com", "same-site", 201);
        createFrom("https://admin.example.com:8443", "cross-site", 201);
    }

    @Test
    void anOriginThatIsNotListedIsStillRefused() throws Exception {
        createFrom("https://evil.example", "cross-site", 403);
        createFrom("https://admin.example.com", "same-site", 403);
        createFrom("http://app.example.com", "cross-site", 403);
    }
}
