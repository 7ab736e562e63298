package io.clientworkspace.tck;

import io.clientworkspace.Actor;
import io.clientworkspace.FeatureStatus;
import io.clientworkspace.FeatureUnavailableException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.approval.ApprovalService;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.FileService;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A kit on a store set that provides only the foundation stores (see {@link FoundationOnlyStores}) works
 * for tenants, workspaces, members, invitations and activity, and reports files and approvals
 * unavailable, naming the missing store SPI. Implement {@link #createStores()} to return such a set over
 * the implementation under test, e.g. {@code FoundationOnlyStores.of(MyStores.create())}.
 */
public abstract class FoundationOnlyStoreSetContract extends StoreContractSupport {

    @TempDir
    Path blobDir;

    private WorkspaceKit kit() {
        return WorkspaceKit.builder().stores(stores()).blobStore(new FileSystemBlobStore(blobDir)).build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }

    @Test
    void theStoreSetProvidesOnlyTheFoundationStores() {
        assertThat(stores().provided()).containsExactlyInAnyOrderElementsOf(Stores.FOUNDATION);
    }

    @Test
    void aKitOnTheFoundationCreatesTenantsAndTheirTeams() {
        WorkspaceKit kit = kit();
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");

        kit.tenants().addTeamMember(alice, UserId.of("bob"), TenantRole.TEAM_MEMBER);

        assertThat(kit.tenants().get(alice).name()).isEqualTo("Northwind Agency");
        assertThat(kit.tenants().team(alice, PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void aKitOnTheFoundationCreatesWorkspacesAndAddsMembers() {
        WorkspaceKit kit = kit();
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        kit.tenants().addTeamMember(alice, UserId.of("bob"), TenantRole.TEAM_MEMBER);

        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", unique("acme")));
        kit.members().add(alice, acme.id(), UserId.of("bob"), WorkspaceRole.MEMBER);

        assertThat(kit.workspaces().list(alice, PageRequest.first()).items()).extracting(Workspace::id)
                .containsExactly(acme.id());
        assertThat(kit.members().list(alice, acme.id(), PageRequest.first()).items()).extracting(Membership::userId)
                .containsExactlyInAnyOrder(UserId.of("alice"), UserId.of("bob"));
    }

    @Test
    void aKitOnTheFoundationInvitesAClientWhoAccepts() {
        WorkspaceKit kit = kit();
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", unique("acme")));

        IssuedInvitation issued = kit.invitations().invite(alice, acme.id(),
                NewInvitation.of("carol@acme.example", WorkspaceRole.CLIENT_VIEWER));
        Membership carol = kit.invitations().accept(Actor.client(tenant.id(), "carol"), issued.token());

        assertThat(carol.role()).isEqualTo(WorkspaceRole.CLIENT_VIEWER);
        assertThat(kit.invitations().listPending(alice, acme.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aKitOnTheFoundationRecordsActivityWhoseChainVerifies() {
        WorkspaceKit kit = kit();
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", unique("acme")));
        kit.invitations().invite(alice, acme.id(), NewInvitation.of("carol@acme.example", WorkspaceRole.CLIENT_VIEWER));

        List<ActivityEntry> feed = kit.activity().feed(alice, acme.id(), PageRequest.first()).items();

        assertThat(feed).isNotEmpty();
        assertThat(kit.activity().verify(alice, acme.id()).isIntact()).isTrue();
        assertThat(kit.checkpoints()).isNotNull();
    }

    @Test
    void filesAreUnavailableNamingTheFolderStore() {
        WorkspaceKit kit = kit();

        assertThatThrownBy(kit::files).isInstanceOfSatisfying(FeatureUnavailableException.class, e -> {
            assertThat(e.feature()).isEqualTo("files");
            assertThat(e.missingStore()).isEqualTo(FolderStore.class);
        }).hasMessageContaining(FolderStore.class.getName());
    }

    @Test
    void approvalsAreUnavailableNamingTheApprovalStore() {
        WorkspaceKit kit = kit();

        assertThatThrownBy(kit::approvals).isInstanceOfSatisfying(FeatureUnavailableException.class, e -> {
            assertThat(e.feature()).isEqualTo("approvals");
            assertThat(e.missingStore()).isEqualTo(ApprovalStore.class);
        }).hasMessage("Approvals are unavailable: the store set provides no io.clientworkspace.spi.ApprovalStore"
                + " (InMemoryStores.create() and JpaStores.create(...) provide every store)");
    }

    @Test
    void askingForAServiceOfAnUnavailableFeatureNamesTheMissingStore() {
        WorkspaceKit kit = kit();

        assertThatThrownBy(() -> kit.service(FileService.class)).isInstanceOf(FeatureUnavailableException.class)
                .hasMessageContaining(FolderStore.class.getName());
        assertThatThrownBy(() -> kit.service(ApprovalService.class)).isInstanceOf(FeatureUnavailableException.class)
                .hasMessageContaining(ApprovalStore.class.getName());
    }

    @Test
    void everyFileServiceIsUnavailableNamingTheFolderStore() {
        WorkspaceKit kit = kit();

        for (ThrowingCallable accessor : List.<ThrowingCallable>of(kit::folders, kit::files, kit::downloads,
                kit::fileMaintenance)) {
            assertThatThrownBy(accessor).isInstanceOfSatisfying(FeatureUnavailableException.class, e -> {
                assertThat(e.feature()).isEqualTo("files");
                assertThat(e.missingStore()).isEqualTo(FolderStore.class);
            });
        }
    }

    @Test
    void theKitReportsWhichFeaturesAreAvailable() {
        WorkspaceKit kit = kit();

        assertThat(kit.features()).contains(
                new FeatureStatus("tenants", true, Optional.empty()),
                new FeatureStatus("workspaces", true, Optional.empty()),
                new FeatureStatus("activity", true, Optional.empty()),
                new FeatureStatus("files", false, Optional.of(FolderStore.class)),
                new FeatureStatus("approvals", false, Optional.of(ApprovalStore.class)));
    }
}
