package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;

import jakarta.servlet.ServletContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;

import static io.clientworkspace.tck.SampleFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code client-workspace.files.max-size} reaches the kit's content policy, and an upload over it is 413 with
 * the limit, whether its declared length gives it away before a byte is read or the kit finds out while
 * streaming it (a body of unknown length); an upload of exactly the limit is fine.
 */
@TestPropertySource(properties = "client-workspace.files.max-size=2KB")
class UploadSizeLimitApiTest extends FileApiTestSupport {

    private static final int LIMIT = 2048;

    private Workspace workspace;
    private Actor client;

    @BeforeEach
    void workspaceWithAClient() {
        workspace = workspace(admin);
        client = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    @Test
    void anUploadDeclaringALengthOverTheLimitIs413WithTheLimit() throws Exception {
        mvc.perform(rawUpload(workspace, "big.txt", "text/plain", text(LIMIT + 1)).with(as(client)))
                .andExpect(problem(413, "payload-too-large"))
                .andExpect(jsonPath("$.maxSize").value(LIMIT));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void anUploadOfUnknownLengthOverTheLimitIs413OnceTheKitHasReadPastIt() throws Exception {
        mvc.perform(new UnknownLengthPost().uri(base(workspace) + "/files").queryParam("name", "big.txt")
                        .contentType("text/plain").content(text(LIMIT + 100)).with(as(client)))
                .andExpect(problem(413, "payload-too-large"));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void anUploadOfExactlyTheLimitIsAccepted() throws Exception {
        mvc.perform(rawUpload(workspace, "fits.txt", "text/plain", text(LIMIT)).with(as(client)))
                .andExpect(status().isCreated());
    }

    @Test
    void aMultipartUploadOverTheLimitIs413Too() throws Exception {
        mvc.perform(multipart(base(workspace) + "/files").file(new MockMultipartFile("file", "big.txt", "text/plain",
                        text(LIMIT + 1))).with(as(client)))
                .andExpect(problem(413, "payload-too-large"));
    }

    @Test
    void aNewVersionOverTheLimitIs413AndTheFileKeepsItsVersions() throws Exception {
        FileAsset file = kit.files().upload(admin, workspace.id(),
                io.clientworkspace.file.NewUpload.of("notes.txt", "text/plain"), new ByteArrayInputStream(text(10)));

        mvc.perform(post(base(workspace) + "/files/{id}/versions", file.id().value()).contentType("text/plain")
                        .content(text(LIMIT * 2)).with(as(client)))
                .andExpect(problem(413, "payload-too-large"));

        assertThat(versionsOf(admin, file)).extracting(FileVersion::number).containsExactly(1);
    }

    /** A POST whose body has no declared length, as with chunked transfer encoding. */
    private static final class UnknownLengthPost extends AbstractMockHttpServletRequestBuilder<UnknownLengthPost> {

        UnknownLengthPost() {
            super(HttpMethod.POST);
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }
}
