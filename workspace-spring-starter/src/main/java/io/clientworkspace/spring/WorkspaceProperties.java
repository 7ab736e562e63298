package io.clientworkspace.spring;

import org.jspecify.annotations.Nullable;
import io.clientworkspace.file.ContentPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code client-workspace.*} properties. None is required: every one has a default that works.
 */
@ConfigurationProperties("client-workspace")
public class WorkspaceProperties {

    /** Where the kit keeps its data. */
    private Store store = Store.AUTO;

    private final Cache cache = new Cache();

    private final Rest rest = new Rest();

    private final Security security = new Security();

    private final Events events = new Events();

    private final Jpa jpa = new Jpa();

    private final Memory memory = new Memory();

    private final Files files = new Files();

    private final Approvals approvals = new Approvals();

    private final Requests requests = new Requests();

    private final Checkpoints checkpoints = new Checkpoints();

    private final Features features = new Features();

    private final Replies replies = new Replies();

    private final Projects projects = new Projects();

    private final Insights insights = new Insights();

    private final Notifications notifications = new Notifications();

    /**
     * Tenants to create at startup, by key: client-workspace.tenants.<key>.name and
     * client-workspace.tenants.<key>.admins (comma-separated user ids). A tenant whose key exists is left
     * unchanged. Keys match [A-Za-z0-9][A-Za-z0-9._-]{0,63}; write a key that contains '.' in brackets
     * (client-workspace.tenants[acme.eu].name), or Spring reads the dot as a property separator.
     */
    private final Map<String, TenantDeclaration> tenants = new LinkedHashMap<>();

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public Cache getCache() {
        return cache;
    }

    public Rest getRest() {
        return rest;
    }

    public Security getSecurity() {
        return security;
    }

    public Events getEvents() {
        return events;
    }

    public Jpa getJpa() {
        return jpa;
    }

    public Memory getMemory() {
        return memory;
    }

    public Files getFiles() {
        return files;
    }

    public Approvals getApprovals() {
        return approvals;
    }

    public Requests getRequests() {
        return requests;
    }

    public Checkpoints getCheckpoints() {
        return checkpoints;
    }

    public Features getFeatures() {
        return features;
    }

    public Replies getReplies() {
        return replies;
    }

    public Projects getProjects() {
        return projects;
    }

    public Insights getInsights() {
        return insights;
    }

    public Notifications getNotifications() {
        return notifications;
    }

    /** The declared tenants by key, in declaration order. */
    public Map<String, TenantDeclaration> getTenants() {
        return tenants;
    }

    /**
     * Where file contents are kept and which uploads are accepted. The upload rules become the kit's
     * {@link ContentPolicy} (a {@code ContentPolicy} bean of the host replaces them all); their defaults
     * are those of {@link ContentPolicy#defaults()}.
     */
    public static class Files {

        /**
         * Directory of the file system blob store, created if missing. A relative path resolves against
         * the working directory. Ignored when the host declares its own BlobStore bean.
         */
        private String root = "./workspace-files";

        /** Largest accepted upload (a bigger one is refused with 413 by the REST API). */
        private DataSize maxSize = DataSize.ofGigabytes(2);

        /**
         * Media types accepted on upload, as detected from the bytes (never as declared by the client).
         * "image/*" matches every image type, and an entry matches its subtypes too. Setting this
         * replaces the whole default list (documents, images, plain text and CSV, office formats, zip,
         * common audio and video).
         */
        private Set<String> allowedTypes = new TreeSet<>(ContentPolicy.defaults().allowedTypes());

        /**
         * Media types never accepted, whether detected from the bytes or implied by the file name,
         * whatever allowed-types says. Setting this replaces the whole default list (executables,
         * scripts, HTML, SVG and the like).
         */
        private Set<String> blockedTypes = new TreeSet<>(ContentPolicy.defaults().blockedTypes());

