package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.IdGenerator;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.file.ContentPolicy;
import io.clientworkspace.file.DownloadPolicy;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.NotificationSender;
import io.clientworkspace.notification.NotificationSettings;
import io.clientworkspace.spring.ApplicationEventBridge;
import io.clientworkspace.spring.OutboxRelay;
import io.clientworkspace.spring.OverdueSweep;
import io.clientworkspace.spring.NotificationDelivery;
import io.clientworkspace.spring.TenantBootstrap;
import io.clientworkspace.spring.SpringInMemoryTransactions;
import io.clientworkspace.spring.WorkspaceMaintenance;
import io.clientworkspace.spring.WorkspaceConfigurationException;
import io.clientworkspace.spring.WorkspaceKitCustomizer;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.tenant.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The {@link WorkspaceKit} bean and what it needs: the stores (the JPA ones when configured, else
 * in-memory, joining the host's Spring transactions through {@link SpringInMemoryTransactions}, with a
 * warning that says why they were chosen), the {@link BlobStore} for file contents (a {@link FileSystemBlobStore} under
 * {@code client-workspace.files.root}), the upload {@link ContentPolicy} (from {@code client-workspace.files.*}), the
 * clock, id generator, default permission matrix and {@link DownloadPolicy} (from beans of those types
 * when declared), every {@link DomainEventListener} bean, the bridge to Spring application events, and
 * the scheduled housekeeping (outbox relay, orphan blob sweep, approval expiry).
 */
