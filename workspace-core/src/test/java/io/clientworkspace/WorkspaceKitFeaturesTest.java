package io.clientworkspace;

import io.clientworkspace.approval.ApprovalService;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.DownloadService;
import io.clientworkspace.file.FileMaintenance;
import io.clientworkspace.file.FileService;
import io.clientworkspace.file.FolderService;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.InvitationStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.PermissionMatrixStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit builds its foundation, then every feature whose stores the store set provides. */
class WorkspaceKitFeaturesTest {

    @TempDir
    Path blobDir;

    private WorkspaceKit kitOn(Stores stores) {
        return WorkspaceKit.builder().stores(stores).blobStore(new FileSystemBlobStore(blobDir)).build();
    }

    /** A store set as a plugin writes it today: a hand-written builder with every store the kit has now. */
    private static Stores pluginStoreSet() {
        Stores s = InMemoryStores.create();
        return Stores.builder(s.unitOfWork())
                .add(TenantStore.class, s.tenants())
                .add(TeamStore.class, s.team())
                .add(PermissionMatrixStore.class, s.permissionMatrices())
                .add(WorkspaceStore.class, s.workspaces())
                .add(MembershipStore.class, s.memberships())
                .add(InvitationStore.class, s.invitations())
                .add(ActivityStore.class, s.activity())
                .add(FolderStore.class, s.require(FolderStore.class))
                .add(FileStore.class, s.require(FileStore.class))
                .add(DownloadLogStore.class, s.require(DownloadLogStore.class))
                .add(ApprovalStore.class, s.require(ApprovalStore.class))
                .build();
    }

    @Test
    void everyFeatureIsAvailableOnTheInMemoryStores() {
        WorkspaceKit kit = kitOn(InMemoryStores.create());

        assertThat(kit.features()).extracting(FeatureStatus::name).containsExactly("tenants", "workspaces",
                "access-policies", "activity", "files", "approvals", "requests", "projects", "calendar",
                "conversations", "replies", "templates", "records", "notifications", "checkpoints");
        assertThat(kit.features()).allSatisfy(f -> {
            assertThat(f.available()).as(f.name()).isTrue();
            assertThat(f.missingStore()).isEmpty();
        });
    }