        /** Whether to refuse a file whose name's extension contradicts its content (an executable named .pdf). */
        private boolean rejectMismatchedNames = true;

        /**
         * Whether to accept Office documents that carry macros (docm, xlsm, pptm, a vbaProject.bin part, a
         * legacy .doc or .xls with a VBA project), whatever they are named, also inside archives.
         */
        private boolean allowMacros = false;

        private final Archive archive = new Archive();

        /**
         * How often to delete blobs that no file version references (left behind when a node died
         * between storing the bytes and committing the upload) and abandoned partial writes. Zero or
         * negative disables the sweep.
         */
        private Duration orphanSweepInterval = Duration.ofHours(1);

        /**
         * How old an unreferenced blob must be before the orphan sweep deletes it; keep it well above
         * the longest upload, since an upload's blob is unreferenced until the upload commits.
         */
        private Duration orphanMinAge = Duration.ofHours(24);

        /**
         * The health indicator of the blob store reports DOWN when its file system has less usable
         * space than this.
         */
        private DataSize minFreeSpace = DataSize.ofMegabytes(100);

        /**
         * Storage quota of each workspace. Every stored version counts, of trashed files too until they
         * are purged; an upload or new version that would not fit is refused (507 by the REST API) and a
         * body larger than what is left is cut off while it streams. A client's upload is judged on the
         * active client-visible files only, so that internal files never change its answer. Zero or
         * negative: no quota.
         */
        private DataSize workspaceQuota = DataSize.ofGigabytes(10);

        public String getRoot() {
            return root;
        }

        public void setRoot(String root) {
            this.root = root;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }

        public Set<String> getAllowedTypes() {
            return allowedTypes;
        }

        public void setAllowedTypes(Set<String> allowedTypes) {
            this.allowedTypes = allowedTypes;
        }

        public Set<String> getBlockedTypes() {
            return blockedTypes;
        }

        public void setBlockedTypes(Set<String> blockedTypes) {
            this.blockedTypes = blockedTypes;
        }

        public boolean isRejectMismatchedNames() {
            return rejectMismatchedNames;
        }

        public void setRejectMismatchedNames(boolean rejectMismatchedNames) {
            this.rejectMismatchedNames = rejectMismatchedNames;
        }

        public boolean isAllowMacros() {
            return allowMacros;
        }

        public void setAllowMacros(boolean allowMacros) {
            this.allowMacros = allowMacros;
        }

        public Archive getArchive() {
            return archive;
        }

        public Duration getOrphanSweepInterval() {
            return orphanSweepInterval;
        }

        public void setOrphanSweepInterval(Duration orphanSweepInterval) {
            this.orphanSweepInterval = orphanSweepInterval;
        }

        public Duration getOrphanMinAge() {
            return orphanMinAge;
        }

        public void setOrphanMinAge(Duration orphanMinAge) {
            this.orphanMinAge = orphanMinAge;
        }

        public DataSize getMinFreeSpace() {
            return minFreeSpace;
        }

        public void setMinFreeSpace(DataSize minFreeSpace) {
            this.minFreeSpace = minFreeSpace;
        }

        public DataSize getWorkspaceQuota() {
            return workspaceQuota;
        }

        public void setWorkspaceQuota(DataSize workspaceQuota) {
            this.workspaceQuota = workspaceQuota;
        }

        /** The kit's upload policy as these properties describe it. */
        public ContentPolicy toContentPolicy() {
            return new ContentPolicy(maxSize.toBytes(), allowedTypes, blockedTypes, rejectMismatchedNames,
                    archive.getMaxEntries(), archive.getMaxExpandedSize().toBytes(), archive.getMaxExpansionRatio(),
                    archive.getMaxDepth(), allowMacros);
        }

        /** Limits on zip archives (zip bombs, zip-slip), checked entry by entry after upload. */
        public static class Archive {

            /** Most entries an accepted zip archive may hold. */
            private int maxEntries = 10_000;

