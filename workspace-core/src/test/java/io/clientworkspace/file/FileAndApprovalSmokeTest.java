package io.clientworkspace.file;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tck.SampleFiles;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file and approval flow end to end on the in-memory stores: the shape a host uses first. */
class FileAndApprovalSmokeTest {

    private static final byte[] PDF = SampleFiles.pdf();

    @Test
    void aClientApprovesTheExactVersionItDownloaded() throws Exception {
        WorkspaceKit kit = WorkspaceKit.builder().userDirectory((tenant, user) -> user.value().equals("carol")).build();
        Tenant agency = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        kit.members().add(alice, acme.id(), UserId.of("carol"), WorkspaceRole.CLIENT_ADMIN);
        Actor carol = Actor.client(agency.id(), "carol");

        FileAsset file = kit.files().upload(alice, acme.id(), NewUpload.of("proposal.pdf", "application/pdf"),
                new ByteArrayInputStream(PDF));
        ApprovalRequest request = kit.approvals().requestForFile(alice, acme.id(), file.id(), 1,
                NewApproval.of("Sign off the proposal", Set.of(UserId.of("carol"))));
        try (FileDownload download = kit.downloads().download(carol, acme.id(), file.id(), OptionalInt.empty());
             InputStream in = download.content()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
            assertThat(download.version().detectedType()).isEqualTo("application/pdf");
        }
        ApprovalRequest decided = kit.approvals().decide(carol, acme.id(), request.id(), DecisionKind.APPROVE, Optional.empty());

        assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(kit.approvals().isApproved(alice, acme.id(), file.id(), 1)).isTrue();
        assertThat(kit.approvals().record(alice, acme.id(), request.id()).decisions()).singleElement()
                .satisfies(d -> assertThat(d.sha256()).contains(kit.files().versions(alice, acme.id(), file.id()).get(0).sha256()));
        assertThat(kit.activity().verify(alice, acme.id()).isIntact()).isTrue();
    }

    @Test
    void aNewVersionSupersedesOpenApprovalsAndAnExecutableNamedPdfIsRefused() {
        WorkspaceKit kit = WorkspaceKit.builder().userDirectory((tenant, user) -> user.value().equals("carol")).build();
        Tenant agency = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        kit.members().add(alice, acme.id(), UserId.of("carol"), WorkspaceRole.CLIENT_ADMIN);
        FileAsset file = kit.files().upload(alice, acme.id(), NewUpload.of("proposal.pdf", "application/pdf"),
                new ByteArrayInputStream(PDF));
        ApprovalRequest request = kit.approvals().requestForFile(alice, acme.id(), file.id(), 1,
                NewApproval.of("Sign off", Set.of(UserId.of("carol"))));

        kit.files().uploadVersion(alice, acme.id(), file.id(), "proposal.pdf", "application/pdf", new ByteArrayInputStream(PDF));

        assertThat(kit.approvals().get(alice, acme.id(), request.id()).status()).isEqualTo(ApprovalStatus.SUPERSEDED);
        assertThatThrownBy(() -> kit.approvals().decide(Actor.client(agency.id(), "carol"), acme.id(), request.id(),
                DecisionKind.APPROVE, Optional.empty())).isInstanceOf(ConflictException.class);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThatThrownBy(() -> kit.files().upload(alice, acme.id(), NewUpload.of("invoice.pdf", "application/pdf"),
                new ByteArrayInputStream(exe)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("application/x-msdownload");
    }
}
