package io.clientworkspace;

import com.github.benmanes.caffeine.cache.Ticker;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.internal.EventDispatcher;
import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.internal.Features;
import io.clientworkspace.internal.InputValidator;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.internal.KitSettings;
import io.clientworkspace.member.AccessPolicyService;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.tenant.UserDirectory;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantService;
import io.clientworkspace.workspace.ActivityFeed;
import io.clientworkspace.workspace.InvitationService;
import io.clientworkspace.workspace.MemberService;
import io.clientworkspace.workspace.WorkspaceAccess;
import io.clientworkspace.workspace.WorkspaceService;
import org.jspecify.annotations.Nullable;

import io.clientworkspace.approval.ApprovalService;
import io.clientworkspace.request.FormService;
import io.clientworkspace.request.RequestService;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.checkpoint.CheckpointService;
import io.clientworkspace.checkpoint.LoggingCheckpointSink;
import io.clientworkspace.memory.InMemoryCheckpointSink;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.ContentPolicy;
import io.clientworkspace.file.DownloadPolicy;
import io.clientworkspace.file.DownloadService;
import io.clientworkspace.file.FileMaintenance;
import io.clientworkspace.file.FileService;
import io.clientworkspace.file.FolderService;
import io.clientworkspace.spi.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The entry point: every service of the kit, wired to one set of stores.
 *
 * <pre>{@code
 * WorkspaceKit kit = WorkspaceKit.inMemory();                       // or WorkspaceKit.builder()...build()
 * Tenant agency = kit.tenants().create("Northwind Agency", UserId.of("alice"));
 * Actor alice = Actor.team(agency.id(), "alice");
 * Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
 * }</pre>
 *
 * <p>Thread-safe; build one per application and share it.
 */
