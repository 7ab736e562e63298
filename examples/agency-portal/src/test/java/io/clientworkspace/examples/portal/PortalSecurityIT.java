package io.clientworkspace.examples.portal;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.examples.portal.security.SecurityConfig;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal against cross-site use and abuse (issue 10, findings 3, 4 and 9), over real HTTP: no
 * browser-cached Basic challenge, opaque user ids so that a sign-up never inherits anything, security
 * headers on every response, multipart only for signed-in users, a fresh session and CSRF token after
 * the invitation sign-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalSecurityIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    PortalUsers users;

    // ---- finding 3: no Basic challenge a browser would cache ----

    @Test
    void anApiCallWithoutCredentialsIs401WithoutABasicChallenge() throws Exception {
        HttpResponse<String> response = new Browser().get("/api/workspaces");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("basic").doesNotContain("basic realm"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:client-workspace:problem:unauthenticated");
    }

    @Test
    void aWrongPasswordIs401WithoutABasicChallengeEither() throws Exception {
        HttpResponse<String> response = api("GET", "/api/workspaces", "carol", "not-her-password", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith("basic"));
    }

    @Test
    void credentialsSentUpFrontAsCurlDashUDoesStillWork() throws Exception {
        HttpResponse<String> response = api("GET", "/api/me", "alice", "demo", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.kind")).isEqualTo("TEAM");
    }

    @Test
    void aCrossSiteFormPostToTheApiIsRefusedEvenWithCredentials() throws Exception {
        HttpResponse<String> response = http().send(HttpRequest.newBuilder(uri("/api/workspaces"))
                        .header("Authorization", basic("alice", "demo")).header("Content-Type", "text/plain")
                        .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Evil\",\"slug\":\"evil\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:client-workspace:problem:cross-site-request");
    }

    // ---- finding 4: memberships only for real users, opaque ids ----

    @Test
    void aLeadCannotAddAClientMembershipForAUserWhoDoesNotExist() throws Exception {
        String acme = workspace("acme").id().value();

        HttpResponse<String> response = api("POST", "/api/workspaces/" + acme + "/members", "bob", "demo",
                "{\"userId\":\"mallory\",\"role\":\"CLIENT_ADMIN\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("userId");
        assertThat(kit.members().find(alice(), workspace("acme").id(), UserId.of("mallory"))).isEmpty();
    }

    @Test
    void aLoginNameIsNotAUserIdSoItCannotBeAddedEither() throws Exception {
        String initech = workspace("initech").id().value();

        HttpResponse<String> response = api("POST", "/api/workspaces/" + initech + "/members", "alice", "demo",
                "{\"userId\":\"dave\",\"role\":\"CLIENT_VIEWER\"}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aSignUpUnderAChosenNameGetsAFreshOpaqueIdAndInheritsNothing() throws Exception {
        // The attack: a membership that waits under the name "mallory" is refused up front...
        String acme = workspace("acme").id().value();
        assertThat(api("POST", "/api/workspaces/" + acme + "/members", "bob", "demo",
                "{\"userId\":\"mallory\",\"role\":\"CLIENT_ADMIN\"}").statusCode()).isEqualTo(400);
        // ...and whoever signs up as "mallory" through some invitation gets an id nobody chose.
        Browser visitor = new Browser();
        String name = "mallory-" + UUID.randomUUID().toString().substring(0, 4);
        HttpResponse<String> joined = visitor.signUp(invite("initech"), name, "mallory-secret-1");
        assertThat(joined.statusCode()).isEqualTo(302);

        UserId id = users.idOf(name).orElseThrow();
        assertThat(id.value()).startsWith(PortalUsers.ID_PREFIX).isNotEqualTo(name);
        HttpResponse<String> me = api("GET", "/api/me", name, "mallory-secret-1", null);
        assertThat((String) JsonPath.read(me.body(), "$.userId")).isEqualTo(id.value());
        List<String> slugs = JsonPath.read(api("GET", "/api/workspaces", name, "mallory-secret-1", null).body(),
                "$.items[*].slug");
        assertThat(slugs).containsExactly("initech");
    }

    @Test
    void aLeadAddsAnExistingClientUserByItsId() throws Exception {
        Workspace initech = workspace("initech");
        String name = "direct-" + UUID.randomUUID().toString().substring(0, 4);
        UserId id = users.ensureClientUser(name, "direct-secret-1");

        HttpResponse<String> response = api("POST", "/api/workspaces/" + initech.id().value() + "/members", "alice", "demo",
                "{\"userId\":\"" + id.value() + "\",\"role\":\"CLIENT_VIEWER\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat((String) JsonPath.read(response.body(), "$.userId")).isEqualTo(id.value());
    }

    // ---- finding 9: headers, multipart before sign-in, fresh CSRF token ----

    @Test
    void everyResponseCarriesNoReferrerAndAStrictContentSecurityPolicy() throws Exception {
        Browser visitor = new Browser();
        for (HttpResponse<String> response : List.of(visitor.get("/login"), visitor.get("/invitations/accept?token=nothing"),
                visitor.get("/workspaces"), visitor.get("/css/portal.css"), api("GET", "/api/me", "alice", "demo", null))) {
            assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString()).contains("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .contains(SecurityConfig.CONTENT_SECURITY_POLICY);
        }
        assertThat(SecurityConfig.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src 'self'",
                "frame-ancestors 'none'", "form-action 'self'", "object-src 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void thePagesHoldNoInlineScript() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob", "demo");
        for (String path : List.of("/login", "/workspaces", "/workspaces/acme", "/workspaces/acme/files",
                "/workspaces/acme/approvals")) {
            String html = (path.equals("/login") ? new Browser() : bob).get(path).body();
            assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+=\"");
        }
    }

    @Test
    void aMultipartPostToTheSignInIsRefusedBeforeItsBodyIsRead() throws Exception {
        // The multipart body holds valid credentials: had anything parsed it, alice would be signed in (302).
        String boundary = "b" + UUID.randomUUID();
        String head = part(boundary, "username", "alice") + part(boundary, "password", "demo")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] big = new byte[4 * 1024 * 1024];
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8), big,
                        tail.getBytes(StandardCharsets.UTF_8)))).build();

        HttpResponse<String> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedWhileSending) {
            // The server may close the connection before the client has sent the whole body: refused all the same.
            return;
        }
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aMultipartSignUpIsRefusedBeforeItsBodyIsRead() throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String body = part(boundary, "token", invite("initech")) + part(boundary, "username", "multipart-user")
                + part(boundary, "password", "long-enough-1") + part(boundary, "confirmPassword", "long-enough-1")
                + "--" + boundary + "--\r\n";

        HttpResponse<String> response = http().send(HttpRequest.newBuilder(uri("/invitations/accept"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(users.exists("multipart-user")).isFalse();
    }

    @Test
    void aSignedInUserStillUploadsThroughTheMultipartForm() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice", "demo");
        String token = alice.csrf("/workspaces/initech/files");
        String boundary = "b" + UUID.randomUUID();
        String body = part(boundary, "_csrf", token)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nSigned-in uploads still work.\r\n"
                + "--" + boundary + "--\r\n";

        HttpResponse<String> response = alice.client.send(HttpRequest.newBuilder(uri("/workspaces/initech/files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(kit.files().list(alice(), workspace("initech").id(), Optional.empty(),
                io.clientworkspace.PageRequest.first(100)).items()).anyMatch(f -> f.name().equals("notes.txt"));
    }

    @Test
    void theSignInAfterAcceptingAnInvitationRenewsTheSessionAndTheCsrfToken() throws Exception {
        Browser visitor = new Browser();
        String token = invite("initech");
        String before = visitor.csrf("/invitations/accept?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        String sessionBefore = visitor.session();

        String name = "fresh-" + UUID.randomUUID().toString().substring(0, 4);
        HttpResponse<String> joined = visitor.postForm("/invitations/accept", Map.of("token", token, "username", name,
                "password", "fresh-secret-1", "confirmPassword", "fresh-secret-1", "_csrf", before));
        assertThat(joined.statusCode()).isEqualTo(302);
        assertThat(joined.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/workspaces/initech"));

        assertThat(visitor.session()).isNotEqualTo(sessionBefore);
        assertThat(visitor.postForm("/logout", Map.of("_csrf", before)).statusCode())
                .as("the token handed out before sign-in is dead").isEqualTo(403);
        String after = visitor.csrf("/workspaces/initech");
        HttpResponse<String> signedOut = visitor.postForm("/logout", Map.of("_csrf", after));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login?logout"));
    }

    // ---- helpers ----

    private Actor alice() {
        return new Actor(tenant.id(), users.idOf("alice").orElseThrow(), ActorKind.TEAM);
    }

    private Workspace workspace(String slug) {
        return kit.workspaces().findBySlug(alice(), slug).orElseThrow();
    }

    private String invite(String slug) {
        IssuedInvitation issued = kit.invitations().invite(alice(), workspace(slug).id(),
                // Short addresses: they show in the activity feed, which the browser tests measure on a phone screen.
                NewInvitation.of("p" + UUID.randomUUID().toString().substring(0, 5) + "@" + slug + ".test",
                        WorkspaceRole.CLIENT_CONTRIBUTOR));
        return issued.token();
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private HttpResponse<String> api(String method, String path, String user, String password, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A visitor with its own cookies (its session), following no redirects. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token of the first form on the page. */
        String csrf(String path) throws IOException, InterruptedException {
            String html = get(path).body();
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("a form with a CSRF token on " + path).isTrue();
            return m.group(1);
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        void signIn(String user, String password) throws IOException, InterruptedException {
            String token = csrf("/login");
            HttpResponse<String> response = postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> signUp(String invitationToken, String username, String password)
                throws IOException, InterruptedException {
            String token = csrf("/invitations/accept?token=" + URLEncoder.encode(invitationToken, StandardCharsets.UTF_8));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("token", invitationToken);
            fields.put("username", username);
            fields.put("password", password);
            fields.put("confirmPassword", password);
            fields.put("_csrf", token);
            return postForm("/invitations/accept", fields);
        }
    }
}
