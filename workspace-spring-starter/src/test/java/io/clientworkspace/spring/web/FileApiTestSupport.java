package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.workspace.Workspace;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the file and approval tests share on top of {@link ApiTestSupport}: raw-body uploads, and files and
 * approvals created through the kit as their tenant admin sees them (file contents come from the TCK's
 * {@link io.clientworkspace.tck.SampleFiles}).
 */
abstract class FileApiTestSupport extends ApiTestSupport {

    static String base(Workspace workspace) {
        return "/api/workspaces/" + workspace.id().value();
    }

    /** A raw-body upload of a new file, the name in the query. */
    static MockHttpServletRequestBuilder rawUpload(Workspace workspace, String name, String contentType, byte[] bytes) {
        return post(base(workspace) + "/files").queryParam("name", name).contentType(contentType).content(bytes);
    }

    /** A client-visible file uploaded through the kit. */
    FileAsset file(Actor uploader, Workspace workspace, String name, byte[] bytes) {
        return kit.files().upload(uploader, workspace.id(), NewUpload.of(name, "application/pdf"),
                new ByteArrayInputStream(bytes));
    }

    /** An internal (team-only) file uploaded through the kit. */
    FileAsset internalFile(Actor uploader, Workspace workspace, String name, byte[] bytes) {
        return kit.files().upload(uploader, workspace.id(), NewUpload.of(name, "application/pdf").internal(),
                new ByteArrayInputStream(bytes));
    }

    /** An approval of the file's latest version, asked of the approvers. */
    ApprovalRequest approvalOf(Actor requester, FileAsset file, Actor... approvers) {
        return kit.approvals().requestForFile(requester, file.workspaceId(), file.id(), file.latestVersion(),
                NewApproval.of("Approve " + file.name(), ids(approvers)));
    }

    static Set<io.clientworkspace.UserId> ids(Actor... actors) {
        List<io.clientworkspace.UserId> ids = new ArrayList<>();
        for (Actor a : actors) {
            ids.add(a.userId());
        }
        return Set.copyOf(ids);
    }

    /** Every active and trashed file of the workspace's top level, as its tenant admin sees them now. */
    List<FileAsset> filesOf(Actor tenantAdmin, WorkspaceId workspaceId) {
        List<FileAsset> all = new ArrayList<>(kit.files().list(tenantAdmin, workspaceId, java.util.Optional.empty(),
                PageRequest.first(500)).items());
        all.addAll(kit.files().trash(tenantAdmin, workspaceId, java.util.Optional.empty(), PageRequest.first(500)).items());
        return all;
    }

    List<FileVersion> versionsOf(Actor tenantAdmin, FileAsset file) {
        return kit.files().versions(tenantAdmin, file.workspaceId(), file.id());
    }

    FileAsset reread(Actor tenantAdmin, FileAsset file) {
        return kit.files().get(tenantAdmin, file.workspaceId(), FileId.of(file.id().value()));
    }
}