public final class WorkspaceKit {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceKit.class);

    private final Stores stores;
    private final Authorizer authorizer;
    private final WorkspaceAccess access;
    private final Kernel kernel;
    private final BlobStore blobs;
    private final Map<Class<?>, Object> services;
    private final Map<Class<?>, FeatureUnavailableException> unavailableServices;
    private final List<FeatureStatus> features;

    private WorkspaceKit(Builder builder) {
        this.stores = builder.stores != null ? builder.stores : InMemoryStores.create();
        List<String> missing = Stores.FOUNDATION.stream().filter(spi -> !stores.provides(spi))
                .map(Class::getName).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The store set lacks foundation stores every kit needs: "
                    + String.join(", ", missing) + " (InMemoryStores.create() and JpaStores.create(...) provide every store)");
        }
        EventDispatcher events = new EventDispatcher();
        this.authorizer = new Authorizer(stores.team(), stores.workspaces(), stores.memberships(), stores.permissionMatrices(),
                builder.defaultMatrix, builder.cacheSettings, builder.cacheTicker, stores.unitOfWork(),
                stores.find(io.clientworkspace.spi.ClientRoleStore.class));
        // The authorizer hears every committed change first, so listeners already see fresh permissions.
        events.register(authorizer);
        // ...and every change as it is made, so that a transaction's answers include its own changes.
        events.registerStaged(authorizer::onUncommittedChange);
        builder.listeners.forEach(events::register);
        IdGenerator ids = builder.ids != null ? builder.ids : IdGenerator.timeOrdered(builder.clock);
        this.kernel = new Kernel(stores, builder.clock, ids, new InputValidator(), events);
        this.access = new WorkspaceAccess(stores.workspaces(), authorizer);
        this.blobs = builder.blobs != null ? builder.blobs : temporaryBlobStore();
        ContentPolicy policy = builder.contentPolicy;
        // Until the factory's policy is set (at the end of this constructor) every download is refused.
        LateDownloadPolicy lateDownloadPolicy = new LateDownloadPolicy(
                (actor, file, version) -> Optional.of("the kit is still being built"));
        KitSettings settings = new KitSettings(builder.clock, blobs,
                builder.contentPolicies != null ? builder.contentPolicies : t -> policy,
                builder.downloadPolicyFactory != null ? lateDownloadPolicy : builder.downloadPolicy,
                builder.workspaceQuota, Optional.ofNullable(builder.userDirectory),
                builder.checkpointSink != null ? builder.checkpointSink : new LoggingCheckpointSink(new InMemoryCheckpointSink()),
                Optional.ofNullable(builder.checkpointKeys), builder.requestReopenWindow,
                builder.replyTokenValidity,
                builder.notificationSender != null ? builder.notificationSender
                        : new io.clientworkspace.notification.LoggingNotificationSender(),
                builder.notificationSettings);
        FeatureContext ctx = new FeatureContext(kernel, authorizer, access, settings);

        Map<String, Class<?>> unavailable = new LinkedHashMap<>();
        List<Feature> available = new ArrayList<>();
        Map<Class<?>, FeatureUnavailableException> refused = new LinkedHashMap<>();
        List<FeatureStatus> statuses = new ArrayList<>();
        checkRegistry(Features.ALL);
        for (Feature feature : Features.ALL) {
            Optional<Class<?>> absent = feature.stores().stream().filter(spi -> !stores.provides(spi)).findFirst();
            if (absent.isEmpty()) {
                absent = feature.requires().stream().filter(unavailable::containsKey).findFirst().map(unavailable::get);
            }
            if (absent.isPresent()) {
                unavailable.put(feature.name(), absent.get());
                for (Class<?> service : feature.services()) {
                    refused.put(service, new FeatureUnavailableException(feature.name(), absent.get()));
                }
            } else {
                available.add(feature);
            }
            statuses.add(new FeatureStatus(feature.name(), absent.isEmpty(), absent));
        }
        available.forEach(feature -> feature.contribute(ctx));
        available.forEach(feature -> feature.install(ctx));
        this.services = ctx.services();
        for (Feature feature : available) {
            for (Class<?> service : feature.services()) {
                if (!services.containsKey(service)) {
                    throw new IllegalStateException("The feature '" + feature.name() + "' declares the service "
                            + service.getName() + " but did not provide it in install()");
                }
            }
        }
        this.unavailableServices = Map.copyOf(refused);
        this.features = List.copyOf(statuses);
        if (builder.downloadPolicyFactory != null) {
            lateDownloadPolicy.resolve(builder.downloadPolicyFactory.apply(this));
        }
    }

    /**
     * Checks a feature registry before anything is built: names are unique, and every feature a feature
     * {@link Feature#requires() requires} is registered before it (the registry is in dependency order).
     *
     * @throws IllegalStateException naming the feature and what is wrong
     */
    static void checkRegistry(List<Feature> registry) {
        java.util.Set<String> before = new java.util.HashSet<>();
        for (Feature feature : registry) {
            for (String required : feature.requires()) {
                if (!before.contains(required)) {
                    throw new IllegalStateException("The feature '" + feature.name() + "' requires '" + required
                            + "', which is not registered before it (Features.ALL lists features in dependency order)");
                }
            }
            if (!before.add(feature.name())) {
                throw new IllegalStateException("Two features are named '" + feature.name() + "'");
            }
        }
    }

    /** A download policy built from the kit once its services exist (e.g. one that asks the approvals). */
    private static final class LateDownloadPolicy implements DownloadPolicy {
        private final DownloadPolicy fallback;
        private volatile @Nullable DownloadPolicy resolved;

        LateDownloadPolicy(DownloadPolicy fallback) {
            this.fallback = fallback;
        }

        void resolve(DownloadPolicy policy) {
            this.resolved = requireNonNull(policy, "the download policy factory must not return null");
        }

        @Override
        public Optional<String> refusal(Actor actor, io.clientworkspace.file.FileAsset file,
                                        io.clientworkspace.file.FileVersion version) {
            DownloadPolicy policy = resolved;
            return (policy != null ? policy : fallback).refusal(actor, file, version);
        }
    }

    private static BlobStore temporaryBlobStore() {
        try {
            Path dir = Files.createTempDirectory("client-workspace-blobs-");
            log.warn("Client Workspace Kit keeps file contents in the temporary directory {}; configure a BlobStore"
                    + " (e.g. new FileSystemBlobStore(path)) to keep them", dir);
            return new FileSystemBlobStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for file contents", e);
        }
    }

    /** A kit on fresh in-memory stores with every default: for tests, demos and trying things out. */
    public static WorkspaceKit inMemory() {
        return builder().build();
    }

    /** A builder; every setting is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** Tenants and their team rosters. */
    public TenantService tenants() {
        return service(TenantService.class);
    }

    /** Workspaces: create, find, list, rename, brand, archive. */
    public WorkspaceService workspaces() {
        return service(WorkspaceService.class);
    }

    /** Members of workspaces and their roles. */
    public MemberService members() {
        return service(MemberService.class);
    }

    /** Invitations of client users. */
    public InvitationService invitations() {
        return service(InvitationService.class);
    }

    /** Activity feeds and chain verification. */
    public ActivityFeed activity() {
        return service(ActivityFeed.class);
    }

    /** Per-tenant permission matrices. */
    public AccessPolicyService accessPolicies() {
        return service(AccessPolicyService.class);
    }

    /** Folders of workspaces. @throws FeatureUnavailableException if the store set has no file stores */
    public FolderService folders() {
        return service(FolderService.class);
    }

    /** Files, versions, trash, sharing, purge, quota. @throws FeatureUnavailableException if the store set has no file stores */
    public FileService files() {
        return service(FileService.class);
    }

    /** Downloads and the download log. @throws FeatureUnavailableException if the store set has no file stores */
    public DownloadService downloads() {
        return service(DownloadService.class);
    }

    /** The orphan-blob sweep. @throws FeatureUnavailableException if the store set has no file stores */
    public FileMaintenance fileMaintenance() {
        return service(FileMaintenance.class);
    }

    /**
     * Approval requests, decisions and the approval record.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code ApprovalStore}
     */
    public ApprovalService approvals() {
        return service(ApprovalService.class);
    }

    /**
     * Conversations, messages, internal notes, read markers and unread counts.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code ConversationStore},
     *                                     {@code MessageStore} or {@code ReadMarkerStore}
     */
    public io.clientworkspace.message.ConversationService conversations() {
        return service(io.clientworkspace.message.ConversationService.class);
    }

    /**
     * Intake form definitions (the tenant's library and workspaces' own), versioned.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code FormStore}
     */
    public FormService forms() {
        return service(FormService.class);
    }

    /**
     * Client requests: submission, workflow, assignment, the team inbox.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code FormStore} or {@code RequestStore}
     */
    public RequestService requests() {
        return service(RequestService.class);
    }

    /**
     * Projects, milestones, status updates, onboarding facts and the overdue sweep.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code ProjectStore} (or another store of the
     *                                     projects feature)
     */
    public io.clientworkspace.project.ProjectService projects() {
        return service(io.clientworkspace.project.ProjectService.class);
    }

    /**
     * Task lists, tasks and the onboarding checklist.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code TaskStore} (or another store of the
     *                                     projects feature)
     */
    public io.clientworkspace.project.TaskService tasks() {
        return service(io.clientworkspace.project.TaskService.class);
    }

    /**
     * Reply by e-mail: reply tokens per recipient and conversation, and the inbound side that posts reply e-mails.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code ReplyTokenStore} (or conversations
     *                                     are unavailable)
     */
    public io.clientworkspace.message.reply.ReplyService replies() {
        return service(io.clientworkspace.message.reply.ReplyService.class);
    }

    /**
     * The workspace calendar: scheduled events, the agenda and the iCalendar feed with its tokens.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code ScheduledEventStore} or
     *                                     {@code CalendarFeedTokenStore}
     */
    public io.clientworkspace.calendar.CalendarService calendar() {
        return service(io.clientworkspace.calendar.CalendarService.class);
    }

    /**
     * Workspace templates: the tenant's versioned templates and making a workspace from one, atomically and
     * idempotently by the host's external reference.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code TemplateStore} or
     *                                     {@code WorkspaceOriginStore}
     */
    public io.clientworkspace.template.TemplateService templates() {
        return service(io.clientworkspace.template.TemplateService.class);
    }

    /**
     * Linked records: the host's invoices, tickets, contracts, reports and maintenance windows in workspaces.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code LinkedRecordStore}
     */
    public io.clientworkspace.record.LinkedRecordService records() {
        return service(io.clientworkspace.record.LinkedRecordService.class);
    }

    /**
     * Notifications: each member's preferences and delivering what is due to the {@code NotificationSender}.
     *
     * @throws FeatureUnavailableException if the store set provides no {@code NotificationStore}
     */
    public io.clientworkspace.notification.NotificationService notifications() {
        return service(io.clientworkspace.notification.NotificationService.class);
    }

    /** Signed checkpoints of the activity chains: signing changed chain heads, verifying against them. */
    public CheckpointService checkpoints() {
        return service(CheckpointService.class);
    }

    /**
     * The service of type {@code type} (e.g. {@code FileService.class}), built by the feature that provides it.
     *
     * @throws FeatureUnavailableException naming the missing store SPI when that feature is unavailable
     * @throws IllegalArgumentException when no feature of the kit provides such a service
     */
    public <T> T service(Class<T> type) {
        requireNonNull(type, "type must not be null");
        Object service = services.get(type);
        if (service != null) {
            return type.cast(service);
        }
        FeatureUnavailableException unavailable = unavailableServices.get(type);
        if (unavailable != null) {
            throw new FeatureUnavailableException(unavailable.feature(), unavailable.missingStore());
        }
        throw new IllegalArgumentException("no feature of the kit provides " + type.getName());
    }

    /**
     * Every feature of the kit with whether it is available and, if not, the store SPI that is missing;
     * in the order the features are built.
     */
    public List<FeatureStatus> features() {
        return features;
    }

    /** Where file contents are kept. */
    public BlobStore blobStore() {
        return blobs;
    }

    /** Answers "what may this actor do here". */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** The access checks shared by workspace-scoped features (for extensions built on the kit). */
    public WorkspaceAccess access() {
        return access;
    }

    /**
     * Delivers domain events that were committed but never delivered because the process stopped
     * between commit and delivery: those staged more than a minute ago, up to 500 per call. Does
     * nothing without an event outbox (see {@link Stores#outbox()}). Hosts on a database call this
     * from a scheduler, e.g. every minute; delivery is at least once.
     *
     * @return how many events were delivered
     */
    public int relayUndeliveredEvents() {
        return relayUndeliveredEvents(Duration.ofMinutes(1), 500);
    }

    /** Like {@link #relayUndeliveredEvents()}, with the age and batch size given. */
    public int relayUndeliveredEvents(Duration olderThan, int limit) {
        requireNonNull(olderThan, "olderThan must not be null");
        if (olderThan.isNegative() || limit < 1) {
            throw new IllegalArgumentException("olderThan must not be negative and limit must be positive");
        }
        return kernel.relayUndeliveredEvents(olderThan, limit);
    }

    /** Configures a {@link WorkspaceKit}. Not thread-safe; build once. */
    public static final class Builder {

        private @Nullable Stores stores;
        private Clock clock = Clock.systemUTC();
        private @Nullable IdGenerator ids;
        private PermissionMatrix defaultMatrix = PermissionMatrix.defaults();
        private Authorizer.CacheSettings cacheSettings = Authorizer.CacheSettings.defaults();
        private Ticker cacheTicker = Ticker.systemTicker();
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private @Nullable BlobStore blobs;
        private ContentPolicy contentPolicy = ContentPolicy.defaults();
        private @Nullable Function<TenantId, ContentPolicy> contentPolicies;
        private DownloadPolicy downloadPolicy = DownloadPolicy.allowAll();
        private @Nullable Function<WorkspaceKit, DownloadPolicy> downloadPolicyFactory;
        private @Nullable CheckpointSink checkpointSink;
        private @Nullable CheckpointKeys checkpointKeys;
        private java.util.OptionalLong workspaceQuota = java.util.OptionalLong.empty();
        private @Nullable UserDirectory userDirectory;
        private java.time.Duration requestReopenWindow = KitSettings.DEFAULT_REQUEST_REOPEN_WINDOW;
        private io.clientworkspace.spi.@Nullable NotificationSender notificationSender;
        private io.clientworkspace.notification.NotificationSettings notificationSettings =
                io.clientworkspace.notification.NotificationSettings.defaults();
        private java.time.Duration replyTokenValidity = io.clientworkspace.message.reply.ReplyService.DEFAULT_VALIDITY;

        private Builder() {
        }

        /**
         * Where file contents go. When not set, a {@link FileSystemBlobStore} in a new temporary
         * directory (with a warning): fine for trying things out, not for keeping files.
         */
        public Builder blobStore(BlobStore store) {
            this.blobs = requireNonNull(store, "store must not be null");
            return this;
        }

        /**
         * Where signed checkpoints go; when not set, memory plus one log line per checkpoint
         * ({@link LoggingCheckpointSink}). Keep it outside the database of the activity log
         * (see {@link CheckpointSink}).
         */
        public Builder checkpointSink(CheckpointSink sink) {
            this.checkpointSink = requireNonNull(sink, "sink must not be null");
            return this;
        }

        /**
         * The Ed25519 keys that sign checkpoints and that verification trusts; when not set, the kit
         * signs nothing and trusts no checkpoint.
         */
        public Builder checkpointKeys(CheckpointKeys keys) {
            this.checkpointKeys = requireNonNull(keys, "keys must not be null");
            return this;
        }

        /** The upload policy of every tenant; {@link ContentPolicy#defaults()} when not set. */
        public Builder contentPolicy(ContentPolicy policy) {
            this.contentPolicy = requireNonNull(policy, "policy must not be null");
            return this;
        }

        /** A per-tenant upload policy; overrides {@link #contentPolicy}. */
        public Builder contentPolicies(Function<TenantId, ContentPolicy> policies) {
            this.contentPolicies = requireNonNull(policies, "policies must not be null");
            return this;
        }

        /**
         * The storage quota of every workspace in bytes: uploads and new versions that would take the
         * workspace's stored versions (trashed files included, until purged) past it are refused with a
         * {@link QuotaExceededException}. No quota when not set; the Spring Boot starter sets 10 GB.
         */
        public Builder workspaceQuota(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the workspace quota must not be negative");
            }
            this.workspaceQuota = java.util.OptionalLong.of(bytes);
            return this;
        }

        /**
         * How long after a request was resolved (DONE or DECLINED) it may be reopened; 14 days when not set.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder requestReopenWindow(java.time.Duration window) {
            requireNonNull(window, "window must not be null");
            if (window.isNegative()) {
                throw new IllegalArgumentException("the request reopen window must not be negative");
            }
            this.requestReopenWindow = window;
            return this;
        }

        /**
         * How long a reply-by-e-mail token is accepted after it was issued; 30 days when not set.
         *
         * @throws IllegalArgumentException unless between 1 minute and 365 days
         */
        public Builder replyTokenValidity(java.time.Duration validity) {
            this.replyTokenValidity = io.clientworkspace.message.reply.ReplyService.requireValidity(validity);
            return this;
        }

        /** Where notifications go; a {@code LoggingNotificationSender} (one INFO line each) when not set. */
        public Builder notificationSender(io.clientworkspace.spi.NotificationSender sender) {
            this.notificationSender = requireNonNull(sender, "sender must not be null");
            return this;
        }

        /** The batching window, digest time and delivery settings of notifications; the defaults when not set. */
        public Builder notificationSettings(io.clientworkspace.notification.NotificationSettings settings) {
            this.notificationSettings = requireNonNull(settings, "settings must not be null");
            return this;
        }

        /** Gates downloads beyond permissions; allows everything when not set. */
        public Builder downloadPolicy(DownloadPolicy policy) {
            this.downloadPolicy = requireNonNull(policy, "policy must not be null");
            this.downloadPolicyFactory = null;
            return this;
        }

        /**
         * Gates downloads with a policy made from the built kit, for policies that ask its services, e.g.
         * {@code downloadPolicyFrom(kit -> new ApprovedVersionsOnly(kit.approvals()))}. The factory runs
         * once, at the end of {@link #build()}; replaces {@link #downloadPolicy}.
         */
        public Builder downloadPolicyFrom(Function<WorkspaceKit, DownloadPolicy> factory) {
            this.downloadPolicyFactory = requireNonNull(factory, "factory must not be null");
            return this;
        }

        /**
         * The host's users, consulted before a client user is added to a workspace directly and before a
         * user joins a team roster. When not set, direct client additions are refused (client users join
         * through invitations) and roster additions are not checked; see {@link UserDirectory}.
         */
        public Builder userDirectory(UserDirectory directory) {
            this.userDirectory = requireNonNull(directory, "directory must not be null");
            return this;
        }

        /**
         * The stores to use; fresh in-memory stores when not set. The set must provide the foundation
         * stores ({@link Stores#FOUNDATION}); features whose stores it lacks are unavailable.
         */
        public Builder stores(Stores stores) {
            this.stores = requireNonNull(stores, "stores must not be null");
            return this;
        }

        /** The clock for every timestamp and expiry; the UTC system clock when not set. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** The id generator; time-ordered random ids when not set. */
        public Builder idGenerator(IdGenerator ids) {
            this.ids = requireNonNull(ids, "ids must not be null");
            return this;
        }

        /** The matrix for tenants that did not replace it; {@link PermissionMatrix#defaults()} when not set. */
        public Builder defaultPermissionMatrix(PermissionMatrix matrix) {
            this.defaultMatrix = requireNonNull(matrix, "matrix must not be null");
            return this;
        }

        /** Bounds of the authorizer's caches; 100,000 entries and 30 seconds when not set. */
        public Builder authorizationCache(Authorizer.CacheSettings settings) {
            this.cacheSettings = requireNonNull(settings, "settings must not be null");
            return this;
        }

        /** The time source of the caches' expiry (tests use a fake one). */
        public Builder cacheTicker(Ticker ticker) {
            this.cacheTicker = requireNonNull(ticker, "ticker must not be null");
            return this;
        }

        /** Adds a listener for domain events after commit; listeners run in the order added. */
        public Builder listener(DomainEventListener listener) {
            listeners.add(requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * The kit.
         *
         * @throws IllegalStateException naming each missing SPI when the store set lacks a foundation store
         */
        public WorkspaceKit build() {
            return new WorkspaceKit(this);
        }
    }
}
