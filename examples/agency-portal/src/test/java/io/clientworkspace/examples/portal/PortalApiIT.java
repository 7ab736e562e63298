package io.clientworkspace.examples.portal;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API as the portal serves it: HTTP Basic for every portal user, the kit's isolation, its OpenAPI document. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalApiIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    io.clientworkspace.examples.portal.security.PortalUsers users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void clientListsOnlyItsOwnWorkspace() throws Exception {
        HttpResponse<String> response = get("/api/workspaces", "carol", "demo");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> slugs = JsonPath.read(response.body(), "$.items[*].slug");
        assertThat(slugs).containsExactly("acme");
    }

    @Test
    void tenantAdminListsEveryWorkspace() throws Exception {
        HttpResponse<String> response = get("/api/workspaces", "alice", "demo");

        List<String> slugs = JsonPath.read(response.body(), "$.items[*].slug");
        assertThat(slugs).containsExactly("acme", "globex", "initech");
    }

    @Test
    void clientGetsNotFoundForAnotherClientsWorkspace() throws Exception {
        String globexId = kit.workspaces().findBySlug(new Actor(tenant.id(), users.idOf("alice").orElseThrow(), io.clientworkspace.ActorKind.TEAM), "globex").orElseThrow().id().value();

        HttpResponse<String> response = get("/api/workspaces/" + globexId, "carol", "demo");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:client-workspace:problem:not-found");
    }

    @Test
    void meNamesTheSignedInUserAsAClientOfTheAgency() throws Exception {
        HttpResponse<String> response = get("/api/me", "dave", "demo");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> me = JsonPath.read(response.body(), "$");
        // The kit knows dave by the opaque id the portal generated for his account, not by his login name.
        assertThat(me).containsEntry("userId", users.idOf("dave").orElseThrow().value()).containsEntry("kind", "CLIENT")
                .containsEntry("tenantId", tenant.id().value());
    }

    @Test
    void apiWithoutCredentialsIs401WithoutAskingTheBrowserForHttpBasic() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/workspaces")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).doesNotStartWith("Basic"));
    }

    @Test
    void apiRefusesAWrongPassword() throws Exception {
        assertThat(get("/api/workspaces", "carol", "not-her-password").statusCode()).isEqualTo(401);
    }

    @Test
    void apiCallsNeedNoCsrfTokenSoTheKitDecides() throws Exception {
        // Without CSRF protection on /api the request reaches the kit, which refuses a client creating workspaces.
        HttpResponse<String> response = post("/api/workspaces", "carol", "demo", "{\"name\":\"Sneaky\",\"slug\":\"sneaky\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:client-workspace:problem:access-denied");
    }

    @Test
    void eventsOfAnApiCallAreMarkedDeliveredWhenItCommits() throws Exception {
        String initechId = kit.workspaces().findBySlug(new Actor(tenant.id(), users.idOf("alice").orElseThrow(), io.clientworkspace.ActorKind.TEAM), "initech").orElseThrow().id().value();

        HttpResponse<String> created = post("/api/workspaces/" + initechId + "/invitations", "alice", "demo",
                "{\"email\":\"api-invitee@initech.test\",\"role\":\"CLIENT_VIEWER\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        // Nothing is left for the outbox relay: the after-commit delivery marked every event delivered.
        assertThat(kit.relayUndeliveredEvents(Duration.ZERO, 500)).isZero();
    }

    @Test
    void openApiDocumentListsEveryApiEndpoint() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Map<String, Object>> documented = JsonPath.read(response.body(), "$.paths");

        List<String> served = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        served.add(method.name().toLowerCase(Locale.ROOT) + " " + path);
                    }
                }
            }
        }
        List<String> listed = new ArrayList<>();
        documented.forEach((path, operations) -> operations.keySet().forEach(method -> listed.add(method + " " + path)));

        assertThat(served).contains("get /api/workspaces", "post /api/workspaces/{workspaceId}/invitations");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void openApiDocumentTakesTheActorFromSignInNotFromParameters() throws Exception {
        String body = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body();

        List<String> parameterNames = JsonPath.read(body, "$.paths.*.*.parameters[*].name");
        assertThat(parameterNames).isNotEmpty().doesNotContain("actor");
        Map<String, Object> basic = JsonPath.read(body, "$.components.securitySchemes.basicAuth");
        assertThat(basic).containsEntry("scheme", "basic");
    }

    @Test
    void webPagesSendAnonymousVisitorsToSignIn() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/workspaces")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    }

    private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String password, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