    @Test
    void aStoreSetWrittenByAPluginWithTodaysStoresKeepsWorking() {
        WorkspaceKit kit = kitOn(pluginStoreSet());
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));

        kit.folders().create(alice, acme.id(), "Contracts", Optional.empty(), io.clientworkspace.activity.Visibility.CLIENT);

        // features added after the plugin was written (requests, projects, calendar, conversations, replies,
        // templates, records, notifications) are unavailable on it, naming their store
        assertThat(kit.features()).filteredOn(f -> !f.name().equals("requests") && !f.name().equals("conversations")
                        && !f.name().equals("replies") && !f.name().equals("projects")
                        && !f.name().equals("calendar") && !f.name().equals("templates")
                        && !f.name().equals("records") && !f.name().equals("notifications"))
                .allMatch(FeatureStatus::available);
        assertThat(kit.features()).contains(new FeatureStatus("notifications", false,
                Optional.of(io.clientworkspace.spi.NotificationStore.class)));
        assertThat(kit.features()).contains(new FeatureStatus("calendar", false,
                Optional.of(io.clientworkspace.spi.ScheduledEventStore.class)));
        assertThat(kit.features()).filteredOn(f -> f.name().equals("replies")).singleElement()
                .satisfies(f -> assertThat(f.available()).isFalse());
        assertThat(kit.features()).contains(new FeatureStatus("conversations", false,
                Optional.of(io.clientworkspace.spi.ConversationStore.class)));
        assertThat(kit.features()).filteredOn(f -> f.name().equals("requests")).singleElement()
                .satisfies(f -> assertThat(f.missingStore()).contains(io.clientworkspace.spi.FormStore.class));
        assertThat(kit.features()).contains(new FeatureStatus("projects", false,
                Optional.of(io.clientworkspace.spi.ProjectStore.class)));
        assertThat(kit.folders().list(alice, acme.id(), Optional.empty(), PageRequest.first()).items()).hasSize(1);
        assertThat(kit.activity().verify(alice, acme.id()).isIntact()).isTrue();
    }

    @Test
    void theAccessorsAndServiceReturnTheSameServices() {
        WorkspaceKit kit = kitOn(InMemoryStores.create());

        assertThat(kit.service(FolderService.class)).isSameAs(kit.folders());
        assertThat(kit.service(FileService.class)).isSameAs(kit.files());
        assertThat(kit.service(DownloadService.class)).isSameAs(kit.downloads());
        assertThat(kit.service(FileMaintenance.class)).isSameAs(kit.fileMaintenance());
        assertThat(kit.service(ApprovalService.class)).isSameAs(kit.approvals());
    }

    @Test
    void aStoreSetWithoutTheApprovalStoreHasFilesButNoApprovals() {
        Stores full = InMemoryStores.create();
        Stores.Builder builder = Stores.builder(full.unitOfWork());
        full.provided().stream().filter(spi -> spi != ApprovalStore.class).forEach(spi -> copy(full, builder, spi));

        WorkspaceKit kit = kitOn(builder.build());

        assertThat(kit.files()).isNotNull();
        assertThat(kit.features()).contains(new FeatureStatus("files", true, Optional.empty()),
                new FeatureStatus("approvals", false, Optional.of(ApprovalStore.class)));
        assertThatThrownBy(kit::approvals).isInstanceOf(FeatureUnavailableException.class)
                .hasMessageContaining("io.clientworkspace.spi.ApprovalStore");
    }

    @Test
    void aFeatureBuiltOnAnUnavailableFeatureIsUnavailableNamingTheStoreThatIsMissing() {
        Stores full = InMemoryStores.create();
        Stores.Builder builder = Stores.builder(full.unitOfWork());
        full.provided().stream().filter(spi -> spi != DownloadLogStore.class).forEach(spi -> copy(full, builder, spi));

        WorkspaceKit kit = kitOn(builder.build());

        assertThat(kit.features()).contains(new FeatureStatus("files", false, Optional.of(DownloadLogStore.class)),
                new FeatureStatus("approvals", false, Optional.of(DownloadLogStore.class)));
        assertThatThrownBy(kit::approvals).isInstanceOf(FeatureUnavailableException.class)
                .hasMessageContaining("io.clientworkspace.spi.DownloadLogStore");
    }

    @Test
    void aStoreSetWithoutFoundationStoresFailsTheBuildNamingEachOne() {
        Stores full = InMemoryStores.create();
        Stores noTeamNoActivity = Stores.builder(full.unitOfWork())
                .add(TenantStore.class, full.tenants())
                .add(PermissionMatrixStore.class, full.permissionMatrices())
                .add(WorkspaceStore.class, full.workspaces())
                .add(MembershipStore.class, full.memberships())
                .add(InvitationStore.class, full.invitations())
                .build();

        assertThatThrownBy(() -> kitOn(noTeamNoActivity)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.clientworkspace.spi.TeamStore")
                .hasMessageContaining("io.clientworkspace.spi.ActivityStore")
                .hasMessageNotContaining("io.clientworkspace.spi.TenantStore");
    }

    @Test
    void askingForAServiceNoFeatureProvidesIsAnIllegalArgument() {
        WorkspaceKit kit = kitOn(InMemoryStores.create());

        assertThatThrownBy(() -> kit.service(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    private static <S> void copy(Stores from, Stores.Builder to, Class<S> spi) {
        to.add(spi, from.require(spi));
    }

    @Test
    void theRegistryListsEveryFeatureAfterTheFeaturesItRequires() {
        WorkspaceKit.checkRegistry(io.clientworkspace.internal.Features.ALL);
    }

    @Test
    void aFeatureRegisteredBeforeAFeatureItRequiresIsRefusedNamingBoth() {
        assertThatThrownBy(() -> WorkspaceKit.checkRegistry(java.util.List.of(feature("approvals", "files"),
                feature("files"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'approvals' requires 'files'");
    }

    @Test
    void aFeatureRequiringAnUnknownFeatureIsRefused() {
        assertThatThrownBy(() -> WorkspaceKit.checkRegistry(java.util.List.of(feature("files"), feature("approvals", "filez"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requires 'filez'");
    }

    @Test
    void twoFeaturesOfOneNameAreRefused() {
        assertThatThrownBy(() -> WorkspaceKit.checkRegistry(java.util.List.of(feature("files"), feature("files"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two features are named 'files'");
    }

    private static io.clientworkspace.internal.Feature feature(String name, String... requires) {
        return new io.clientworkspace.internal.Feature() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public java.util.List<Class<?>> stores() {
                return java.util.List.of();
            }

            @Override
            public java.util.List<Class<?>> services() {
                return java.util.List.of();
            }

            @Override
            public java.util.List<String> requires() {
                return java.util.List.of(requires);
            }

            @Override
            public void install(io.clientworkspace.internal.FeatureContext ctx) {
            }
        };
    }
}