            /** Most bytes an accepted zip archive may expand to, nested archives included, counted as inflated. */
            private DataSize maxExpandedSize = DataSize.ofGigabytes(1);

            /**
             * Most times an archive, and each of its entries, may expand relative to its compressed size (100, as
             * Apache POI's ZipSecureFile); checked once the entry or archive has expanded beyond 1 MiB.
             */
            private int maxExpansionRatio = ContentPolicy.DEFAULT_MAX_EXPANSION_RATIO;

            /** How deep archives may nest (1: a zip may hold no zip); nested archives are inspected as well. */
            private int maxDepth = ContentPolicy.DEFAULT_MAX_ARCHIVE_DEPTH;

            public int getMaxExpansionRatio() {
                return maxExpansionRatio;
            }

            public void setMaxExpansionRatio(int maxExpansionRatio) {
                this.maxExpansionRatio = maxExpansionRatio;
            }

            public int getMaxDepth() {
                return maxDepth;
            }

            public void setMaxDepth(int maxDepth) {
                this.maxDepth = maxDepth;
            }

            public int getMaxEntries() {
                return maxEntries;
            }

            public void setMaxEntries(int maxEntries) {
                this.maxEntries = maxEntries;
            }

            public DataSize getMaxExpandedSize() {
                return maxExpandedSize;
            }

            public void setMaxExpandedSize(DataSize maxExpandedSize) {
                this.maxExpandedSize = maxExpandedSize;
            }
        }
    }

    /** Which of the kit's features the application cannot do without. */
    public static class Features {

        /**
         * Names of features (for example {@code files, approvals}) that must be available: when the store set
         * lacks a store one of them needs, the application fails to start, naming the feature and the missing
         * store SPI, instead of answering 501 when the feature is first used. An unknown name also fails the
         * start, naming the valid ones. Empty by default: a feature whose stores are missing is unavailable.
         */
        private List<String> required = new ArrayList<>();

        public List<String> getRequired() {
            return required;
        }

        public void setRequired(List<String> required) {
            this.required = new ArrayList<>(required);
        }
    }

    /** Approval maintenance. */
    public static class Approvals {

        /**
         * How often to store EXPIRED on open approval requests past their due date (they read as
         * expired at once anyway; this records it and sends the events). Zero or negative disables it.
         */
        private Duration expiryInterval = Duration.ofMinutes(5);

        public Duration getExpiryInterval() {
            return expiryInterval;
        }

        public void setExpiryInterval(Duration expiryInterval) {
            this.expiryInterval = expiryInterval;
        }
    }

    /** Projects and tasks: the scheduled overdue sweep. */
    public static class Projects {

        /**
         * How often to raise TaskOverdue and MilestoneOverdue events for tasks not done and milestones not delivered
         * whose due date is before today (UTC). Safe on every node at once: each item is raised once per due date.
         * Zero or negative disables it.
         */
        private Duration overdueSweepInterval = Duration.ofMinutes(15);

        /** Most overdue tasks, and most overdue milestones, raised per sweep (1 to 10,000); the next run takes the rest. */
        private int overdueSweepBatch = 500;

        public Duration getOverdueSweepInterval() {
            return overdueSweepInterval;
        }

        public void setOverdueSweepInterval(Duration overdueSweepInterval) {
            this.overdueSweepInterval = overdueSweepInterval;
        }

        public int getOverdueSweepBatch() {
            return overdueSweepBatch;
        }

        public void setOverdueSweepBatch(int overdueSweepBatch) {
            this.overdueSweepBatch = overdueSweepBatch;
        }
    }

    /** Engagement insights: client visits recorded by the REST API and the Micrometer gauges. */
    public static class Insights {

        /**
         * Whether the REST API records a visit (kit.insights().recordVisit) for each successful request of a signed-in
         * client user under /workspaces/{id}/ (deduplicated by the kit per user, workspace and UTC day).
         */
        private boolean recordVisits = true;

