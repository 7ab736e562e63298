package com.example.crm;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through over real HTTP with HTTP Basic: the kit's REST API for the CRM's team user and client
 * user, and the CRM's own form endpoint with its CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrmApiIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void meNamesAliceATeamUserAndAdminOfTenantAcme() throws Exception {
        HttpResponse<String> me = send("GET", "/api/me", "alice", null);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(me.body(), "$.tenantId")).isEqualTo("acme");
        assertThat(JsonPath.<String>read(me.body(), "$.kind")).isEqualTo("TEAM");
        assertThat(JsonPath.<String>read(me.body(), "$.tenantRole")).isEqualTo("TENANT_ADMIN");
    }

    @Test
    void teamUserCreatesAWorkspaceListsItAddsTheClientAndInvitesAnother() throws Exception {
        HttpResponse<String> created = send("POST", "/api/workspaces", "alice",
                "{\"name\":\"Soylent\",\"slug\":\"" + uniqueSlug("soylent") + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");

        assertThat(allWorkspaceIds("alice")).contains(id);
        assertThat(send("POST", "/api/workspaces/" + id + "/members", "alice",
                "{\"userId\":\"carol\",\"role\":\"CLIENT_CONTRIBUTOR\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/workspaces/" + id + "/invitations", "alice",
                "{\"email\":\"dan@soylent.test\",\"role\":\"CLIENT_VIEWER\"}").statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/workspaces/" + id, "carol", null).statusCode()).isEqualTo(200);
    }

    @Test
    void clientSeesItsCustomersWorkspaceButGets404ForAnotherCustomers() throws Exception {
        String own = JsonPath.read(onboard("Tyrell", "carol").body(), "$.workspaceId");
        String other = JsonPath.read(send("POST", "/api/workspaces", "alice",
                "{\"name\":\"Cyberdyne\",\"slug\":\"" + uniqueSlug("cyberdyne") + "\"}").body(), "$.id");

        assertThat(allWorkspaceIds("carol")).contains(own).doesNotContain(other);
        HttpResponse<String> refused = send("GET", "/api/workspaces/" + other, "carol", null);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:client-workspace:problem:not-found");
    }

    @Test
    void teamUserOnboardsACustomerWithTheCsrfTokenOfTheCrm() throws Exception {
        HttpResponse<String> onboarded = onboard("Oscorp", "carol");

        assertThat(onboarded.statusCode()).isEqualTo(201);
        String location = onboarded.headers().firstValue("Location").orElseThrow();
        assertThat(JsonPath.<String>read(send("GET", location, "carol", null).body(), "$.workspaceName")).isEqualTo("Oscorp");
    }

    @Test
    void aPostToTheCrmsFormWithoutCsrfTokenIs403NotABare401() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/crm/customers"))
                .header("Authorization", basic("alice", "demo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Forged&clientUserId=carol")).build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordIs401() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/workspaces"))
                .header("Authorization", basic("carol", "wrong")).build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    /** A slug no earlier run in this JVM used: the test database is shared in memory and outlives one context. */
    private static String uniqueSlug(String base) {
        return base + "-" + UUID.randomUUID();
    }

    /** The ids of every workspace the user sees, following the cursor through every page. */
    private List<String> allWorkspaceIds(String user) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String body = send("GET", "/api/workspaces?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), user, null).body();
            ids.addAll(JsonPath.<List<String>>read(body, "$.items[*].id"));
            cursor = JsonPath.using(Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS))
                    .parse(body).read("$.nextCursor");
        } while (cursor != null);
        return ids;
    }

    private HttpResponse<String> onboard(String name, String clientUser) throws Exception {
        HttpResponse<String> csrf = send("GET", "/crm/csrf", "alice", null);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/crm/customers"))
                .header("Authorization", basic("alice", "demo"))
                .header(JsonPath.read(csrf.body(), "$.headerName"), JsonPath.read(csrf.body(), "$.token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&clientUserId=" + clientUser)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user, "demo"));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
