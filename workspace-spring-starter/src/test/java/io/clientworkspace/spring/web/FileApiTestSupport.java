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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the file and approval tests share on top of {@link ApiTestSupport}: real file contents made on
 * the fly (a one-page PDF, a PNG, the start of a Windows executable), raw-body uploads, and files and
 * approvals created through the kit as their tenant admin sees them.
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

    // ---- contents ----

    /** A real, minimal one-page PDF whose text is {@code text}. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A real 2x2 PNG image. */
    static byte[] png() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2, 2,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 0xC2410C);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The start of a Windows PE executable: an MZ header pointing at a PE signature. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