        /**
         * Whether to register the per-tenant gauges client_workspace.insights.* and client_workspace.dashboard.needs_attention
         * (one time series per tenant and gauge) when Micrometer is present.
         */
        private boolean gauges = true;

        /**
         * How long a computed gauge value is reused before it is computed again (at most 5 minutes; larger values are
         * capped). Values are computed lazily, when a registry reads them.
         */
        private Duration gaugeRefresh = Duration.ofMinutes(5);

        public boolean isRecordVisits() {
            return recordVisits;
        }

        public void setRecordVisits(boolean recordVisits) {
            this.recordVisits = recordVisits;
        }

        public boolean isGauges() {
            return gauges;
        }

        public void setGauges(boolean gauges) {
            this.gauges = gauges;
        }

        public Duration getGaugeRefresh() {
            return gaugeRefresh;
        }

        public void setGaugeRefresh(Duration gaugeRefresh) {
            this.gaugeRefresh = gaugeRefresh;
        }
    }

    /** Notifications: the scheduled delivery to the host's NotificationSender. */
    public static class Notifications {

        /**
         * How often to hand the notifications and digests that are due to the NotificationSender bean (the kit's
         * logging sender when the host declares none). Safe on every node at once: each notification is claimed before
         * it is sent. Zero or negative disables it.
         */
        private Duration deliveryInterval = Duration.ofMinutes(1);

        /** Most queued items claimed and handed to the sender per run (1 to 10,000); the next run takes the rest. */
        private int deliveryBatch = 500;

        /**
         * Changes to the same item for the same recipient within this time after the first are one notification
         * (0 to 1 day).
         */
        private Duration batchingWindow = Duration.ofMinutes(10);

        /** The local time of day (in each member's zone) at which daily digests are sent. */
        private LocalTime digestTime = LocalTime.of(8, 0);

        public Duration getDeliveryInterval() {
            return deliveryInterval;
        }

        public void setDeliveryInterval(Duration deliveryInterval) {
            this.deliveryInterval = deliveryInterval;
        }

        public int getDeliveryBatch() {
            return deliveryBatch;
        }

        public void setDeliveryBatch(int deliveryBatch) {
            this.deliveryBatch = deliveryBatch;
        }

        public Duration getBatchingWindow() {
            return batchingWindow;
        }

        public void setBatchingWindow(Duration batchingWindow) {
            this.batchingWindow = batchingWindow;
        }

        public LocalTime getDigestTime() {
            return digestTime;
        }

        public void setDigestTime(LocalTime digestTime) {
            this.digestTime = digestTime;
        }
    }

    /** Client requests. */
    public static class Requests {

        /**
         * How long after a request was resolved (DONE or DECLINED) its client may reopen it. Zero turns
         * reopening off; a negative value fails the start.
         */
        private Duration reopenWindow = Duration.ofDays(14);

        public Duration getReopenWindow() {
            return reopenWindow;
        }

        public void setReopenWindow(Duration reopenWindow) {
            this.reopenWindow = reopenWindow;
        }
    }

    /** Reply by e-mail: reply tokens for notification e-mails and the inbound endpoint. */
    public static class Replies {

        /**
         * The shared secret the host's mail pipeline sends in the X-Client-Workspace-Inbound-Secret header of
         * POST {base-path}/inbound/replies (compared in constant time). Empty (the default): the inbound endpoint
         * answers 404 and replies can only be received through the Java API (kit.replies().receive).
         */
        private String inboundSecret = "";

        /** How long a reply token is accepted after it was issued: between 1 minute and 365 days. */
        private Duration tokenValidity = Duration.ofDays(30);

        /** The local-part prefix of reply addresses the REST API shows: prefix+token@address-domain. */
        private String addressPrefix = "reply";