@AutoConfiguration(after = WorkspaceJpaStoresAutoConfiguration.class)
@EnableConfigurationProperties(WorkspaceProperties.class)
public class WorkspaceAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceAutoConfiguration.class);
    private static final String SPRING_TRANSACTIONS = "org.springframework.transaction.support.TransactionSynchronizationManager";

    @Bean
    @ConditionalOnMissingBean
    Stores workspaceStores(WorkspaceProperties properties, ConfigurableListableBeanFactory beanFactory) {
        if (properties.getStore() == WorkspaceProperties.Store.JPA) {
            throw new WorkspaceConfigurationException("client-workspace.store=jpa, but the JPA stores could not be"
                    + " configured: they need io.clientworkspace:workspace-jpa, a JPA provider and a DataSource.",
                    "Add io.clientworkspace:workspace-jpa and a JPA provider (spring-boot-starter-data-jpa)"
                    + " with a DataSource, or set client-workspace.store=auto");
        }
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        if (classLoader == null) {
            classLoader = WorkspaceAutoConfiguration.class.getClassLoader();
        }
        java.time.Duration lockTimeout = properties.getMemory().getLockTimeout();
        if (lockTimeout == null || lockTimeout.isZero() || lockTimeout.isNegative()) {
            throw new WorkspaceConfigurationException("client-workspace.memory.lock-timeout=" + lockTimeout
                    + " is not a positive duration.", "Set client-workspace.memory.lock-timeout to a positive duration"
                    + " (for example 30s, the default), or remove it");
        }
        log.warn(InMemoryStoresNotice.message(properties.getStore(), classLoader, beanFactory));
        Stores stores = InMemoryStores.create(lockTimeout);
        // They join the host's Spring transactions, as the JPA stores do; without spring-tx there are none to join.
        return ClassUtils.isPresent(SPRING_TRANSACTIONS, classLoader)
                ? SpringInMemoryTransactions.joiningSpringTransactions(stores) : stores;
    }

    @Bean
    @ConditionalOnMissingBean
    BlobStore workspaceBlobStore(WorkspaceProperties properties) {
        FileSystemBlobStore store;
        try {
            store = new FileSystemBlobStore(Path.of(properties.getFiles().getRoot()));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new WorkspaceConfigurationException("client-workspace.files.root=" + properties.getFiles().getRoot()
                    + " cannot hold the kit's file contents: " + e.getMessage(), "Point client-workspace.files.root at"
                    + " a directory of its own that the application's user owns and may write (not a symbolic link,"
                    + " not a file), or declare a BlobStore bean of your own", e);
        }
        log.info("Client Workspace Kit keeps file contents in {} (client-workspace.files.root)", store.root());
        return store;
    }

    @Bean
    @ConditionalOnMissingBean
    ContentPolicy workspaceContentPolicy(WorkspaceProperties properties) {
        try {
            return properties.getFiles().toContentPolicy();
        } catch (IllegalArgumentException e) {
            throw new WorkspaceConfigurationException("The client-workspace.files.* properties do not make a valid"
                    + " upload policy: " + e.getMessage(), "Correct the property behind the value named above"
                    + " (maxSize is client-workspace.files.max-size, maxExpansionRatio"
                    + " client-workspace.files.archive.max-expansion-ratio, maxArchiveDepth client-workspace.files.archive.max-depth,"
                    + " the archive limits client-workspace.files.archive.max-entries and max-expanded-size)", e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "client-workspace.events", name = "publish-application-events", havingValue = "true",
            matchIfMissing = true)
    ApplicationEventBridge workspaceApplicationEventBridge(ApplicationEventPublisher publisher) {
        return new ApplicationEventBridge(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    WorkspaceKit workspaceKit(Stores stores, BlobStore blobStore, ContentPolicy contentPolicy,
                              WorkspaceProperties properties, ObjectProvider<Clock> clock,
                              ObjectProvider<IdGenerator> ids, ObjectProvider<PermissionMatrix> matrix,
                              ObjectProvider<DownloadPolicy> downloadPolicy,
                              ObjectProvider<DomainEventListener> listeners,
                              ObjectProvider<CheckpointSink> checkpointSink, ObjectProvider<CheckpointKeys> checkpointKeys,
                              ObjectProvider<UserDirectory> userDirectory,
                              ObjectProvider<WorkspaceKitCustomizer> customizers,
                              ObjectProvider<NotificationSender> notificationSender) {
        WorkspaceKit.Builder builder = WorkspaceKit.builder()
                .stores(stores)
                .blobStore(blobStore)
                .contentPolicy(contentPolicy)
                .authorizationCache(new Authorizer.CacheSettings(properties.getCache().getMaximumSize(),
                        properties.getCache().getExpireAfterWrite()));
        java.time.Duration reopenWindow = properties.getRequests().getReopenWindow();
        if (reopenWindow == null || reopenWindow.isNegative()) {
            throw new WorkspaceConfigurationException("client-workspace.requests.reopen-window=" + reopenWindow
                    + " is negative.", "Set client-workspace.requests.reopen-window to a duration of zero (no"
                    + " reopening) or more (for example 14d, the default), or remove it");
        }
        builder.requestReopenWindow(reopenWindow);
        clock.ifAvailable(builder::clock);
        ids.ifAvailable(builder::idGenerator);
        matrix.ifAvailable(builder::defaultPermissionMatrix);
        downloadPolicy.ifAvailable(builder::downloadPolicy);
        if (properties.getFiles().getWorkspaceQuota().toBytes() > 0) {
            builder.workspaceQuota(properties.getFiles().getWorkspaceQuota().toBytes());
        }
        builder.replyTokenValidity(properties.getReplies().getTokenValidity());
        // Without the host's UserDirectory, client users join only through invitations.
        userDirectory.ifAvailable(builder::userDirectory);
        listeners.orderedStream().forEach(builder::listener);
        checkpointSink.ifAvailable(builder::checkpointSink);
        checkpointKeys.ifAvailable(builder::checkpointKeys);
        notificationSender.ifAvailable(builder::notificationSender);
        builder.notificationSettings(notificationSettings(properties));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay workspaceOutboxRelay(WorkspaceKit kit, Stores stores, WorkspaceProperties properties) {
        boolean enabled = stores.outbox().isPresent() && !properties.getEvents().getRelayInterval().isNegative() && !properties.getEvents().getRelayInterval().isZero();
        return new OutboxRelay(kit, properties.getEvents().getRelayInterval(), enabled);
    }

    @Bean
    @ConditionalOnMissingBean
    WorkspaceMaintenance workspaceMaintenance(WorkspaceKit kit, WorkspaceProperties properties) {
        return new WorkspaceMaintenance(kit, properties.getFiles().getOrphanSweepInterval(),
                properties.getFiles().getOrphanMinAge(), properties.getApprovals().getExpiryInterval());
    }

    /**
     * The overdue sweep of tasks and milestones every {@code client-workspace.projects.overdue-sweep-interval}, on the
     * kit's clock (the host's {@link Clock} bean when it has one).
     */
    @Bean
    @ConditionalOnMissingBean
    OverdueSweep workspaceOverdueSweep(WorkspaceKit kit, WorkspaceProperties properties, ObjectProvider<Clock> clock) {
        return new OverdueSweep(kit, clock.getIfAvailable(Clock::systemUTC),
                properties.getProjects().getOverdueSweepInterval(), properties.getProjects().getOverdueSweepBatch());
    }

    /**
     * The delivery of notifications to the {@link NotificationSender} every
     * {@code client-workspace.notifications.delivery-interval}.
     */
    @Bean
    @ConditionalOnMissingBean
    NotificationDelivery workspaceNotificationDelivery(WorkspaceKit kit, WorkspaceProperties properties) {
        return new NotificationDelivery(kit, properties.getNotifications().getDeliveryInterval(),
                properties.getNotifications().getDeliveryBatch());
    }

    private static NotificationSettings notificationSettings(WorkspaceProperties properties) {
        java.time.Duration window = properties.getNotifications().getBatchingWindow();
        try {
            return NotificationSettings.defaults().withBatchingWindow(window)
                    .withDigestTime(properties.getNotifications().getDigestTime());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WorkspaceConfigurationException("client-workspace.notifications.batching-window=" + window
                    + " is not between 0 and 1 day.", "Set client-workspace.notifications.batching-window to a duration"
                    + " from 0 to 1d (for example 10m, the default), or remove it", e);
        }
    }

    /**
     * The start-up check of {@code client-workspace.features.required}: the start fails naming each listed feature the
     * store set cannot serve, with the store SPI it lacks, and each name that is no feature of the kit. Never lazy,
     * so that {@code spring.main.lazy-initialization=true} cannot skip it.
     */
    @Bean
    @org.springframework.context.annotation.Lazy(false)
    @ConditionalOnMissingBean(name = "workspaceRequiredFeatures")
    RequiredFeatures workspaceRequiredFeatures(WorkspaceKit kit, WorkspaceProperties properties) {
        return RequiredFeatures.check(properties.getFeatures().getRequired(), kit.features());
    }

    /**
     * Provisions the tenants of {@code client-workspace.tenants.<key>} once the context's singletons exist and
     * before the host's runners (see {@link TenantBootstrap}); an invalid declaration fails the start. Never lazy.
     */
    @Bean
    @org.springframework.context.annotation.Lazy(false)
    @ConditionalOnMissingBean
    TenantBootstrap workspaceTenantBootstrap(WorkspaceKit kit, WorkspaceProperties properties,
                                             org.springframework.core.env.Environment environment) {
        return new TenantBootstrap(kit, properties.getTenants(), environment);
    }
}
