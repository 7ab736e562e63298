package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.ContentPolicy;
import io.clientworkspace.file.DownloadPolicy;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.spring.WorkspaceMaintenance;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.web.ApprovalApiController;
import io.clientworkspace.spring.web.FileApiController;
import io.clientworkspace.spring.web.FolderApiController;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files and approvals in the auto-configuration: the {@code client-workspace.files.*} and
 * {@code client-workspace.approvals.*} properties, the {@link BlobStore} and {@link ContentPolicy} beans that
 * reach the kit, the host's own beans winning, the blob store's health, the scheduled housekeeping, and
 * the new REST controllers.
 */
class FileAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    /** A workspace of a fresh tenant and its admin. */
    private record Setup(Actor admin, Workspace workspace) {
    }

    private static Setup workspaceIn(WorkspaceKit kit) {
        var tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        return new Setup(alice, kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme")));
    }

    private static InputStream text(int bytes) {
        return new ByteArrayInputStream("a".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    // ---- properties ----

    @Test
    void theFilePropertiesDefaultToTheKitsContentPolicy() {
        runner.run(context -> {
            WorkspaceProperties.Files files = context.getBean(WorkspaceProperties.class).getFiles();
            assertThat(files.getRoot()).isEqualTo(System.getProperty("client-workspace.files.root", "./workspace-files"));
            assertThat(files.getMaxSize()).isEqualTo(DataSize.ofGigabytes(2));
            assertThat(files.getOrphanSweepInterval()).isEqualTo(Duration.ofHours(1));
            assertThat(files.getOrphanMinAge()).isEqualTo(Duration.ofHours(24));
            assertThat(files.getMinFreeSpace()).isEqualTo(DataSize.ofMegabytes(100));
            assertThat(context.getBean(WorkspaceProperties.class).getApprovals().getExpiryInterval())
                    .isEqualTo(Duration.ofMinutes(5));
            assertThat(files.toContentPolicy()).isEqualTo(ContentPolicy.defaults());
            assertThat(context.getBean(ContentPolicy.class)).isEqualTo(ContentPolicy.defaults());
        });
    }

    @Test
    void theDefaultRootIsWorkspaceFilesUnderTheWorkingDirectory() {
        assertThat(new WorkspaceProperties().getFiles().getRoot()).isEqualTo("./workspace-files");
    }

    @Test
    void theContentPolicyPropertiesBindAndReachTheKit() {
        runner.withPropertyValues("client-workspace.files.max-size=1KB", "client-workspace.files.allowed-types=text/plain,image/*",
                        "client-workspace.files.blocked-types=image/gif", "client-workspace.files.reject-mismatched-names=false",
                        "client-workspace.files.archive.max-entries=3", "client-workspace.files.archive.max-expanded-size=10MB")
                .run(context -> {
                    ContentPolicy policy = context.getBean(ContentPolicy.class);
                    assertThat(policy).isEqualTo(new ContentPolicy(1024, Set.of("text/plain", "image/*"),
                            Set.of("image/gif"), false, 3, 10L * 1024 * 1024));

                    WorkspaceKit kit = context.getBean(WorkspaceKit.class);
                    Setup s = workspaceIn(kit);
                    kit.files().upload(s.admin(), s.workspace().id(), NewUpload.of("fits.txt", "text/plain"), text(1024));
                    assertThatThrownBy(() -> kit.files().upload(s.admin(), s.workspace().id(),
                            NewUpload.of("big.txt", "text/plain"), text(1025)))
                            .isInstanceOf(ValidationException.class).hasMessageContaining("1024 bytes");
                });
    }

    @Test
    void anInvalidMaxSizeFailsStartup() {
        runner.withPropertyValues("client-workspace.files.max-size=0B").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxSize");
        });
    }

    @Test
    void theBlobStoreIsAFileSystemStoreUnderTheRootAndTheKitUsesIt(@TempDir Path dir) {
        runner.withPropertyValues("client-workspace.files.root=" + dir.resolve("blobs")).run(context -> {
            BlobStore store = context.getBean(BlobStore.class);
            assertThat(store).isInstanceOf(FileSystemBlobStore.class);
            assertThat(((FileSystemBlobStore) store).root()).isEqualTo(dir.resolve("blobs").toAbsolutePath());
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.blobStore()).isSameAs(store);

            Setup s = workspaceIn(kit);
            kit.files().upload(s.admin(), s.workspace().id(), NewUpload.of("a.txt", "text/plain"), text(10));
            try (var files = Files.walk(dir.resolve("blobs"))) {
                assertThat(files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}"))).hasSize(1);
            }
        });
    }

    @Test
    void theHostsBlobStoreContentPolicyAndDownloadPolicyWin() {
        BlobStore own = new FileSystemBlobStore(tempDir());
        ContentPolicy strict = ContentPolicy.defaults().withMaxSize(5);
        DownloadPolicy nothing = (actor, file, version) -> Optional.of("a paid invoice");

        runner.withBean(BlobStore.class, () -> own).withBean(ContentPolicy.class, () -> strict)
                .withBean(DownloadPolicy.class, () -> nothing).run(context -> {
                    WorkspaceKit kit = context.getBean(WorkspaceKit.class);
                    assertThat(kit.blobStore()).isSameAs(own);
                    Setup s = workspaceIn(kit);
                    assertThatThrownBy(() -> kit.files().upload(s.admin(), s.workspace().id(),
                            NewUpload.of("a.txt", "text/plain"), text(6))).isInstanceOf(ValidationException.class);
                    var file = kit.files().upload(s.admin(), s.workspace().id(), NewUpload.of("a.txt", "text/plain"), text(5));
                    assertThatThrownBy(() -> kit.downloads().download(s.admin(), s.workspace().id(), file.id(), OptionalInt.empty()))
                            .hasMessageContaining("a paid invoice");
                });
    }

    // ---- health ----

    @Test
    void theBlobStoreHealthIsUpWithRootAndFreeSpace(@TempDir Path dir) {
        runner.withPropertyValues("client-workspace.files.root=" + dir).run(context -> {
            Health health = context.getBean("workspaceBlobStoreHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", "FileSystemBlobStore")
                    .containsEntry("root", dir.toAbsolutePath().toString()).containsKeys("free", "total", "threshold");
            try (var files = Files.list(dir)) {
                assertThat(files).as("the probe file is gone again").isEmpty();
            }
        });
    }

    @Test
    void theBlobStoreHealthIsDownBelowTheFreeSpaceThreshold(@TempDir Path dir) {
        runner.withPropertyValues("client-workspace.files.root=" + dir, "client-workspace.files.min-free-space=100000TB").run(context -> {
            Health health = context.getBean("workspaceBlobStoreHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error")).asString().contains("min-free-space");
        });
    }

    @Test
    void theBlobStoreHealthIsDownWhenTheRootIsGone(@TempDir Path dir) {
        runner.withPropertyValues("client-workspace.files.root=" + dir.resolve("blobs")).run(context -> {
            Files.delete(dir.resolve("blobs"));
            Health health = context.getBean("workspaceBlobStoreHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error")).asString().contains("not a directory");
        });
    }

    @Test
    void anotherBlobStoreIsUpWhenItAnswersAndDownWhenItFails() {
        BlobStore failing = new BlobStore() {
            @Override
            public StoredBlob put(InputStream content) throws IOException {
                throw new IOException("bucket is gone");
            }

            @Override
            public InputStream open(String key, String expectedSha256) throws IOException {
                throw new IOException("bucket is gone");
            }

            @Override
            public void delete(String key) throws IOException {
                throw new IOException("bucket is gone");
            }

            @Override
            public boolean exists(String key) throws IOException {
                throw new IOException("bucket is gone");
            }

            @Override
            public List<String> keysOlderThan(Instant before, int limit) throws IOException {
                throw new IOException("bucket is gone");
            }
        };
        runner.withBean(BlobStore.class, () -> failing).run(context -> {
            Health health = context.getBean("workspaceBlobStoreHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        });
    }

    // ---- housekeeping ----

    @Test
    void theMaintenanceBeanStartsAThreadOnlyWhenAnIntervalIsPositive() {
        runner.run(context -> assertThat(context.getBean(WorkspaceMaintenance.class).isRunning()).isTrue());
        runner.withPropertyValues("client-workspace.files.orphan-sweep-interval=0", "client-workspace.approvals.expiry-interval=-1s")
                .run(context -> assertThat(context.getBean(WorkspaceMaintenance.class).isRunning()).isFalse());
    }

    // ---- REST ----

    @Test
    void theFileFolderAndApprovalControllersAreRegisteredAndBackOffForTheHostsOwn() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(KitAutoConfigurations.WEB_MVC).withConfiguration(KitAutoConfigurations.ALL);
        web.run(context -> assertThat(context).hasNotFailed().hasSingleBean(FileApiController.class)
                .hasSingleBean(FolderApiController.class).hasSingleBean(ApprovalApiController.class));
        web.withBean("hostFiles", FileApiController.class, () -> new FileApiController(WorkspaceKit.inMemory()))
                .run(context -> assertThat(context).hasSingleBean(FileApiController.class).hasBean("hostFiles"));
        web.withPropertyValues("client-workspace.rest.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(FileApiController.class).doesNotHaveBean(ApprovalApiController.class));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("host-blobs-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
