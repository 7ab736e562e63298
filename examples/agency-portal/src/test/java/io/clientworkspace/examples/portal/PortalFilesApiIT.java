package io.clientworkspace.examples.portal;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files and approvals REST API through the portal's real servlet container (not MockMvc): a raw
 * body streamed in with its name in Content-Disposition, a multipart form, a download with every
 * header, a client who cannot see an internal file, the approval record. Shares the browser tests'
 * own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-files;DB_CLOSE_DELAY=-1")
class PortalFilesApiIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    io.clientworkspace.examples.portal.security.PortalUsers users;

    private String acme;

    @BeforeEach
    void acmeId() {
        acme = kit.workspaces().findBySlug(new Actor(tenant.id(), users.idOf("alice").orElseThrow(), io.clientworkspace.ActorKind.TEAM), "acme").orElseThrow().id().value();
    }

    @Test
    void aRawBodyUploadNamedInContentDispositionDownloadsByteForByteWithItsHeaders() throws Exception {
        byte[] pdf = DemoFiles.pdf("Meeting notes", "Agreed: launch in May.");
        String disposition = ContentDisposition.attachment().filename("Notes – May.pdf", StandardCharsets.UTF_8).build().toString();

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/workspaces/" + acme + "/files"))
                        .header("Authorization", basic("carol")).header("Content-Type", "application/pdf")
                        .header("Content-Disposition", disposition)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat((String) JsonPath.read(created.body(), "$.name")).isEqualTo("Notes – May.pdf");

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(uri("/api/workspaces/" + acme + "/files/" + id + "/content"))
                .header("Authorization", basic("dave")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(pdf.length);
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).hasSize(66));
        ContentDisposition received = ContentDisposition.parse(download.headers().firstValue("Content-Disposition").orElseThrow());
        assertThat(received.isAttachment()).isTrue();
        assertThat(received.getFilename()).isEqualTo("Notes – May.pdf");
    }

    @Test
    void aMultipartUploadThroughTheRealContainerIsStored() throws Exception {
        String boundary = "----kit" + UUID.randomUUID();
        byte[] png = DemoFiles.mockupPng(0x0F766E);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"teal.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(png);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/workspaces/" + acme + "/files"))
                        .header("Authorization", basic("carol")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat((String) JsonPath.read(created.body(), "$.name")).isEqualTo("teal.png");
    }

    @Test
    void aClientListsNoInternalFileAndGets404ForIt() throws Exception {
        String internalId = kit.files().list(new Actor(tenant.id(), users.idOf("alice").orElseThrow(), io.clientworkspace.ActorKind.TEAM), io.clientworkspace.WorkspaceId.of(acme),
                        java.util.Optional.empty(), io.clientworkspace.PageRequest.first(500)).items().stream()
                .filter(f -> f.name().equals("Margin calculation.pdf")).findFirst().orElseThrow().id().value();

        List<String> names = JsonPath.read(get("/api/workspaces/" + acme + "/files", "carol").body(), "$.items[*].name");
        assertThat(names).contains("Homepage mockup.png").doesNotContain("Margin calculation.pdf");
        HttpResponse<String> internal = get("/api/workspaces/" + acme + "/files/" + internalId + "/content", "carol");
        assertThat(internal.statusCode()).isEqualTo(404);
        assertThat((String) JsonPath.read(internal.body(), "$.type")).isEqualTo("urn:client-workspace:problem:not-found");
        assertThat(get("/api/workspaces/" + acme + "/files/" + internalId, "bob").statusCode()).isEqualTo(200);
    }

    @Test
    void theApprovalRecordOfTheDemoMockupNamesItsFileVersionAndSha256() throws Exception {
        HttpResponse<String> list = get("/api/workspaces/" + acme + "/approvals", "carol");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> ids = JsonPath.read(list.body(), "$.items[?(@.title == 'Approve the homepage mockup')].id");

        HttpResponse<String> record = get("/api/workspaces/" + acme + "/approvals/" + ids.get(0), "alice");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(record.body(), "$.request.subject.type")).isEqualTo("FILE_VERSION");
        assertThat((String) JsonPath.read(record.body(), "$.request.subject.sha256")).hasSize(64);
        assertThat((List<String>) JsonPath.read(record.body(), "$.request.approvers")).containsExactly(users.idOf("carol").orElseThrow().value());
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