        /**
         * The domain of reply addresses the REST API shows (e.g. mail.example.com); empty (the default): the API
         * returns the token only and the host builds the address.
         */
        private String addressDomain = "";

        public String getInboundSecret() {
            return inboundSecret;
        }

        public void setInboundSecret(String inboundSecret) {
            this.inboundSecret = inboundSecret;
        }

        public Duration getTokenValidity() {
            return tokenValidity;
        }

        public void setTokenValidity(Duration tokenValidity) {
            this.tokenValidity = tokenValidity;
        }

        public String getAddressPrefix() {
            return addressPrefix;
        }

        public void setAddressPrefix(String addressPrefix) {
            this.addressPrefix = addressPrefix;
        }

        public String getAddressDomain() {
            return addressDomain;
        }

        public void setAddressDomain(String addressDomain) {
            this.addressDomain = addressDomain;
        }
    }

    /** The JPA stores' schema. */
    public static class Jpa {

        /**
         * Whether to apply the kit's schema migrations at startup with Flyway (when Flyway is on the
         * class path). They run with their own history table, so they never mix with the host's.
         */
        private boolean migrate = true;

        /** Flyway history table of the kit's own migrations. */
        private String historyTable = "cwk_schema_history";

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public String getHistoryTable() {
            return historyTable;
        }

        public void setHistoryTable(String historyTable) {
            this.historyTable = historyTable;
        }
    }

    /** Store selection. */
    /** The in-memory stores (used when {@code store} is {@code memory}, or {@code auto} without JPA). */
    public static class Memory {

        /**
         * How long a kit call waits for the in-memory stores while another thread's transaction that wrote
         * through the kit holds them; then it is refused with an IllegalStateException that names that
         * thread (instead of hanging, e.g. in a @Transactional test that calls its own server). Positive.
         */
        private Duration lockTimeout = Duration.ofSeconds(30);

        public Duration getLockTimeout() {
            return lockTimeout;
        }

        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }
    }

    public enum Store {
        /** The JPA stores when workspace-jpa and an EntityManagerFactory are present, else in-memory. */
        AUTO,
        /** Always the in-memory stores (data is lost on restart). */
        MEMORY,
        /** Always the JPA stores; startup fails if workspace-jpa or an EntityManagerFactory is missing. */
        JPA
    }

    /** The authorizer's permission cache. */
    public static class Cache {

        /** Most cached permission answers kept at once. */
        private long maximumSize = 100_000;

        /**
         * How long a cached answer may be used. Changes made through this node are seen at once; this
         * bounds how long a change made by another node sharing the database may go unseen.
         */
        private Duration expireAfterWrite = Duration.ofSeconds(30);

        public long getMaximumSize() {
            return maximumSize;
        }

        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }

        public Duration getExpireAfterWrite() {
            return expireAfterWrite;
        }

        public void setExpireAfterWrite(Duration expireAfterWrite) {
            this.expireAfterWrite = expireAfterWrite;
        }
    }

    /** The REST API. */
    public static class Rest {

        /** Whether to expose the REST API (when Spring MVC and Spring Security are present). */
        private boolean enabled = true;

        /** Path under which every endpoint of the REST API is served. */
        private String basePath = "/api";

        /**
         * Whether to refuse unsafe calls (POST, PUT, PATCH, DELETE) under the base path that a browser
         * marks as coming from another site (Sec-Fetch-Site cross-site or same-site, or an Origin that is
         * neither the API's own nor listed in allowed-origins) with 403. Turn off only when the API
         * authenticates every call with something a browser never attaches on its own (a bearer token).
         */
        private boolean crossSiteProtection = true;

        /**
         * Origins (scheme://host[:port]) besides the API's own whose pages may make unsafe calls, e.g. the
         * host's single-page app served from another origin. Empty: same-origin pages only.
         */
        private List<String> allowedOrigins = new ArrayList<>();

        /** Largest JSON request body the REST API reads; a bigger one is refused with 413. */
        private DataSize maxJsonSize = DataSize.ofMegabytes(1);

        /**
         * Whether kit exceptions thrown in every controller of the application, not only the kit's own and those
         * annotated with @KitProblemDetails, become the kit's problem details (404 not-found, 409 conflict, 400
         * validation, 403 access-denied, ...) instead of 500s. The controllers' own exception handlers and the
         * host's advices still come first.
         */
        private boolean problemDetailsForHostControllers;

        /** Live updates of conversations as server-sent events. */
        private final LiveUpdates liveUpdates = new LiveUpdates();

        public boolean isCrossSiteProtection() {
            return crossSiteProtection;
        }

        public void setCrossSiteProtection(boolean crossSiteProtection) {
            this.crossSiteProtection = crossSiteProtection;
        }

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public DataSize getMaxJsonSize() {
            return maxJsonSize;
        }

        public void setMaxJsonSize(DataSize maxJsonSize) {
            this.maxJsonSize = maxJsonSize;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }

        public boolean isProblemDetailsForHostControllers() {
            return problemDetailsForHostControllers;
        }

        public void setProblemDetailsForHostControllers(boolean problemDetailsForHostControllers) {
            this.problemDetailsForHostControllers = problemDetailsForHostControllers;
        }

        public LiveUpdates getLiveUpdates() {
            return liveUpdates;
        }

        /**
         * Live updates of conversations: {@code GET {base}/workspaces/{id}/conversations/events} streams server-sent
         * events about the messages each subscriber may see. Polling with {@code ?since=} is the fallback.
         */
        public static class LiveUpdates {

            /** Whether to serve the server-sent events endpoint of conversations. */
            private boolean enabled = true;

            /** How long one subscription lasts before the server ends it (the browser's EventSource reconnects). */
            private Duration timeout = Duration.ofMinutes(15);

            /** How often a comment is sent to every subscriber, so closed connections are noticed (0 disables). */
            private Duration heartbeatInterval = Duration.ofSeconds(25);

            /** Subscriptions one user may hold at once; a new one ends the user's oldest. */
            private int maxSubscribersPerUser = 5;

            /** Subscriptions held at once on this node in all; beyond, subscribing answers 503. */
            private int maxSubscribers = 1000;

            /**
             * Events waiting to be sent to one subscriber at most; beyond, that subscription alone is ended (its
             * EventSource reconnects and catches up by polling with since) and the others still get every event.
             */
            private int outboxCapacity = 100;

            /**
             * Threads sending live updates to all subscribers, at most one send in flight per subscriber, so that many
             * clients that stop reading hold at most this many threads.
             */
            private int senderThreads = 4;

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public Duration getTimeout() {
                return timeout;
            }

            public void setTimeout(Duration timeout) {
                this.timeout = timeout;
            }

            public Duration getHeartbeatInterval() {
                return heartbeatInterval;
            }

            public void setHeartbeatInterval(Duration heartbeatInterval) {
                this.heartbeatInterval = heartbeatInterval;
            }

            public int getMaxSubscribersPerUser() {
                return maxSubscribersPerUser;
            }

            public void setMaxSubscribersPerUser(int maxSubscribersPerUser) {
                this.maxSubscribersPerUser = maxSubscribersPerUser;
            }

            public int getMaxSubscribers() {
                return maxSubscribers;
            }

            public void setMaxSubscribers(int maxSubscribers) {
                this.maxSubscribers = maxSubscribers;
            }

            public int getOutboxCapacity() {
                return outboxCapacity;
            }

            public void setOutboxCapacity(int outboxCapacity) {
                this.outboxCapacity = outboxCapacity;
            }

            public int getSenderThreads() {
                return senderThreads;
            }

            public void setSenderThreads(int senderThreads) {
                this.senderThreads = senderThreads;
            }
        }
    }

    /** How the default ActorResolver reads Spring Security's Authentication. */
    public static class Security {

        /** Authorities starting with this prefix name the user's tenant, e.g. TENANT_northwind. */
        private String tenantAuthorityPrefix = "TENANT_";

        /** The authority that marks a team user; users without it act as clients. */
        private String teamAuthority = "ROLE_WORKSPACE_TEAM";

        /** Tenant used when the Authentication names none (single-tenant hosts). Empty: none. */
        private String defaultTenantId = "";

        public String getTenantAuthorityPrefix() {
            return tenantAuthorityPrefix;
        }

        public void setTenantAuthorityPrefix(String tenantAuthorityPrefix) {
            this.tenantAuthorityPrefix = tenantAuthorityPrefix;
        }

        public String getTeamAuthority() {
            return teamAuthority;
        }

        public void setTeamAuthority(String teamAuthority) {
            this.teamAuthority = teamAuthority;
        }

        public String getDefaultTenantId() {
            return defaultTenantId;
        }

        public void setDefaultTenantId(String defaultTenantId) {
            this.defaultTenantId = defaultTenantId;
        }
    }

    /** Delivery of domain events. */
    public static class Events {

        /** Whether to republish domain events as Spring application events after commit. */
        private boolean publishApplicationEvents = true;

        /**
         * How often to relay events that were committed but not delivered (crash between commit and
         * delivery), when the stores have an outbox. Zero or negative disables the relay.
         */
        private Duration relayInterval = Duration.ofMinutes(1);

        public boolean isPublishApplicationEvents() {
            return publishApplicationEvents;
        }

        public void setPublishApplicationEvents(boolean publishApplicationEvents) {
            this.publishApplicationEvents = publishApplicationEvents;
        }

        public Duration getRelayInterval() {
            return relayInterval;
        }

        public void setRelayInterval(Duration relayInterval) {
            this.relayInterval = relayInterval;
        }
    }

    /**
     * Signed checkpoints of the activity chains (Ed25519): the anchor that reveals a history rewritten
     * or truncated by someone who can write the database. A {@code CheckpointKeys} bean of the host
     * replaces the two key properties; a {@code CheckpointSink} bean replaces where checkpoints go.
     */
    public static class Checkpoints {

        /**
         * Ed25519 private key that signs checkpoints: an unencrypted PKCS#8 file, PEM or DER (as written by
         * "openssl genpkey -algorithm ed25519"). A file path, or a resource location such as
         * "classpath:..." or "file:...". Keep it out of the database and readable only by the application.
         * Without it (and without a CheckpointKeys bean), no checkpoint is signed.
         */
        private @Nullable String privateKey;

        /**
         * Ed25519 public key that verification trusts: an X.509 SubjectPublicKeyInfo file, PEM or DER
         * ("openssl pkey -pubout"). Derived from the private key when not set; set alone, this node verifies
         * checkpoints but signs none.
         */
        private @Nullable String publicKey;

        /**
         * How often to sign the head of every workspace whose activity chain moved since its last
         * checkpoint. Zero or negative disables signing.
         */
        private Duration interval = Duration.ofHours(1);

        public @Nullable String getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(@Nullable String privateKey) {
            this.privateKey = privateKey;
        }

        public @Nullable String getPublicKey() {
            return publicKey;
        }

        public void setPublicKey(@Nullable String publicKey) {
            this.publicKey = publicKey;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** One tenant of {@code client-workspace.tenants.<key>}, provisioned at startup by {@link TenantBootstrap}. */
    public static class TenantDeclaration {

        /** The tenant's display name (1 to 120 characters); used only when the tenant is created. */
        private @Nullable String name;

        /** The tenant's initial tenant admins (user ids); used only when the tenant is created. */
        private List<String> admins = new ArrayList<>();

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public List<String> getAdmins() {
            return admins;
        }

        public void setAdmins(List<String> admins) {
            this.admins = admins;
        }
    }
}
